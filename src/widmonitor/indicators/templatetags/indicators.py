"""Template filters of the indicator pages."""

from django import template

from widmonitor.indicators import presentation

register = template.Library()


@register.filter
def number(value, decimals=2):
    """A statistical value as published: at most ``decimals`` decimals, none added (19.6, 16681), localised."""
    if value is None or value == "":
        return ""
    return presentation.format_number(value, int(decimals))


@register.filter
def unit(code):
    """A Eurostat unit code as words: PC_IND → % of individuals aged 16-74."""
    return presentation.unit_label(code)


@register.filter
def country(geo):
    return presentation.country(geo)
