"""The public calendar: the list with its filters, an event's page, its iCalendar feed and the map of counts."""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from widmonitor.vocabularies.choices import Vocabulary

from . import place_counts
from .calendar_query import AGE_PREFIX, CalendarQuery, next_month, previous_month
from .ical import calendar_of
from .models import Event, EventOutcome
from .places import Province, Region
from .structured_data import event_json_ld

PER_PAGE = 20


def calendar(request):
    query = CalendarQuery.from_params(request.GET)
    events = query.events().select_related("initiative")
    page = Paginator(events, PER_PAGE).get_page(query.page)
    month = query.shown_month()
    context = {
        "query": query,
        "page": page,
        "month": month,
        "previous_month": query.params(month=previous_month(month).strftime("%Y-%m"), **{"from": None, "to": None}),
        "next_month": query.params(month=next_month(month).strftime("%Y-%m"), **{"from": None, "to": None}),
        "facets": facets(query),
        "feed_params": query.params(),
    }
    return render(request, "events/calendar.html", context, status=400 if query.errors else 200)


def facets(query):
    """``[(name, legend, [(code, label, chosen)])]`` for the filter form."""
    audiences = [term for term in query.terms if term.vocabulary == Vocabulary.AUDIENCE]
    languages = [term for term in query.terms if term.vocabulary == Vocabulary.LANGUAGE]

    def options(name, pairs):
        chosen = getattr(query, name)
        return [(code, label, code in chosen) for code, label in pairs]

    return [
        ("province", _("Province"), options("province", Province.choices)),
        ("region", _("Region"), options("region", Region.choices)),
        ("audience", _("For whom"), options("audience", [(t.code, str(t)) for t in audiences if not t.code.startswith(AGE_PREFIX)])),
        ("age", _("Age"), options("age", [(t.code, str(t)) for t in audiences if t.code.startswith(AGE_PREFIX)])),
        ("language", _("Language"), options("language", [(t.code, str(t)) for t in languages])),
    ]


def event_detail(request, uid):
    event = get_object_or_404(
        Event.objects.on_public_page().select_related("initiative").prefetch_related("audiences", "languages", "initiative__organisations"),
        uid=uid,
    )
    outcome = event.outcomes.filter(status=EventOutcome.Status.ACCEPTED).prefetch_related("ages").first()
    context = {"event": event, "outcome": outcome, "json_ld": event_json_ld(event, request.build_absolute_uri())}
    return render(request, "events/event_detail.html", context)


FEED_KEPT_SECONDS = 24 * 3600


def feed_tag(request):
    """The feed's entity tag: its address, language and host, and the events' count and latest save. Any event
    added, edited, published or deleted changes it, so a kept feed is never stale."""
    events = Event.objects.aggregate(count=Count("pk"), last=Max("updated_at"))
    seen = f"{request.get_host()}|{get_language()}|{request.get_full_path()}|{events['count']}|{events['last']}"
    return hashlib.sha256(seen.encode()).hexdigest()[:32]


def feed(request):
    """The filter's events as iCalendar. Calendar applications poll it: an unchanged feed answers 304 to their
    ``If-None-Match``, and is written once, then kept, until an event changes."""
    query = CalendarQuery.from_params(request.GET)
    if query.errors:
        return HttpResponse("\n".join(query.errors), status=400, content_type="text/plain; charset=utf-8")
    etag = f'"{feed_tag(request)}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        page_url = request.build_absolute_uri(request.path.replace("feed.ics", "")) + ("?" + query.params() if query.params() else "")
        body = cache.get_or_set(
            f"widmonitor:events-feed:{etag.strip(chr(34))}",
            lambda: calendar_of(query.events().select_related("initiative"), page_url, request.build_absolute_uri),
            FEED_KEPT_SECONDS,
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="events.ics"'
    response["ETag"] = etag
    return response


def event_map(request):
    query = CalendarQuery.from_params(request.GET)
    provinces, regions, online = place_counts.counts(query.events(where=False))
    context = {
        "query": query,
        "drawn": [(place, path, shade, query.params(province=[place.code], region=[], online=None)) for place, path, shade in place_counts.drawn(provinces)],
        "regions": [(place, query.params(region=[place.code], province=[], online=None)) for place in regions],
        "online": (online, query.params(online="1", province=[], region=[])),
        "shape": place_counts.shapes(),
        "calendar_params": query.params(province=[], region=[], online=None),
    }
    return render(request, "events/map.html", context, status=400 if query.errors else 200)
