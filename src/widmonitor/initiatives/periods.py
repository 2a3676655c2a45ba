"""Periods given as ISO 8601 partial dates (YYYY, YYYY-MM or YYYY-MM-DD), their bounds, and what they prove.

What a period proves about a span of days (``evidence``) is the registry's one rule for
"running": ``InitiativeQuerySet.running_in_year`` states it in SQL, ``Initiative.status_on``
for one day, and tests hold the two to the same table of cases.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(value):
    """``(first_day, last_day)`` of an ISO 8601 date of year, month or day precision."""
    match = PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(value)
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    first = datetime.date(year, month, day or 1)
    if day is not None:
        return first, first
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first, next_month - datetime.timedelta(days=1)


def bounds(starts, ends):
    """``(first day, last day)`` of a period, each None where open or not a valid date."""
    return day_of(starts, 0), day_of(ends, 1)


def day_of(value, end):
    """The first (``end`` 0) or last (1) day of a partial date; None if empty or invalid (its validator says so)."""
    if not value:
        return None
    try:
        return parse_partial_date(value)[end]
    except ValueError:
        return None


RUNNING, OUTSIDE, NOT_KNOWN = "running", "outside", "not-known"


def evidence(first, last, starts_on, ends_on, completed):
    """What a period (its first and last days, None where not given) proves about the days ``first`` to ``last``.

    ``OUTSIDE``: it starts after them or ends before them. ``RUNNING``: it ran on some of them,
    because it covers them (start and end known), or it started on or before ``last`` and is
    open-ended (no end, not ``completed``), or it is ``completed`` without an end and started
    among them, or it has only an end and that end falls among them. ``NOT_KNOWN`` otherwise: no
    date at all, a completed record that started before them, an end after them with no start.
    """
    if (starts_on and starts_on > last) or (ends_on and ends_on < first):
        return OUTSIDE
    if starts_on and ends_on:
        return RUNNING
    if starts_on:
        return RUNNING if not completed or starts_on >= first else NOT_KNOWN
    if ends_on:
        return RUNNING if ends_on <= last else NOT_KNOWN
    return NOT_KNOWN


def year_days(year):
    """``(first day, last day)`` of ``year``."""
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def ends_before_starts(starts, ends):
    """Whether a period given as two partial dates (both valid, or empty) ends before it starts."""
    return bool(starts and ends) and parse_partial_date(ends)[1] < parse_partial_date(starts)[0]


def validate_partial_date(value):
    try:
        parse_partial_date(value)
    except ValueError as error:
        raise ValidationError(
            _("%(value)s is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022 or 2022-09)."),
            code="invalid_date",
            params={"value": value},
        ) from error
