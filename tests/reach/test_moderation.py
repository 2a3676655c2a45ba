"""Moderators accept or reject outcomes; an accepted outcome replaces the year's earlier one, which the history keeps."""

from django.db import IntegrityError
from django.urls import reverse

from widmonitor.reach.models import Outcome

from .conftest import decide, outcome_of


def test_accepting_names_the_moderator_and_emails_the_partner(records, people, moderator_client, mailoutbox):
    outcome = outcome_of(records[0], entered_by=people["partner of X"])

    decide(moderator_client, "accept", [outcome], "Thanks!")

    outcome.refresh_from_db()
    assert (outcome.status, outcome.decided_by.username, outcome.reason) == ("accepted", "moderator", "Thanks!")
    assert [m.to for m in mailoutbox] == [["partner-x@example.org"]]
    assert mailoutbox[0].subject == f"Your outcome #{outcome.pk} was accepted"
    assert "Thanks!" in mailoutbox[0].body
    assert "/partner/initiatives/x-coding-club/reach/" in mailoutbox[0].body


def test_rejecting_needs_a_reason(records, people, moderator_client, mailoutbox):
    outcome = outcome_of(records[0], entered_by=people["partner of X"])

    response = decide(moderator_client, "reject", [outcome], " ")
    assert Outcome.objects.get().status == "pending"
    assert "Tell the partner why the outcome is rejected." in moderator_client.get(response.url).content.decode()
    assert not mailoutbox

    decide(moderator_client, "reject", [outcome], "Which lists?")

    assert Outcome.objects.get().status == "rejected"
    assert mailoutbox[0].subject == f"Your outcome #{outcome.pk} was rejected"
    assert "Which lists?" in mailoutbox[0].body


def test_a_decided_outcome_is_not_decided_again(records, people, moderator_client, mailoutbox):
    outcome = outcome_of(records[0], entered_by=people["partner of X"])
    decide(moderator_client, "reject", [outcome], "No.")

    response = decide(moderator_client, "accept", [outcome])

    assert Outcome.objects.get().status == "rejected"
    assert f"Outcome #{outcome.pk} was already rejected." in moderator_client.get(response.url).content.decode()
    assert len(mailoutbox) == 1


def test_a_newer_accepted_outcome_replaces_the_old_one_which_the_history_keeps(records, people, moderator_client):
    old = outcome_of(records[0], year=2024, participants=100, women=60, status="accepted")
    newer = outcome_of(records[0], year=2024, participants=120, women=80, entered_by=people["partner of X"])
    other_year = outcome_of(records[0], year=2023, status="accepted")

    decide(moderator_client, "accept", [newer])

    assert list(Outcome.objects.accepted().values_list("pk", flat=True)) == [newer.pk, other_year.pk]
    old.refresh_from_db()
    assert old.status == "replaced"
    entries = list(old.history.order_by("history_date", "history_id").values_list("status", "participants", "history_change_reason"))
    assert entries == [("accepted", 100, None), ("replaced", 100, f"Replaced by outcome #{newer.pk}")]
    assert old.history.first().history_user.username == "moderator"


def test_accepting_two_outcomes_of_one_year_at_once_keeps_the_later_one(records, people, moderator_client):
    first = outcome_of(records[0], participants=10, women=5, entered_by=people["partner of X"])
    second = outcome_of(records[0], participants=20, women=5, entered_by=people["partner of X"])

    decide(moderator_client, "accept", [second, first])

    assert Outcome.objects.get(status="accepted") == second
    assert Outcome.objects.get(pk=first.pk).status == "replaced"


def test_a_moderators_own_outcome_is_accepted_at_once_with_its_ages_and_no_email(records, people, moderator_client, mailoutbox):
    data = {
        "initiative": records[0].pk, "year": 2024, "participants": 50, "women_and_girls": 30, "sessions": 4,
        "source_kind": "other", "source_note": "Annual report 2024, p. 12",
        "ages-TOTAL_FORMS": 1, "ages-INITIAL_FORMS": 0, "ages-MIN_NUM_FORMS": 0, "ages-MAX_NUM_FORMS": 1000,
        "ages-0-band": "12-18", "ages-0-participants": 20, "ages-0-women_and_girls": 15,
    }

    moderator_client.post(reverse("admin:reach_outcome_add"), data)

    outcome = Outcome.objects.get()
    assert (outcome.status, outcome.entered_by.username, outcome.decided_by.username) == ("accepted", "moderator", "moderator")
    assert [(a.band, a.participants, a.women_and_girls) for a in outcome.ages.all()] == [("12-18", 20, 15)]
    assert not mailoutbox


def test_the_back_office_refuses_age_rows_past_the_totals(records, moderator_client):
    data = {
        "initiative": records[0].pk, "year": 2024, "participants": 50, "women_and_girls": 30, "sessions": "",
        "source_kind": "estimate", "source_note": "",
        "ages-TOTAL_FORMS": 2, "ages-INITIAL_FORMS": 0, "ages-MIN_NUM_FORMS": 0, "ages-MAX_NUM_FORMS": 1000,
        "ages-0-band": "12-18", "ages-0-participants": 40, "ages-0-women_and_girls": 15,
        "ages-1-band": "19-25", "ages-1-participants": 20, "ages-1-women_and_girls": 15,
    }

    response = moderator_client.post(reverse("admin:reach_outcome_add"), data)

    assert response.status_code == 200
    assert "The age bands count 60 participants, more than the 50 in all." in response.content.decode()
    assert not Outcome.objects.exists()


def test_an_entered_outcome_cannot_be_edited_or_deleted_in_the_back_office(records, people, moderator_client):
    outcome = outcome_of(records[0], entered_by=people["partner of X"])
    url = reverse("admin:reach_outcome_change", args=[outcome.pk])

    moderator_client.post(url, {"participants": 5, "women_and_girls": 1})

    outcome.refresh_from_db()
    assert outcome.participants == 100
    assert moderator_client.get(reverse("admin:reach_outcome_delete", args=[outcome.pk])).status_code == 403


def test_a_moderators_own_outcome_refused_by_an_acceptance_at_the_same_moment_stays_pending_and_she_is_told(
    records, people, moderator_client, monkeypatch
):
    other = outcome_of(records[0], year=2024, status="accepted", decided_by=people["administrator"])

    def accepted_meanwhile(*args):  # what the database answers when another acceptance of the year committed first
        raise IntegrityError('duplicate key value violates unique constraint "outcome_one_accepted_per_year"')

    monkeypatch.setattr(Outcome, "_decide", accepted_meanwhile)
    data = {
        "initiative": records[0].pk, "year": 2024, "participants": 50, "women_and_girls": 30, "sessions": "",
        "source_kind": "estimate", "source_note": "",
        "ages-TOTAL_FORMS": 0, "ages-INITIAL_FORMS": 0, "ages-MIN_NUM_FORMS": 0, "ages-MAX_NUM_FORMS": 1000,
    }

    response = moderator_client.post(reverse("admin:reach_outcome_add"), data)

    own = Outcome.objects.exclude(pk=other.pk).get()
    assert response.status_code == 302 and own.status == "pending"
    assert Outcome.objects.get(pk=other.pk).status == "accepted"
    assert [str(m) for m in response.wsgi_request._messages][0] == (
        f"Outcome #{own.pk} is not accepted: outcome #{other.pk} of the same initiative and year was accepted by root at "
        "the same moment. Look at both, then accept this one again if it should replace it."
    )
