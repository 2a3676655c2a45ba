"""Template tags of the public site: a record's text in the visitor's language, marked where it falls back."""

from html import escape

from django import template
from django.template.loader import render_to_string
from django.urls import reverse, translate_url
from django.utils.html import format_html, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from widmonitor.languages import language_name
from widmonitor.portal import navigation

register = template.Library()


@register.simple_tag
def text(record, field, element="span", mark=True):
    """``record``'s ``field`` in the active language inside an element carrying its ``lang``; a fallback says so.

    ``mark=False`` for names, which are the same in every language (BeCode) and need no excuse.
    """
    shown = record.text(field)
    if not shown.fallback or not shown.text or not mark:
        return format_html('<{0} lang="{1}">{2}</{0}>', element, shown.language, shown.text)
    note = _("in %(language)s, the original; no translation yet") % {"language": language_name(shown.language)}
    return format_html(
        '<{0} lang="{1}">{2}</{0}> <small class="fallback">({3})</small>', element, shown.language, shown.text, note
    )


@register.simple_tag(takes_context=True)
def in_language(context, code):
    """This page, with its search, in the interface language ``code``: the same address under that language's prefix.

    The site's paths are the same in every language (no translated URL patterns), so swapping the
    prefix gives what ``translate_url`` gives, without resolving and reversing the page each time;
    an address without the active language's prefix goes through ``translate_url``.
    """
    path = context["request"].get_full_path()
    current = f"/{get_language()}/"
    if path.startswith(current):
        return f"/{code}/{path[len(current):]}"
    return translate_url(path, code)


@register.simple_tag
def initiative_path(uid):
    """The address of the initiative ``uid`` (a slug) in the active language: ``{% url %}`` gives the same, but a
    results page names twenty of them and reversing each costs more than the rest of its card."""
    language = get_language()
    if language not in _initiative_prefix:
        _initiative_prefix[language] = reverse("portal:initiative", args=["uid"]).removesuffix("uid/")
    return f"{_initiative_prefix[language]}{uid}/"


_initiative_prefix = {}  # language -> "/nl/initiatives/"; the URLconf does not change while a process runs


@register.simple_tag
def result_card(card):
    """A result card (``search.cards.Card``) as ``portal/_result.html`` renders it in the active language, rendered
    once per language while the worker keeps the card (a changed record is read and rendered afresh)."""
    language = get_language()
    markup = card.markup.get(language)
    if markup is None:
        markup = card.markup[language] = render_to_string("portal/_result.html", {"initiative": card})
    return markup


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The main menu, the page's entry marked as current (``navigation``)."""
    request = context.get("request")
    return navigation.rendered("portal/_main_nav.html", get_language(), navigation.section(getattr(request, "resolver_match", None)))


@register.simple_tag
def site_footer():
    return navigation.rendered("portal/_footer.html", get_language(), "")


@register.simple_tag
def json_ld(data):
    """A schema.org description as a JSON-LD data block, escaped like ``json_script``."""
    escaped = json_script(data)  # <script id=... type="application/json">{escaped json}</script>
    body = escaped[escaped.index(">") + 1 : escaped.rindex("</script>")]
    return mark_safe(f'<script type="application/ld+json">{body}</script>')  # noqa: S308  (escaped above)


@register.simple_tag
def page_params(results, page):
    """The query string of the same search on ``page``."""
    return results.query.params(page=page)


@register.simple_tag
def facet_options(group):
    """A facet's options as list items linking to the search with that option toggled.

    Built here with plain escaping rather than in a template loop or with ``format_html``: a
    results page has some 80 of them, and it is the page the portal serves most.
    """
    remove = escape(_("chosen; select to remove"))
    items = []
    for option in group.options:
        link, label, count = escape(option.params), escape(str(option.label)), option_count(option)
        if option.selected:
            items.append(
                f'<li><a href="?{link}" aria-current="true" class="selected"><span class="check" aria-hidden="true">✓</span> '
                f'{label} <span class="count">({count})</span><span class="visually-hidden"> — {remove}</span></a></li>'
            )
        else:
            items.append(f'<li><a href="?{link}">{label} <span class="count">({count})</span></a></li>')
    return mark_safe("".join(items))  # noqa: S308  (every value escaped above; counts are integers)


def option_count(option):
    """"12", or "12, of which 9 implied" where the strategy implies some of the option's audience (escaped)."""
    if not option.implied:
        return str(option.count)
    return escape(_("%(count)s, of which %(implied)s implied") % {"count": option.count, "implied": option.implied})
