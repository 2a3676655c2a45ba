"""After an event, its organiser is reminded in her language to report the outcome: a day after, and two weeks after."""

import datetime

import pytest
from django.core import mail

from widmonitor.events.models import EventOutcome
from widmonitor.events.reminders import due, send_reminders
from widmonitor.partners.models import MailLanguage

from .conftest import event_of

ENDED = datetime.datetime(2027, 3, 28, 14, 0, tzinfo=datetime.timezone.utc)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize(
    "now, sent, reported, expected",
    [
        (ENDED + HOUR, 0, False, False),  # just ended: not yet
        (ENDED + DAY - HOUR, 0, False, False),
        (ENDED + DAY, 0, False, True),  # the day after: first reminder
        (ENDED + 2 * DAY, 1, False, False),  # one sent, the second waits for two weeks
        (ENDED + 14 * DAY, 1, False, True),
        (ENDED + 20 * DAY, 2, False, False),  # two sent: no more
        (ENDED + 3 * DAY, 0, True, False),  # reported: none
        (ENDED + 61 * DAY, 0, False, False),  # too old to remind of
    ],
)
def test_the_reminder_schedule(now, sent, reported, expected):
    assert due(ENDED, sent, now, reported) is expected


@pytest.fixture
def ended(records, vocabularies, people):
    event = event_of(records[0], title={"en": "Coding day", "nl": "Codeerdag"}, created_by=people["partner of X"])
    MailLanguage.objects.create(user=people["partner of X"], language="nl")
    return event


def test_the_organiser_is_reminded_once_in_her_language_then_once_more_two_weeks_later(ended, people):
    assert send_reminders(ended.ends_at + HOUR) == 0
    assert send_reminders(ended.ends_at + DAY) == 1
    (message,) = mail.outbox
    assert message.to == [people["partner of X"].email]
    assert message.subject == "Hoe verliep uw evenement? Meld het resultaat" and "Codeerdag" in message.body and "/nl/partner/events/" in message.body
    assert send_reminders(ended.ends_at + 2 * DAY) == 0
    assert send_reminders(ended.ends_at + 14 * DAY) == 1
    assert send_reminders(ended.ends_at + 30 * DAY) == 0
    assert len(mail.outbox) == 2


def test_no_reminder_once_an_outcome_is_entered_nor_for_an_unpublished_event(ended, records, people):
    EventOutcome.objects.create(event=ended, participants=30, women_and_girls=20, source_kind="own-count")
    event_of(records[0], moderation="submitted", created_by=people["partner of X"])
    assert send_reminders(ended.ends_at + DAY) == 0
    assert mail.outbox == []


def test_the_daily_job_lists_the_reminders(ended):
    from widmonitor.daily import JOBS

    assert "event-outcome-reminders" in [job.name for job in JOBS]
