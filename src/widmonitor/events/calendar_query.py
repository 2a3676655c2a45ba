"""The calendar's filters, read from a query string: when, where, for whom, language, cost.

The same query string gives the calendar page, the map and the iCalendar feed. A value that is
not one the filter knows is reported and left out, never guessed at. A period is a month
(``month=2027-03``) or a range of days (``from``, ``to``); without either, the calendar shows
what is still to come. An event is in a period when it starts in it, or started at most
``MAX_DAYS`` before and has not ended: so the query stays on the index of start times.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from widmonitor.vocabularies.choices import Cost, Vocabulary
from widmonitor.vocabularies.models import Term

from .models import MAX_DAYS, Event
from .places import Province, Region
from .times import day_start

MULTI = ("province", "region", "audience", "age", "language")
FILTER_NAMES = {
    "province": gettext_lazy("Province"),
    "region": gettext_lazy("Region"),
    "audience": gettext_lazy("For whom"),
    "age": gettext_lazy("Age"),
    "language": gettext_lazy("Language"),
    "cost": gettext_lazy("Cost"),
}
AGE_PREFIX = "age-"  # the audience list's age bands (age-6-12, ...) are the calendar's "age" facet
# The years a period may name: a month or day outside them is reported like any bad value (at the edges of
# Python's dates, year 1 or 9999, the month before or the day after would not exist).
FIRST_YEAR, LAST_YEAR = 1900, 2999


@dataclass
class CalendarQuery:
    month: datetime.date | None = None
    first: datetime.date | None = None
    last: datetime.date | None = None
    province: list = field(default_factory=list)
    region: list = field(default_factory=list)
    online: bool = False
    audience: list = field(default_factory=list)
    age: list = field(default_factory=list)
    language: list = field(default_factory=list)
    cost: str = ""
    page: int = 1
    errors: list = field(default_factory=list)
    terms: list = field(default_factory=list)  # the audience and language terms, read once per query

    @classmethod
    def from_params(cls, params):
        query = cls(terms=list(Term.objects.filter(vocabulary__in=[Vocabulary.AUDIENCE, Vocabulary.LANGUAGE])))
        query.month = query._read("month", params.get("month", ""), parse_month)
        query.first = query._read("from", params.get("from", ""), datetime.date.fromisoformat)
        query.last = query._read("to", params.get("to", ""), datetime.date.fromisoformat)
        if query.first and query.last and query.last < query.first:
            query.errors.append(_("The period ends (%(to)s) before it starts (%(from)s).") % {"to": query.last, "from": query.first})
            query.last = None
        known = known_codes(query.terms)
        for name in MULTI:
            for value in params.getlist(name):
                if value in known[name]:
                    getattr(query, name).append(value)
                elif value:
                    query.errors.append(_('"%(value)s" is not a choice of the filter “%(filter)s”.') % {"value": value[:40], "filter": FILTER_NAMES[name]})
        query.online = params.get("online") == "1"
        cost = params.get("cost", "")
        if cost in (Cost.FREE, Cost.PAID):
            query.cost = cost
        elif cost:
            query.errors.append(_('"%(value)s" is not a choice of the filter “%(filter)s”.') % {"value": cost[:40], "filter": FILTER_NAMES["cost"]})
        page = params.get("page", "1")
        query.page = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
        return query

    def _read(self, name, text, parse):
        if not text:
            return None
        try:
            value = parse(text)
        except ValueError:
            message = _('"%(value)s" is not a month (expected e.g. 2027-03).') if name == "month" else _('"%(value)s" is not a day (expected e.g. 2027-03-28).')
            self.errors.append(message % {"value": text[:40]})
            return None
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            message = _('"%(value)s" is outside the years the calendar covers (%(first)s to %(last)s).')
            self.errors.append(message % {"value": text[:40], "first": FIRST_YEAR, "last": LAST_YEAR})
            return None
        return value

    def window(self, now=None):
        """``(start, end)`` instants of the period; end None for what is still to come."""
        if self.first or self.last:
            start = day_start(self.first) if self.first else (now or timezone.now())
            return start, day_start(self.last + datetime.timedelta(days=1)) if self.last else None
        if self.month:
            return day_start(self.month), day_start(next_month(self.month))
        return now or timezone.now(), None

    def events(self, now=None, where=True):
        """The published events the query selects, soonest first; ``where=False`` leaves out the place filters (for the map)."""
        start, end = self.window(now)
        events = Event.objects.published().filter(
            starts_at__gte=start - datetime.timedelta(days=MAX_DAYS), ends_at__gte=start
        )
        if end is not None:
            events = events.filter(starts_at__lt=end)
        if where and (self.province or self.region or self.online):
            events = events.filter(self.where_q())
        # Each term filter as a correlated EXISTS on the link table's (event, term) index: the plan starts from the
        # period's events on the (moderation, starts_at) index and looks each one's links up, however common the term.
        for name, through, vocabulary in (
            ("audience", Event.audiences.through, Vocabulary.AUDIENCE),
            ("age", Event.audiences.through, Vocabulary.AUDIENCE),
            ("language", Event.languages.through, Vocabulary.LANGUAGE),
        ):
            codes = getattr(self, name)
            if codes:
                terms = [term.pk for term in self.terms if term.vocabulary == vocabulary and term.code in codes]
                events = events.filter(models.Exists(through.objects.filter(event_id=models.OuterRef("pk"), term_id__in=terms)))
        if self.cost:
            events = events.filter(cost=self.cost)
        return events.order_by("starts_at", "pk")

    def where_q(self):
        where = models.Q(pk__in=[])
        if self.province:
            where |= models.Q(province__in=self.province)
        if self.region:
            where |= models.Q(region__in=self.region)
        if self.online:
            where |= models.Q(online=True)
        return where

    def params(self, **changes):
        """The query string of this query with ``changes`` (None removes a key); page 1 unless given."""
        values = {
            "month": self.month.strftime("%Y-%m") if self.month else None,
            "from": self.first.isoformat() if self.first else None,
            "to": self.last.isoformat() if self.last else None,
            **{name: getattr(self, name) for name in MULTI},
            "online": "1" if self.online else None,
            "cost": self.cost or None,
            "page": None,
        }
        values.update(changes)
        pairs = []
        for key, value in values.items():
            if isinstance(value, list):
                pairs += [(key, item) for item in value]
            elif value:
                pairs.append((key, value))
        return urlencode(pairs)

    def shown_month(self, now=None):
        """The month the navigation starts from: the chosen one, or the current one."""
        return self.month or timezone.localdate(now).replace(day=1)


def parse_month(text):
    return datetime.datetime.strptime(text, "%Y-%m").date()


def next_month(day):
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def previous_month(day):
    return (day.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def known_codes(terms):
    audiences = {term.code for term in terms if term.vocabulary == Vocabulary.AUDIENCE}
    return {
        "province": set(Province.values),
        "region": set(Region.values),
        "audience": {code for code in audiences if not code.startswith(AGE_PREFIX)},
        "age": {code for code in audiences if code.startswith(AGE_PREFIX)},
        "language": {term.code for term in terms if term.vocabulary == Vocabulary.LANGUAGE},
    }
