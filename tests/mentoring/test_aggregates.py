"""A programme's figures: participants, women, age bands and follow-up answers per year, each count under 10 suppressed."""

from datetime import date, timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone

from widmonitor.mentoring import aggregates, links
from widmonitor.mentoring.models import FollowUp, Pair
from widmonitor.mentoring.reminders import send_follow_ups

from ..partners.conftest import client_of
from .conftest import applicant


def accepted_pairs(cycle, count, gender="woman"):
    pairs = []
    for number in range(count):
        mentee = applicant(cycle, "mentee", f"Mentee {number}", gender=gender, age_band="19-25")
        mentor = applicant(cycle, "mentor", f"Mentor {number}", gender="", age_band="46-64")
        pair = Pair.objects.create(cycle=cycle, mentee=mentee.participations.get(), mentor=mentor.participations.get())
        pair.accept("mentee"), pair.accept("mentor")
        pairs.append(pair)
    return pairs


def test_counts_under_ten_are_suppressed_and_the_page_says_so(cycles, matcher_client):
    cycle = cycles[0]
    accepted_pairs(cycle, 9)
    [year] = aggregates.figures([cycle.programme])
    assert (year.year, year.participants.shown, year.mentees.shown, year.women.shown) == (cycle.matching_on.year, 18, None, None)
    assert dict((str(label), cell.shown) for label, cell in year.ages) == {"12 to 18": None, "19 to 25": None, "26 to 45": None, "46 to 64": None, "65 and over": None}
    page = matcher_client.get(f"/en/partner/mentoring/programmes/{cycle.programme.pk}/").content.decode()
    assert "a count under 10 is not shown" in page and "fewer than 10" in page and "<td>18</td>" in page.replace("\n", "")


def test_ten_pairs_show_their_mentees_women_and_age_band(cycles):
    accepted_pairs(cycles[0], 10)
    [year] = aggregates.figures([cycles[0].programme])
    ages = {str(label): cell.shown for label, cell in year.ages}
    assert (year.participants.shown, year.mentees.shown, year.mentors.shown, year.women.shown) == (20, 10, 10, 10)
    assert (ages["19 to 25"], ages["46 to 64"], ages["26 to 45"]) == (10, 10, None)


def test_pairs_never_accepted_by_both_are_not_counted(cycles):
    pair = accepted_pairs(cycles[0], 1)[0]
    Pair.objects.create(cycle=cycles[0], mentee=pair.mentee, mentor=pair.mentor)  # proposed only
    assert aggregates.took_part([cycles[0].programme]).count() == 2


def test_follow_ups_go_at_the_end_and_six_months_later_once_each_and_count(cycles):
    cycle = cycles[0]
    accepted_pairs(cycle, 10)
    mail.outbox.clear()
    assert send_follow_ups(cycle.ends_on - timedelta(days=1)) == 0
    assert send_follow_ups(cycle.ends_on) == 20
    assert send_follow_ups(cycle.ends_on + timedelta(days=1)) == 0
    assert send_follow_ups(cycle.ends_on + timedelta(days=182)) == 20
    FollowUp.objects.filter(round="end", participation__role="mentee").update(answered_at=timezone.now(), still_in_touch=True, in_ict_role=False)
    [year] = aggregates.figures([cycle.programme])
    label, touch, job, ict, answered = year.answers[0]
    assert (touch.shown, job.shown, ict.shown, answered.shown) == (10, None, None, 10)


def test_she_answers_her_follow_up_once_with_its_link(cycles):
    pair = accepted_pairs(cycles[0], 1)[0]
    follow_up = FollowUp.objects.create(participation=pair.mentee, round="end")
    url = f"/en/mentoring/follow-up/{links.token('follow-up', follow_up=follow_up.pk)}/"
    assert Client().post(url, {"still_in_touch": "yes"}).status_code == 400
    Client().post(url, {"still_in_touch": "yes", "new_job_or_study": "no", "in_ict_role": "yes"})
    Client().post(url, {"still_in_touch": "no", "new_job_or_study": "no", "in_ict_role": "no"})
    follow_up.refresh_from_db()
    assert (follow_up.still_in_touch, follow_up.new_job_or_study, follow_up.in_ict_role) == (True, False, True)


def test_a_years_figures_go_to_the_initiatives_reach_as_a_pending_outcome_only_when_nothing_is_suppressed(programmes, matcher_client):
    from widmonitor.reach.models import Outcome

    from .conftest import make_cycle

    cycle = make_cycle(programmes[0], opens=date(2026, 1, 5))
    accepted_pairs(cycle, 9)
    url = f"/en/partner/mentoring/programmes/{cycle.programme.pk}/reach/"
    response = matcher_client.post(url, {"year": "2026"}, follow=True)
    assert "The figures of 2026 count fewer than 10 participants or women" in response.content.decode()
    assert not Outcome.objects.exists()
    accepted_pairs(cycle, 1)
    matcher_client.post(url, {"year": "2026"})
    outcome = Outcome.objects.get()
    assert (outcome.initiative, outcome.year, outcome.participants, outcome.women_and_girls, outcome.status) == (
        cycle.programme.initiative, 2026, 20, 10, "pending")
    assert [(row.band, row.participants, row.women_and_girls) for row in outcome.ages.all()] == [("19-25", 10, 10)]  # the mentors' band has no women


def test_a_partner_without_the_role_cannot_propose_the_reach(programmes, people):
    from widmonitor.reach.models import Outcome

    from ..partners.conftest import client_of

    response = client_of(people["partner"]).post(f"/en/partner/mentoring/programmes/{programmes[0].pk}/reach/", {"year": "2026"})
    assert response.status_code == 403 and not Outcome.objects.exists()
