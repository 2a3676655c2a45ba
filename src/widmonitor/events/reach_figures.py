"""What the events add to their initiatives' reach: the accepted outcomes of published events, by the year they started.

Registered with ``reach.summary`` when the app is ready, so the reach tables, the initiative's
page and the annual report count them without the reach app importing this one.
"""

from collections import defaultdict
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from widmonitor.reach.models import share
from widmonitor.vocabularies.choices import Moderation

from .models import EventOutcome, EventOutcomeByAge


def year_bounds(year):
    """The first instant of ``year`` and of the next, in Belgian time."""
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def counted_outcomes(year, scope):
    """The accepted outcomes of the published events of ``scope``'s initiatives that started in ``year``."""
    first, after = year_bounds(year)
    return EventOutcome.objects.filter(
        status=EventOutcome.Status.ACCEPTED,
        event__moderation=Moderation.PUBLISHED,
        event__starts_at__gte=first,
        event__starts_at__lt=after,
        event__initiative__in=scope,
    )


def accepted_event_figures(year, scope):
    """``{initiative pk: (participants, women, events reported)}`` of ``year``."""
    sums = defaultdict(lambda: [0, 0, 0])
    for initiative, participants, women in counted_outcomes(year, scope).values_list(
        "event__initiative_id", "participants", "women_and_girls"
    ):
        sums[initiative][0] += participants
        sums[initiative][1] += women
        sums[initiative][2] += 1
    return {pk: tuple(values) for pk, values in sums.items()}


def event_age_figures(year, scope):
    """``[(band, participants, women)]``: the age rows of those outcomes."""
    rows = EventOutcomeByAge.objects.filter(outcome__in=counted_outcomes(year, scope))
    return list(rows.values_list("band", "participants", "women_and_girls"))


def outcomes_by_year(initiative):
    """``[(year, events reported, participants, women, share)]`` of ``initiative``'s published events, latest year first."""
    sums = defaultdict(lambda: [0, 0, 0])
    zone = ZoneInfo(settings.TIME_ZONE)
    outcomes = EventOutcome.objects.filter(
        status=EventOutcome.Status.ACCEPTED, event__moderation=Moderation.PUBLISHED, event__initiative=initiative
    ).values_list("event__starts_at", "participants", "women_and_girls")
    for starts_at, participants, women in outcomes:
        year = starts_at.astimezone(zone).year
        sums[year][0] += 1
        sums[year][1] += participants
        sums[year][2] += women
    return [(year, n, p, w, share(w, p)) for year, (n, p, w) in sorted(sums.items(), reverse=True)]
