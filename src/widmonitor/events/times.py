"""Belgian wall-clock times and the instants they name: events are stored in UTC, typed and shown in Europe/Brussels.

A local time that does not exist (02:30 on the last Sunday of March, skipped when summer time
starts) or that happens twice (02:30 on the last Sunday of October) is refused, not guessed.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def zone():
    return ZoneInfo(settings.TIME_ZONE)


def local_instant(day, time):
    """The instant of ``time`` on ``day`` in Belgium, as an aware datetime; ValidationError if it does not exist or is ambiguous."""
    tz = zone()
    naive = datetime.datetime.combine(day, time)
    early, late = naive.replace(tzinfo=tz, fold=0), naive.replace(tzinfo=tz, fold=1)
    round_trip = early.astimezone(datetime.timezone.utc).astimezone(tz).replace(tzinfo=None)
    if round_trip != naive:
        raise ValidationError(
            _("%(time)s does not exist in Belgium on %(day)s: the clocks skip that hour when summer time starts."),
            code="time_skipped",
            params={"time": time.strftime("%H:%M"), "day": day.isoformat()},
        )
    if early.utcoffset() != late.utcoffset():
        raise ValidationError(
            _("%(time)s happens twice in Belgium on %(day)s, when summer time ends: choose another time."),
            code="time_ambiguous",
            params={"time": time.strftime("%H:%M"), "day": day.isoformat()},
        )
    return early


def day_start(day):
    """The first instant of ``day`` in Belgium."""
    return datetime.datetime.combine(day, datetime.time(0), zone())
