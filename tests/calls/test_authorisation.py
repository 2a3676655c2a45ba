"""Every page and write of calls, tried as every role: exactly the right ones read or write, the others get nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from django.contrib.auth import get_user_model

from widmonitor.calls.models import Application, CallRole, Conflict, Score

from .conftest import application_of

ROLES = [
    "anonymous", "partner of the applicant", "other partner", "reviewer", "reviewer with a conflict",
    "manager of A", "manager of B", "moderator",
]  # fmt: skip


def read(name, *args):
    def attempt(client, world):
        return client.get(reverse(name, args=[arg(world) if callable(arg) else arg for arg in args])).status_code == 200

    return attempt


def application_pk(world):
    return world["submitted"].pk


def score(client, world):
    criteria = world["call"].criteria.all()
    data = {f"score_{c.pk}": 3 for c in criteria}
    client.post(reverse("calls:review_application", args=["call-a", world["submitted"].pk]), data)
    return Score.objects.filter(application=world["submitted"]).exists()


def declare_conflict(client, world):
    client.post(reverse("calls:declare_conflict", args=["call-a"]), {"application": world["submitted"].pk})
    return Conflict.objects.filter(application=world["submitted"]).exists()


def decide(client, world):
    world["call"].closes_at = timezone.now()  # decisions come after the deadline
    world["call"].save()
    client.post(reverse("calls:decide", args=["call-a", world["submitted"].pk]), {"decision": "not-funded", "reasons": "Tried"})
    return Application.objects.get(pk=world["submitted"].pk).status == "not-funded"


def edit_application(client, world):
    client.post(reverse("calls:application", args=[world["draft"].pk]), {**world["draft_form"], "title": "Tried", "action": "save"})
    return Application.objects.get(pk=world["draft"].pk).title == "Tried"


def open_call_form_in_back_office(client, world):
    return client.get(reverse("admin:calls_call_add")).status_code == 200


def grant_a_role(client, world):
    user = world["other"]
    client.post(reverse("admin:calls_callrole_add"), {"user": user.pk, "call": world["call"].pk, "role": "reviewer"})
    return CallRole.objects.filter(user=user).exists()


CASES = {
    # (action, roles allowed)
    "read the public call page": (read("calls:detail", "call-a"), set(ROLES)),
    "read the funded projects": (read("calls:funded"), set(ROLES)),
    "read the applicant's draft": (read("calls:application", lambda w: w["draft"].pk), {"partner of the applicant"}),
    "edit the applicant's draft": (edit_application, {"partner of the applicant"}),
    "read the review list": (read("calls:review", "call-a"), {"reviewer", "reviewer with a conflict", "manager of A"}),
    "read the submitted application": (read("calls:review_application", "call-a", application_pk), {"reviewer", "manager of A"}),
    "score it": (score, {"reviewer"}),
    "declare a conflict with it": (declare_conflict, {"reviewer"}),
    "read the ranking": (read("calls:ranking", "call-a"), {"manager of A"}),
    "decide on it": (decide, {"manager of A"}),
    "open the call form of the back office": (open_call_form_in_back_office, {"moderator"}),
    "grant a role in a call": (grant_a_role, {"moderator"}),
}


@pytest.fixture
def world(people, calls, organisations, submitted):
    draft = application_of(calls[0], organisations[0], title="Draft", status=Application.Status.DRAFT)
    form = {
        "organisation": organisations[0].pk, "title": "Draft", "language": "en", "summary": "A project.", "budget": 100000,
        "sub_objectives": [s.pk for s in draft.sub_objectives.all()], "audiences": [t.pk for t in draft.audiences.all()],
        "regions": [t.pk for t in draft.regions.all()], "expected_participants": 600, "expected_women": 450,
    }  # fmt: skip
    other = get_user_model().objects.create_user("someone", "someone@example.org", "pass-1234-pass")
    return {"call": calls[0], "submitted": submitted, "draft": draft, "draft_form": form, "other": other}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES)
def test_only_the_right_roles_read_or_write(case, role, world, clients):
    attempt, allowed = CASES[case]
    assert attempt(clients[role], world) is (role in allowed)
