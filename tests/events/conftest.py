"""Events of the partners' world (organisations X and Y, a published record of X, a draft of Y, a person per role)."""

import datetime

import pytest

from widmonitor.events.models import Event
from widmonitor.events.times import local_instant

from ..partners.conftest import client_of, organisations, people, records  # noqa: F401  (fixtures shared with the partners' tests)


def event_of(initiative, day=datetime.date(2027, 3, 28), start=(10, 0), end=(16, 0), moderation="published", **extra):
    """An event saved as is, for setting a scene; times are Belgian time."""
    event = Event(
        initiative=initiative,
        title=extra.pop("title", {"en": "Coding day", "nl": "Codeerdag"}),
        original_language="en",
        starts_at=local_instant(day, datetime.time(*start)),
        ends_at=local_instant(day, datetime.time(*end)),
        municipality=extra.pop("municipality", "Leuven"),
        province=extra.pop("province", "VBR"),
        moderation=moderation,
        **extra,
    )
    event.full_clean(exclude=["uid"])
    event.save()
    return event


@pytest.fixture
def published_event(records, vocabularies):
    return event_of(records[0])
