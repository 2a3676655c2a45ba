"""Template tags for a record's public facts: each value with a link to the page that states it
("Free — source: Data News, September 2021"), what other pages state, and what a search found
when the record has no value, in the reader's language."""

import datetime

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.fact_outcomes import INITIATIVE_LISTS
from widmonitor.initiatives.models import Fact
from widmonitor.initiatives.periods import parse_partial_date
from widmonitor.initiatives.public_facts import PublicFacts
from widmonitor.vocabularies.choices import Cost, Status
from widmonitor.vocabularies.models import Term

register = template.Library()
CHOICES = {"cost": Cost, "status": Status, "kind": Organisation.Kind}


def safe_format(text, **parts):
    """A translated ``text`` with its %(name)s placeholders filled by escaped (or already safe) parts."""
    return mark_safe(conditional_escape(text) % {name: conditional_escape(part) for name, part in parts.items()})


def joined(parts, separator="; "):
    return mark_safe(conditional_escape(separator).join(conditional_escape(part) for part in parts))


def page_date(value):
    """A page's date as the reader's language writes it: 2021, September 2021, or the day."""
    if len(value) == 4:
        return value
    day = parse_partial_date(value)[0]
    return date_format(day, "YEAR_MONTH_FORMAT" if len(value) == 7 else "DATE_FORMAT")


def month(day):
    return date_format(day, "YEAR_MONTH_FORMAT") if isinstance(day, datetime.date) else ""


def source_link(page):
    """The page, named by its publisher and date, linked."""
    label = safe_format(_("%(publisher)s, %(date)s"), publisher=page.publisher, date=page_date(page.date)) if page.date else page.publisher
    return format_html('<a href="{}" rel="noopener nofollow" hreflang="{}" title="{}">{}</a>', page.url, page.language, page.title, label)


def sources_phrase(facts):
    pages = list({fact.page.pk: fact.page for fact in facts}.values())
    links = joined([source_link(page) for page in pages])
    return safe_format(ngettext("source: %(sources)s", "sources: %(sources)s", len(pages)), sources=links)


def ages_text(ages):
    if "min" in ages and "max" in ages:
        return _("%(min)s to %(max)s years") % ages
    if "min" in ages:
        return _("from %(min)s years") % ages
    return _("up to %(max)s years") % ages


def value_text(fact):
    """A fact's value as the reader reads it: labels in her language, names, an age range."""
    value = fact.value
    if fact.field in CHOICES:
        return str(CHOICES[fact.field](value).label)
    if fact.field == "ages":
        return ages_text(value)
    if fact.field == "organisations":
        names = {o.slug: str(o) for o in Organisation.objects.filter(slug__in=value)}
        return ", ".join(names.get(slug, slug) for slug in value)
    if fact.field in INITIATIVE_LISTS or fact.field == "region":
        codes = value if isinstance(value, list) else [value]
        labels = {t.code: str(t) for t in Term.objects.filter(code__in=codes)}
        return ", ".join(labels.get(code, code) for code in codes)
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def statement(fact):
    return format_html("{} — {}", value_text(fact), sources_phrase([fact]))


@register.simple_tag
def public_facts(record):
    """The record's facts, searches and pages (``PublicFacts``), for the tags below."""
    return PublicFacts.of(record)


def sourced(sources, others, facts=None):
    """' — source: <page>' for ``sources``, then what ``others`` state instead (or that pages differ).

    A page that states only part of a list the record shows (one of its regions) is named with what
    it states: ' (Flanders — source: <page>)'.
    """
    parts = []
    whole = [f for f in sources if facts is None or facts.states_all(f)]
    part = [f for f in sources if f not in whole]
    if whole:
        parts.append(format_html(" — {}", sources_phrase(whole)))
    if part:
        parts.append(format_html(" ({})", joined(map(statement, part))))
    if others and others[0].use == Fact.Use.PAGES_DIFFER:
        parts.append(format_html(" ({})", safe_format(_("pages differ: %(statements)s"), statements=joined(map(statement, others)))))
    elif others:
        text = ngettext("a page states: %(statements)s", "pages state: %(statements)s", len(others))
        parts.append(format_html(" ({})", safe_format(text, statements=joined(map(statement, others)))))
    return joined(parts, "")


@register.simple_tag
def fact_sources(facts, name):
    """' — source: <page>' for the value shown, and what other pages state instead; or nothing."""
    return sourced(facts.sources(name), facts.others(name), facts)


@register.simple_tag
def status_sources(facts, shown):
    """The pages that state the status shown (``Initiative.status_on``), and those that state another,
    each as of its own date; or nothing."""
    stated = facts.stated("status")
    return sourced([f for f in stated if f.value == shown], [f for f in stated if f.value != shown])


@register.simple_tag
def fact_statements(facts, name):
    """Each page's statement of ``name`` ("7 to 18 years — source: <page>"), or "": for the fields the record
    has no place for (ages, places) and for the status, which pages state as of their date."""
    return joined(map(statement, facts.stated(name)))


@register.simple_tag
def fact_missing(facts):
    """What the reader is told where the record has no value: what the search found, or unknown."""
    if facts.searched is None:
        return _("unknown")
    if facts.page_found:
        return _("not stated on the public pages found (searched %(month)s)") % {"month": month(facts.searched)}
    return _("no public page found (searched %(month)s)") % {"month": month(facts.searched)}
