"""The report's charts as SVG: the indicator pages' Vega-Lite specs (``indicators.charts``) drawn by vl-convert.

The rows come from the report (a frozen edition keeps them), labelled in the active language.
An SVG does not reflow, so each chart is drawn twice: at the printed page's text width (the PDF
and a wide screen) and at a phone's (a ``<picture>`` source), its text at 12 px in both.
"""

import base64
import json
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

import vl_convert
from django.utils.translation import gettext as _

from widmonitor.indicators import charts
from widmonitor.indicators.presentation import catalogue, country

WIDE = 640  # px: about the A4 page's text width in the PDF (174 mm, 657 px at 96 px an inch)
REPORT_FONT = "DejaVu Sans, Verdana, sans-serif"  # the report's text font (report.css), which WeasyPrint finds
NARROW = 312  # px: a 360 px phone's column, less the report's side margins (1.5rem each side)


@dataclass(frozen=True)
class Figure:
    """One chart of an indicator: the one country it draws (``""`` for Belgium and the EU27), and its two SVGs."""

    country: str
    wide: str  # data: URI
    narrow: str


def labelled_rows(indicator):
    """The chart rows with the country and series named in the active language."""
    return [{**row, "country": str(country(row["geo"])), "series": charts.sex_label(row["sex"])} for row in indicator.chart_rows]


def specs(indicator, title):
    """``[(geo or None, spec)]``: the indicator's over-time charts, one per country for a count."""
    target = None
    if indicator.target_value is not None:
        stated = getattr(catalogue().get(indicator.code), "target", None)
        target = SimpleNamespace(year=indicator.target_year, value=indicator.target_value, geo=getattr(stated, "geo", ""))
    description = _("%(title)s over time") % {"title": title}
    return charts.over_time_charts(labelled_rows(indicator), description, indicator.unit_words(), indicator.unit, target)


def figures(indicator, title):
    """The indicator's charts as ``Figure``s, or ``[]`` without rows."""
    if not indicator.chart_rows:
        return []
    found = []
    for _geo, spec in specs(indicator, title):
        names = list(dict.fromkeys(row["country"] for row in spec["data"]["values"]))
        drawn = [to_data_uri(json.dumps(sized(spec, width), sort_keys=True)) for width in (WIDE, NARROW)]
        found.append(Figure(names[0] if len(names) == 1 else "", *drawn))
    return found


def sized(spec, width):
    """The spec drawn ``width`` px wide, axes and legends included (vl-convert has no container), in the report's font.

    vl-convert places text by the widths of the font it is given; the PDF draws it in DejaVu Sans (Verdana's
    widths, where a reader's browser lacks it), so the chart must be laid out for that font, not for "system-ui".
    """
    return {**spec, "width": width, "autosize": {"type": "fit-x", "contains": "padding"}, "config": {**spec["config"], "font": REPORT_FONT}}


@lru_cache(maxsize=256)
def to_data_uri(spec_json):
    svg = vl_convert.vegalite_to_svg(json.loads(spec_json))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
