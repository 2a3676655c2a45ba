"""Template tags of the reach: a computed share as a percentage, and the reach of an objective for its page."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from widmonitor.reach.summary import latest_reported_year, reach_of_objective

register = template.Library()


@register.filter
def percent(value):
    """A share between 0 and 1 as a whole percentage, e.g. 58 %; a dash when there is none (no participants)."""
    if value is None:
        return "–"
    return _("%(percent)s %%") % {"percent": number_format(round(value * 100), 0, use_l10n=True)}


@register.inclusion_tag("reach/_objective_reach.html")
def objective_reach(objective):
    """The latest year's reach of ``objective`` (its sub-objectives for an objective), or nothing before any report."""
    year = latest_reported_year()
    return {"year": year, "rows": reach_of_objective(objective, year) if year else []}
