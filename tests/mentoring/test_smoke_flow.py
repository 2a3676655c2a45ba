from widmonitor.mentoring import runs

from .conftest import applicant


def test_a_run_proposes_the_mentor_who_shares_a_language(cycles, people):
    cycle = cycles[0]
    mentee = applicant(cycle, "mentee", "Mia Mentee")
    mentor = applicant(cycle, "mentor", "Mona Mentor")
    run = runs.run_matching(cycle, people["matcher of A"])
    assert [(row["mentee"], row["mentor"]) for row in run.pairs] == [
        (str(mentee.participations.get().pk), str(mentor.participations.get().pk))
    ]
    assert runs.sentences(run.pairs[0]["reasons"])[0] == "both speak French"
