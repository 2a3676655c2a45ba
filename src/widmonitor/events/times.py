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
    """The instant of ``time`` on ``day`` in Belgium, as an aware datetime; ValidationError if it does not exist or
    is ambiguous, naming the hour the clocks skip or repeat that day so the partner knows which times to use."""
    naive = datetime.datetime.combine(day, time)
    if not exists(naive):
        start, end = odd_hour(naive, exists)
        raise ValidationError(
            _(
                "%(time)s does not exist in Belgium on %(day)s: when summer time starts, the clocks jump from "
                "%(start)s straight to %(end)s. Choose a time before %(start)s or from %(end)s on."
            ),
            code="time_skipped",
            params={"time": time.strftime("%H:%M"), "day": day.isoformat(), "start": start, "end": end},
        )
    if repeats(naive):
        start, end = odd_hour(naive, lambda moment: not repeats(moment))
        raise ValidationError(
            _(
                "%(time)s happens twice in Belgium on %(day)s: when summer time ends, the clocks go back from "
                "%(end)s to %(start)s, so that hour repeats. Choose a time before %(start)s or from %(end)s on."
            ),
            code="time_ambiguous",
            params={"time": time.strftime("%H:%M"), "day": day.isoformat(), "start": start, "end": end},
        )
    return naive.replace(tzinfo=zone(), fold=0)


def exists(naive):
    local = naive.replace(tzinfo=zone())
    return local.astimezone(datetime.timezone.utc).astimezone(zone()).replace(tzinfo=None) == naive


def repeats(naive):
    return naive.replace(tzinfo=zone(), fold=0).utcoffset() != naive.replace(tzinfo=zone(), fold=1).utcoffset()


def odd_hour(naive, is_ordinary):
    """``("HH:MM", "HH:MM")``: the first odd minute around ``naive`` and the first ordinary one after (the clocks
    change by at most an hour, so three hours either side cover it)."""
    minute = datetime.timedelta(minutes=1)
    start = naive
    while not is_ordinary(start - minute) and naive - start < datetime.timedelta(hours=3):
        start -= minute
    end = naive
    while not is_ordinary(end) and end - naive < datetime.timedelta(hours=3):
        end += minute
    return start.strftime("%H:%M"), end.strftime("%H:%M")


def day_start(day):
    """The first instant of ``day`` in Belgium."""
    return datetime.datetime.combine(day, datetime.time(0), zone())
