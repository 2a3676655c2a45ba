"""Template tags of the calendar: an event's times in Belgian time, said once when both ends fall on one day."""

from html import escape

from django import template
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from widmonitor.events.reach_figures import outcomes_by_year

register = template.Library()


@register.simple_tag
def event_when(event):
    """e.g. "Sunday 28 March 2027, 10:00–16:00" or "28 March 2027 10:00 – 30 March 2027 18:00", Belgian time."""
    starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    if starts.date() == ends.date():
        return _("%(day)s, %(start)s–%(end)s") % {
            "day": formats.date_format(starts, "l j F Y"),
            "start": formats.time_format(starts, "H:i"),
            "end": formats.time_format(ends, "H:i"),
        }
    return _("%(start)s – %(end)s") % {
        "start": formats.date_format(starts, "j F Y H:i"),
        "end": formats.date_format(ends, "j F Y H:i"),
    }


@register.inclusion_tag("events/_initiative_events.html")
def initiative_events(initiative):
    """An initiative's coming published events, and per year what its events' accepted outcomes add up to."""
    coming = initiative.events.published().filter(ends_at__gte=timezone.now()).order_by("starts_at")[:10]
    return {"coming": list(coming), "years": outcomes_by_year(initiative)}


@register.simple_tag
def checkboxes(name, options):
    """A filter's options as list items of checkboxes, each with its label. Built with plain escaping rather than a
    template loop: the calendar has some 50 of them, and it is the page the calendar serves most."""
    items = []
    for code, label, chosen in options:
        code, label, ident = escape(code), escape(str(label)), escape(f"{name}-{code}")
        checked = " checked" if chosen else ""
        items.append(
            f'<li><input type="checkbox" id="{ident}" name="{escape(name)}" value="{code}"{checked}><label for="{ident}">{label}</label></li>'
        )
    return mark_safe("".join(items))  # noqa: S308  (every value escaped above)
