"""The calendar as an iCalendar file (RFC 5545), written with the ``icalendar`` library.

Times are written in UTC (``DTSTART:20270328T080000Z``), which every calendar application
shows in its reader's own zone, so no VTIMEZONE is needed. The UID is the event's identifier
at this site's address, stable across edits; SEQUENCE counts the edits, DTSTAMP is the last one.
"""

import datetime

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, vText
from icalendar import Event as CalendarEvent

MAX_EVENTS = 1000  # a feed lists at most this many: the soonest


def uid_of(event):
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0] or "widmonitor"
    return f"event-{event.pk}@{host.split(':')[0]}"


def calendar_of(events, page_url, absolute):
    """The VCALENDAR of ``events``; ``absolute(path)`` makes a path a full address."""
    calendar = Calendar()
    calendar.add("prodid", "-//widmonitor//events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Women in Digital events"))
    calendar.add("source", page_url)
    for event in events[:MAX_EVENTS]:
        entry = CalendarEvent()
        entry.add("uid", uid_of(event))
        entry.add("dtstamp", event.updated_at.astimezone(datetime.timezone.utc))
        entry.add("dtstart", event.starts_at.astimezone(datetime.timezone.utc))
        entry.add("dtend", event.ends_at.astimezone(datetime.timezone.utc))
        entry.add("sequence", event.sequence)
        entry.add("summary", event.text("title").text)
        description = event.text("description").text
        if description:
            entry.add("description", description)
        entry.add("location", vText(event.place_text()))
        entry.add("url", absolute(event.get_absolute_url()))
        calendar.add_component(entry)
    return calendar.to_ical()
