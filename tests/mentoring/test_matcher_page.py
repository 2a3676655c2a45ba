"""The matcher's page: a run shows pairs with reasons; she fixes, excludes, swaps and re-runs; every run is kept; she confirms."""

from django.core import mail

from widmonitor.mentoring.models import MatchingRun, Pair

from .conftest import applicant


def key(profile):
    return str(profile.participations.get().pk)


def adjust(client, cycle, **data):
    return client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/adjust/", data)


def test_the_matcher_sees_each_proposed_pair_with_its_reasons_and_score(cycles, matcher_client):
    cycle = cycles[0]
    applicant(cycle, "mentee", "Mia Mentee", topics=("cybersecurity",))
    applicant(cycle, "mentor", "Mona Mentor", topics=("cybersecurity", "design-ux"))
    matcher_client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/run/")
    page = matcher_client.get(f"/en/partner/mentoring/cycles/{cycle.pk}/").content.decode()
    assert "Mia Mentee" in page and "Mona Mentor" in page
    assert "both speak French" in page and "shared topics: cybersecurity" in page and "same region: Liège" in page
    assert "Score: </span>7<" in page  # topics 5 + place 2; she named no goal nor availability


def test_excluding_a_pair_reruns_and_says_why_the_mentee_is_left_out(cycles, matcher_client):
    cycle = cycles[0]
    mia, mona = applicant(cycle, "mentee", "Mia Mentee"), applicant(cycle, "mentor", "Mona Mentor")
    matcher_client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/run/")
    adjust(matcher_client, cycle, action="exclude", mentee=key(mia), mentor=key(mona))
    run = cycle.latest_run()
    assert (run.version, run.pairs, run.excluded) == (2, [], [[key(mia), key(mona)]])
    page = matcher_client.get(f"/en/partner/mentoring/cycles/{cycle.pk}/").content.decode()
    assert "every mentor who speaks her language was excluded for her" in page
    adjust(matcher_client, cycle, action="include", mentee=key(mia), mentor=key(mona))
    assert cycle.latest_run().pairs[0]["mentor"] == key(mona)
    assert list(MatchingRun.objects.filter(cycle=cycle).values_list("version", flat=True)) == [3, 2, 1]  # nothing overwritten
    page = matcher_client.get(f"/en/partner/mentoring/cycles/{cycle.pk}/").content.decode()
    assert "by matcher-a: 0 pairs, total score 0; fixed: 0, excluded: 1." in page  # run 2, listed among the earlier runs


def test_a_swap_fixes_each_mentee_with_the_other_mentor_and_the_rerun_keeps_them(cycles, matcher_client):
    cycle = cycles[0]
    mia = applicant(cycle, "mentee", "Mia", topics=("cybersecurity",))
    noor = applicant(cycle, "mentee", "Noor", topics=("design-ux",))
    cyber = applicant(cycle, "mentor", "Cyber Mentor", topics=("cybersecurity",))
    design = applicant(cycle, "mentor", "Design Mentor", topics=("design-ux",))
    matcher_client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/run/")
    assert {(r["mentee"], r["mentor"]) for r in cycle.latest_run().pairs} == {(key(mia), key(cyber)), (key(noor), key(design))}
    adjust(matcher_client, cycle, action="swap", mentee=key(mia), other=key(noor))
    matcher_client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/run/")
    run = cycle.latest_run()
    assert {(r["mentee"], r["mentor"], r["fixed"]) for r in run.pairs} == {(key(mia), key(design), True), (key(noor), key(cyber), True)}
    assert run.version == 3


def test_a_fixed_choice_the_engine_cannot_keep_is_refused_and_stores_no_run(cycles, matcher_client):
    cycle = cycles[0]
    mia, noor = applicant(cycle, "mentee", "Mia"), applicant(cycle, "mentee", "Noor")
    mona = applicant(cycle, "mentor", "Mona", capacity=1)
    matcher_client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/run/")
    adjust(matcher_client, cycle, action="fix", mentee=key(mia), mentor=key(mona))
    response = adjust(matcher_client, cycle, action="assign", mentee=key(noor), mentor=key(mona))
    assert cycle.latest_run().version == 2
    page = matcher_client.get(response.url).content.decode()
    assert "Mona is fixed with more mentees than her capacity of 1." in page


def test_an_adjustment_naming_someone_outside_the_cycle_is_refused(cycles, matcher_client):
    cycle = cycles[0]
    applicant(cycle, "mentee", "Mia"), applicant(cycle, "mentor", "Mona")
    other = applicant(cycles[1], "mentor", "Other Mentor")
    matcher_client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/run/")
    response = adjust(matcher_client, cycle, action="assign", mentee=key(applicant(cycle, "mentee", "Zoe")), mentor=key(other))
    assert response.status_code == 400
    assert "This mentor is not to be matched in this cycle." in response.content.decode()
    assert cycle.latest_run().version == 1


def test_confirming_makes_the_pairs_and_emails_each_person_in_her_language(cycles, matcher_client, django_capture_on_commit_callbacks):
    cycle = cycles[0]
    applicant(cycle, "mentee", "Mia", language="fr")
    applicant(cycle, "mentor", "Mona", languages=("fr", "nl"), language="nl")
    matcher_client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/run/")
    with django_capture_on_commit_callbacks(execute=True):
        matcher_client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/confirm/")
    pair = Pair.objects.get()
    assert (pair.status, pair.run, pair.mentee.profile.name, pair.mentor.profile.name) == ("proposed", cycle.latest_run(), "Mia", "Mona")
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("mia@example.org", "Votre binôme de mentorat dans Programme A"),
        ("mona@example.org", "Uw mentoringkoppel in Programme A"),
    ]
    assert matcher_client.post(f"/en/partner/mentoring/cycles/{cycle.pk}/confirm/").status_code == 302
    assert Pair.objects.count() == 1  # a run is confirmed once
