"""Template tags of the report: a text in its language, marked where it falls back to the original."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from widmonitor.languages import language_name

from ..markup import to_html

register = template.Library()


def fallback_note(shown):
    note = _("in %(language)s, the original; no translation yet") % {"language": language_name(shown.language)}
    return format_html(' <small class="fallback">({})</small>', note)


@register.simple_tag
def local(shown, element="span", mark=True):
    """A ``LocalText`` inside an element carrying its ``lang``; a fallback to the original says so."""
    note = fallback_note(shown) if shown.fallback and shown.text and mark else ""
    return format_html("<{0} lang=\"{1}\">{2}</{0}>{3}", element, shown.language, shown.text, note)


@register.simple_tag
def prose(shown, heading_level=3):
    """A text block's prose (``markup``), in a ``div`` with its ``lang``; a fallback is announced before it."""
    if not shown or not shown.text:
        return ""
    note = ""
    if shown.fallback:
        note = format_html(
            '<p class="fallback-note">{}</p>',
            _("This text exists only in %(language)s, the original; no translation yet.") % {"language": language_name(shown.language)},
        )
    return format_html('{}<div class="prose" lang="{}">{}</div>', note, shown.language, to_html(shown.text, heading_level))


@register.filter
def figure(value):
    """``{"number", "flags"}`` as published, the flags after the number."""
    if not value:
        return ""
    if value["flags"]:
        return format_html('{} <span class="flag">{}</span>', value["number"], value["flags"])
    return value["number"]
