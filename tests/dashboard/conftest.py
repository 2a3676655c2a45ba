"""The partners' world (organisations X and Y, a published record of X, a draft of Y, a person per role), the strategy,
and things waiting for a moderator since a given time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import Proposal
from widmonitor.reach.models import Outcome

from ..partners.conftest import client_of, organisations, people, records  # noqa: F401  (fixtures shared with the partners' tests)


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def proposal_since(record, author, when, **data):
    proposal = Proposal.objects.create(initiative=record, author=author, data=data or {"url": "https://p.example"}, seen_version=record.version)
    Proposal.objects.filter(pk=proposal.pk).update(created_at=when)
    return proposal


def submission_since(author, when, uid="submitted-club", organisation=None):
    record = Initiative(uid=uid, title={"en": "A submitted club"}, original_language="en", moderation="submitted")
    save_initiative(record, {"organisations": [organisation]} if organisation else {}, author, "Submitted")
    Initiative.objects.filter(pk=record.pk).update(created_at=when)
    return record


def outcome_since(record, author, when, year=2024):
    outcome = Outcome.objects.create(
        initiative=record, year=year, participants=100, women_and_girls=60, source_kind="own-count", entered_by=author
    )
    Outcome.objects.filter(pk=outcome.pk).update(created_at=when)
    return outcome


@pytest.fixture
def moderator_client(people):  # noqa: F811
    return client_of(people["moderator"])
