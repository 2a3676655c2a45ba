"""The partners' world (organisations X and Y, a published record of X, a draft of Y, a person per role), and outcomes."""

import pytest
from django.urls import reverse

from widmonitor.reach.models import Outcome

from ..partners.conftest import client_of, organisations, people, records  # noqa: F401  (fixtures shared with the partners' tests)


def outcome_of(initiative, year=2024, participants=100, women=60, status="pending", **extra):
    """An outcome saved as is, for setting a scene (the forms and actions are tested on their own)."""
    return Outcome.objects.create(
        initiative=initiative,
        year=year,
        participants=participants,
        women_and_girls=women,
        source_kind=extra.pop("source_kind", "own-count"),
        status=status,
        **extra,
    )


def outcome_form(year=2024, participants=100, women=60, **extra):
    """POST data of the partner's outcome form; age bands as ``age_<band>_participants`` and ``age_<band>_women``."""
    return {
        "year": year,
        "participants": participants,
        "women_and_girls": women,
        "sessions": 10,
        "source_kind": "own-count",
        "source_note": "Attendance lists",
        **extra,
    }


def reach_url(uid):
    return reverse("reach:outcomes", args=[uid])


QUEUE = reverse("admin:reach_outcome_changelist")


def decide(client, action, outcomes, message=""):
    return client.post(QUEUE, {"action": action, "_selected_action": [o.pk for o in outcomes], "message": message})


@pytest.fixture
def partner_x(people):  # noqa: F811
    return client_of(people["partner of X"])


@pytest.fixture
def moderator_client(people):  # noqa: F811
    return client_of(people["moderator"])
