"""An event's outcome: entered by its organiser, checked like the reach, accepted by a moderator, shown and counted."""

import datetime

import pytest
from django.urls import reverse

from widmonitor.events.models import EventOutcome, EventOutcomeByAge
from widmonitor.initiatives.models import Initiative
from widmonitor.reach.models import Outcome
from widmonitor.reach.summary import reach_by_age, reach_total
from widmonitor.reports.build import build_report

from .conftest import client_of, event_of

YEAR = 2025


@pytest.fixture
def running_x(records, vocabularies):
    """X's record, running since 2024 (so it is in the reach's and the report's scope for 2025)."""
    Initiative.objects.filter(pk=records[0].pk).update(starts="2024", starts_on=datetime.date(2024, 1, 1))
    return Initiative.objects.get(pk=records[0].pk)


def outcome_of(event, participants=40, women=25, status="accepted", ages=()):
    outcome = EventOutcome.objects.create(event=event, participants=participants, women_and_girls=women, source_kind="own-count", status=status)
    for band, p, w in ages:
        EventOutcomeByAge.objects.create(outcome=outcome, band=band, participants=p, women_and_girls=w)
    return outcome


def outcome_form(participants=40, women=25, **extra):
    return {"participants": participants, "women_and_girls": women, "source_kind": "own-count", "source_note": "", **extra}


def test_the_organiser_enters_an_outcome_that_waits_for_a_moderator(running_x, people):
    event = event_of(running_x, day=datetime.date(YEAR, 5, 3))
    response = client_of(people["partner of X"]).post(
        reverse("partner_events:outcome", args=[event.uid]), outcome_form(age_12_18_participants=30, age_12_18_women=20)
    )
    assert response.status_code == 302
    outcome = EventOutcome.objects.get()
    assert outcome.status == "pending" and outcome.entered_by == people["partner of X"]
    assert [(a.band, a.participants, a.women_and_girls) for a in outcome.ages.all()] == [("12-18", 30, 20)]


@pytest.mark.parametrize(
    "data, message",
    [
        (outcome_form(participants=10, women=12), "12 women and girls is more than the 10 participants."),
        (outcome_form(age_12_18_participants=50, age_12_18_women=20), "The age bands count 50 participants, more than the 40 in all."),
        (outcome_form(age_12_18_participants=5), "Age 12 to 18: give both the participants and the women and girls, or neither."),
        (outcome_form(source_kind="other"), "Name the source of the figures."),
    ],
)
def test_an_outcome_is_checked_like_the_reach(running_x, people, data, message):
    event = event_of(running_x, day=datetime.date(YEAR, 5, 3))
    response = client_of(people["partner of X"]).post(reverse("partner_events:outcome", args=[event.uid]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not EventOutcome.objects.exists()


def test_no_outcome_before_the_event_has_ended(running_x, people):
    event = event_of(running_x, day=datetime.date(2030, 5, 3))
    response = client_of(people["partner of X"]).post(reverse("partner_events:outcome", args=[event.uid]), outcome_form())
    assert response.status_code == 302 and not EventOutcome.objects.exists()


def test_accepting_a_newer_outcome_replaces_the_accepted_one(running_x, people):
    event = event_of(running_x, day=datetime.date(YEAR, 5, 3))
    first, second = outcome_of(event), outcome_of(event, participants=50, status="pending")
    second.accept(people["moderator"])
    first.refresh_from_db()
    assert (first.status, second.status) == ("replaced", "accepted")


def test_the_event_page_shows_the_accepted_outcome_only(client, running_x):
    event = event_of(running_x, day=datetime.date(YEAR, 5, 3))
    outcome_of(event, participants=77, women=41, status="pending")
    assert "77" not in client.get(event.get_absolute_url()).content.decode()
    outcome_of(event, participants=40, women=25, ages=[("12-18", 30, 20)])
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<td>40</td><td>25</td><td>62 %</td>" in page and "aged 12 to 18" in page


def test_the_reach_of_an_initiative_adds_up_its_events_accepted_outcomes_of_the_year(running_x):
    Outcome.objects.create(initiative=running_x, year=YEAR, participants=100, women_and_girls=60, source_kind="own-count", status="accepted")
    outcome_of(event_of(running_x, day=datetime.date(YEAR, 5, 3)), 40, 25, ages=[("12-18", 30, 20)])
    outcome_of(event_of(running_x, day=datetime.date(YEAR, 9, 3)), 10, 10)
    outcome_of(event_of(running_x, day=datetime.date(YEAR, 10, 3)), 500, 1, status="pending")  # not accepted
    outcome_of(event_of(running_x, day=datetime.date(YEAR, 11, 3), moderation="submitted"), 500, 1)  # event not published
    outcome_of(event_of(running_x, day=datetime.date(YEAR - 1, 12, 31), start=(23, 0), end=(23, 30)), 500, 1)  # the year before (Belgian time)
    total = reach_total(YEAR, [running_x])
    assert (total.participants, total.women, total.sessions) == (150, 95, 2)
    ages = {row.subject.value: row for row in reach_by_age(YEAR, [running_x])}
    assert (ages["12-18"].participants, ages["12-18"].women) == (30, 20)


def test_the_initiative_page_shows_what_its_events_reached(client, running_x):
    outcome_of(event_of(running_x, day=datetime.date(YEAR, 5, 3)), 40, 25)
    page = client.get(f"/en/initiatives/{running_x.uid}/").content.decode()
    assert "<th scope=\"row\">2025</th><td>1</td><td>40</td><td>25</td>" in page


def test_the_annual_report_counts_the_events_of_its_year(strategy, running_x):
    outcome_of(event_of(running_x, day=datetime.date(YEAR, 5, 3)), 40, 25)
    outcome_of(event_of(running_x, day=datetime.date(YEAR + 1, 1, 10)), 900, 900)
    report = build_report(YEAR)
    assert (report.reach.total.participants, report.reach.total.women) == (40, 25)
