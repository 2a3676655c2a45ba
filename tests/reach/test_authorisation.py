"""Every write of the reach, tried as every role: exactly the right ones write, the others write nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from widmonitor.reach.models import Outcome

from .conftest import QUEUE, client_of, outcome_form, outcome_of, reach_url

ROLES = ["anonymous", "partner of X", "partner of Y", "moderator", "administrator"]


def enter_for(uid):
    def attempt(client, world):
        client.post(reach_url(uid), outcome_form(year=2023, participants=77, women=7))
        return Outcome.objects.filter(participants=77).exists()

    return attempt


def decision(action, message=""):
    def attempt(client, world):
        client.post(QUEUE, {"action": action, "_selected_action": [world["pending"].pk], "message": message})
        return Outcome.objects.get(pk=world["pending"].pk).status != "pending"

    return attempt


def enter_in_the_back_office(client, world):
    data = {
        "initiative": world["x"].pk, "year": 2023, "participants": 88, "women_and_girls": 8, "source_kind": "estimate",
        "source_note": "", "sessions": "",
        "ages-TOTAL_FORMS": 0, "ages-INITIAL_FORMS": 0, "ages-MIN_NUM_FORMS": 0, "ages-MAX_NUM_FORMS": 1000,
    }
    client.post(reverse("admin:reach_outcome_add"), data)
    return Outcome.objects.filter(participants=88, status="accepted").exists()


WRITES = {
    "enter an outcome of X's record": (enter_for("x-coding-club"), {"partner of X"}),
    "enter an outcome of Y's record": (enter_for("y-draft"), {"partner of Y"}),
    "accept an outcome": (decision("accept"), {"moderator", "administrator"}),
    "reject an outcome": (decision("reject", "No source."), {"moderator", "administrator"}),
    "enter an accepted outcome in the back office": (enter_in_the_back_office, {"moderator", "administrator"}),
}


@pytest.fixture
def world(records, people):
    x, _y = records
    return {"x": x, "people": people, "pending": outcome_of(x, year=2024, entered_by=people["partner of X"])}


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("role", ROLES)
def test_exactly_the_right_roles_may_write(write, role, world):
    attempt, allowed = WRITES[write]

    wrote = attempt(client_of(world["people"][role]), world)

    assert wrote == (role in allowed), f"{role} {'could' if wrote else 'could not'} {write}"


@pytest.mark.parametrize("role", ["partner of Y", "moderator", "administrator"])
def test_the_reach_page_of_another_organisations_record_is_not_found(role, world):
    response = client_of(world["people"][role]).get(reach_url("x-coding-club"))

    assert response.status_code == 404


def test_an_anonymous_visitor_is_sent_to_the_login(world):
    response = Client().get(reach_url("x-coding-club"))

    assert response.status_code == 302
    assert reverse("partners:login") in response.url


def test_an_outcome_without_the_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["people"]["partner of X"])

    response = client.post(reach_url("x-coding-club"), outcome_form(year=2023, participants=77, women=7))

    assert response.status_code == 403
    assert not Outcome.objects.filter(participants=77).exists()


def test_a_decision_without_the_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["people"]["moderator"])

    response = client.post(QUEUE, {"action": "accept", "_selected_action": [world["pending"].pk]})

    assert response.status_code == 403
    assert Outcome.objects.get(pk=world["pending"].pk).status == "pending"
