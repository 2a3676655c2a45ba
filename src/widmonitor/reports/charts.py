"""The report's charts as SVG: the indicator pages' Vega-Lite specs (``indicators.charts``) drawn by vl-convert.

The rows come from the report (a frozen edition keeps them), labelled in the active language.
"""

import base64
import json
from functools import lru_cache
from types import SimpleNamespace

import vl_convert
from django.utils.translation import gettext as _

from widmonitor.indicators import charts
from widmonitor.indicators.presentation import country, unit_label


def labelled_rows(indicator):
    """The chart rows with the country and series named in the active language."""
    return [{**row, "country": str(country(row["geo"])), "series": charts.sex_label(row["sex"])} for row in indicator.chart_rows]


def spec(indicator, title):
    target = None
    if indicator.target_value is not None:
        target = SimpleNamespace(year=indicator.target_year, value=indicator.target_value)
    description = _("%(title)s over time") % {"title": title}
    built = charts.over_time(labelled_rows(indicator), description, str(unit_label(indicator.unit)), target)
    return single_width(built)


def single_width(built):
    """A constant line width where one country is drawn: Vega gives an ordinal scale of one value NaN (stroke-width="NaN")."""
    encoding = built["layer"][0]["encoding"]
    widths = encoding.get("strokeWidth", {}).get("scale", {}).get("range", [])
    if len(widths) == 1:
        encoding["strokeWidth"] = {"value": widths[0]}
    return built


def svg_data_uri(indicator, title):
    """The chart as a ``data:`` URI of its SVG (CSP allows images from ``data:``), or "" without rows."""
    if not indicator.chart_rows:
        return ""
    return to_data_uri(json.dumps(spec(indicator, title), sort_keys=True))


@lru_cache(maxsize=256)
def to_data_uri(spec_json):
    svg = vl_convert.vegalite_to_svg(json.loads(spec_json))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
