"""Template filters of the job-ad checker page."""

from django import template

register = template.Library()


@register.filter
def forms(entry):
    """The forms of a list entry ("ambitieus|ambitieuze"), to show one by one so that a long entry wraps between forms."""
    return entry.split("|")
