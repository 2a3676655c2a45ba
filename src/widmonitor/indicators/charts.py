"""Vega-Lite specifications of the indicator charts, built as plain dicts.

The page writes each spec into a ``<script type="application/json">`` block beside the chart
and ``static/widmonitor/charts.js`` draws it with vega-embed. Charts stay readable in
greyscale: women, men and total differ by dash and point shape, not only by colour; Belgium,
the EU27 and a chosen country by line width as well as colour; Belgium's bar is marked by a
bold label and its value written beside it. The same rows feed
the table next to each chart, so the chart never shows a number the table does not.

A reader meets a chart at any width, in her language: the browser draws it at the width of its
column (``"width": "container"``), so its text keeps its 12 px on a phone; numbers are written
with the separators of the language (Vega's ``config.locale``, from Django's formats, as in the
tables); the time axis names each year with data once. Countries share an axis only where their
values are comparable: a count follows the size of the country, so each country's count has
its own chart, and the EU27's total is not a bar beside its member states.
"""

import json
import textwrap

from django.utils.formats import get_format
from django.utils.translation import gettext as _

from .presentation import EU27, HOME, SEXES, country, format_number

COUNTS = {"THS_PER", "NR"}  # units that count people, as opposed to shares and rates
FONT_SIZE = 12  # every text of a chart, at every width
YEAR_LABEL_ROOM = 40  # px a year's label needs on the time axis, with the space beside it
VALUE_AXIS_ROOM = 80  # px of a chart's width that are not the time axis's (the value axis's labels, the scale's padding)
TITLE_LINE_CHARACTERS = 34  # an axis title's line at FONT_SIZE, bold, fits a 360 px phone's column
TITLE_LINE_HEIGHT = 15
DASHES = {"F": [1, 0], "M": [6, 4], "T": [2, 2], "": [1, 0]}
SHAPES = {"F": "circle", "M": "square", "T": "triangle-up", "": "diamond"}
GEO_COLOURS = {HOME: "#1b4f72", EU27: "#7b7b7b"}
CHOSEN_COLOUR = "#b35806"
GEO_WIDTHS = {HOME: 3.5, EU27: 2.25}  # decreasing in domain order: line widths tell the countries apart in greyscale too
CHOSEN_WIDTH = 1.25


def sex_label(sex):
    return str(SEXES[sex])


def over_time_rows(indicator, by_geo, chosen=None):
    """``[{geo, country, sex, series, year, value, flags}]`` of Belgium, the EU27 and a ``chosen`` country, every year with a value."""
    rows = []
    for geo in (HOME, EU27, *([chosen] if chosen else [])):
        if geo not in by_geo:
            continue
        for point in by_geo[geo].points:
            values = {"": point.gap} if indicator.source.kind == "gap" else {"F": point.women, "M": point.men, "T": point.total}
            for sex, value in values.items():
                if not value.missing:
                    rows.append({
                        "geo": geo, "country": str(country(geo)), "sex": sex, "series": str(sex_label(sex)),
                        "year": point.year, "value": value.number, "flags": value.flags,
                    })  # fmt: skip
    return rows


def over_time_table(rows):
    """The chart's rows as a table: one line per year, one column per country and series.

    Returns ``(columns, lines)``: ``[(country, series)]`` and ``[(year, [row or None per column])]``.
    """
    columns = list(dict.fromkeys((row["country"], row["series"]) for row in rows))
    cells = {(row["year"], row["country"], row["series"]): row for row in rows}
    years = sorted({row["year"] for row in rows})
    return columns, [(year, [cells.get((year, *column)) for column in columns]) for year in years]


def over_time_charts(rows, title, unit, unit_code, target=None):
    """``[(geo, spec)]``: one chart of every country, or, for a count, one per country (``geo`` names it).

    Belgium's 53 thousand women ICT specialists drawn beside the EU27's 1,701 thousand would be a flat line.
    """
    geos = list(dict.fromkeys(row["geo"] for row in rows))
    if unit_code not in COUNTS or len(geos) < 2:
        return [(None, over_time(rows, title, unit, target))]
    charts = []
    for geo in geos:
        built = over_time([row for row in rows if row["geo"] == geo], title, unit, target)
        built["layer"][0]["encoding"]["color"]["legend"] = None  # the title names the country
        charts.append((geo, {**built, "title": {"text": str(country(geo)), "anchor": "start", "fontSize": 14}}))
    return charts


def over_time(rows, title, unit, target=None):
    """Women and men (or the one series) over time, Belgium, the EU27 and a chosen country, with the target as a rule."""
    sexes = list(dict.fromkeys(row["sex"] for row in rows))
    series = [sex_label(sex) for sex in sexes]
    geos = list(dict.fromkeys(row["geo"] for row in rows))
    lines = {
        "mark": {"type": "line", "point": {"filled": True, "size": 70}},
        "encoding": {
            "x": year_axis(rows),
            "y": {"field": "value", "type": "quantitative", "title": wrapped(unit), "scale": {"zero": False}, "axis": unit_on_top(unit)},
            "color": {
                "field": "country", "type": "nominal", "title": _("Country"),
                "scale": {"domain": [str(country(geo)) for geo in geos], "range": [GEO_COLOURS.get(geo, CHOSEN_COLOUR) for geo in geos]},
            },
            "strokeDash": {
                "field": "series", "type": "nominal", "title": _("Series"),
                "scale": {"domain": series, "range": [DASHES[sex] for sex in sexes]},
            },
            "shape": {
                "field": "series", "type": "nominal", "title": _("Series"),
                "scale": {"domain": series, "range": [SHAPES[sex] for sex in sexes]},
            },
            "detail": {"field": "geo"},
            "tooltip": [
                {"field": "country", "title": _("Country")}, {"field": "series", "title": _("Series")},
                {"field": "year", "title": _("Year")}, {"field": "value", "title": _("Value")},
                {"field": "flags", "title": _("Flags")},
            ],
        },
    }  # fmt: skip
    if len(geos) > 1:  # Vega gives an ordinal scale of one value no width (stroke-width="NaN")
        lines["encoding"]["strokeWidth"] = {
            "field": "country", "type": "ordinal", "sort": None, "title": _("Country"),
            "scale": {"domain": [str(country(geo)) for geo in geos], "range": [GEO_WIDTHS.get(geo, CHOSEN_WIDTH) for geo in geos]},
        }  # fmt: skip
    else:
        lines["encoding"]["strokeWidth"] = {"value": GEO_WIDTHS.get(geos[0], CHOSEN_WIDTH) if geos else CHOSEN_WIDTH}
    layers = [lines]
    target = drawn_target(target, rows)
    if target is not None:
        layers.append(target_layer(target))
    return spec(title, rows, {"layer": layers}, height=300)


def year_axis(rows):
    """Years on a linear scale (2013, 2018 and 2020 keep their distances), a tick at each year with data, named once.

    Where the column is too narrow to name every year, every second (third …) is named, counted back
    from the latest, which is always named.
    """
    years = sorted({row["year"] for row in rows}) or [0]
    # years per label at the drawn width ("width" is the chart's: the value axis and the scale's padding take their part)
    step = f"ceil({YEAR_LABEL_ROOM} * {max(years[-1] - years[0], 1)} / max(width - {VALUE_AXIS_ROOM}, 1))"
    return {
        "field": "year", "type": "quantitative", "title": _("Year"),
        "scale": {"domain": [years[0], years[-1]], "nice": False, "padding": 16},
        "axis": {
            "values": years, "format": "d", "labelExpr": f"({years[-1]} - datum.value) % {step} === 0 ? datum.label : ''",
            "labelOverlap": "parity", "labelSeparation": 8, "labelFlush": False,
        },
    }  # fmt: skip


def title_lines(text):
    """An axis title in as few lines as fit a phone's column, of even length ("% of men's average gross", "hourly earnings")."""
    text = str(text)
    count = len(textwrap.wrap(text, TITLE_LINE_CHARACTERS, break_on_hyphens=False))
    width = -(-len(text) // count)
    while len(lines := textwrap.wrap(text, width, break_on_hyphens=False)) > count:
        width += 1
    return lines


def wrapped(text):
    lines = title_lines(text)
    return lines if len(lines) > 1 else str(text)


def unit_on_top(unit):
    """The time chart's unit written level above the value axis, not turned along it (a long unit outgrows the axis)."""
    raised = TITLE_LINE_HEIGHT * (len(title_lines(unit)) - 1)
    return {"titleAngle": 0, "titleAlign": "left", "titleBaseline": "bottom", "titleX": 0, "titleY": -8 - raised, "titleLineHeight": TITLE_LINE_HEIGHT}


def drawn_target(target, rows):
    """The target, when the chart draws the series and the country it is about (not the EU27's total beside women only)."""
    if target is None or target.value is None:
        return None
    sex = {"women": "F", "men": "M", "total": "T"}.get(getattr(target, "applies_to", ""))
    geo = getattr(target, "geo", "")
    if (sex and not any(row["sex"] == sex for row in rows)) or (geo and not any(row["geo"] == geo for row in rows)):
        return None
    return target


def target_layer(target):
    value = format_number(target.value)
    if getattr(target, "geo", ""):
        label = _("%(country)s target for %(year)s: %(value)s") % {"country": country(target.geo), "year": target.year, "value": value}
    else:
        label = _("Target %(year)s: %(value)s") % {"year": target.year, "value": value}
    return {
        "data": {"values": [{"target": target.value, "label": label}]},
        "layer": [
            {"mark": {"type": "rule", "strokeDash": [8, 3], "color": "#000000"}, "encoding": {"y": {"field": "target", "type": "quantitative"}}},
            {"mark": {"type": "text", "align": "left", "baseline": "top", "dy": 4, "x": 4}, "encoding": {"y": {"field": "target", "type": "quantitative"}, "text": {"field": "label"}}},
        ],
    }  # fmt: skip


def comparison_rows(comparison, measure):
    """``[{geo, country, value, flags, home}]`` in the comparison's order; ``measure`` picks a Point's value."""
    rows = []
    for geo, name, point, is_home in comparison.rows:
        value = measure(point)
        rows.append({"geo": geo, "country": str(name), "value": value.number, "flags": value.flags, "home": is_home})
    return rows


def comparison(rows, title, unit, unit_code):
    """One horizontal bar per member state (and the EU27's value in grey, unless it is their total), Belgium's label bold and its bar dark."""
    if unit_code in COUNTS:
        rows = [row for row in rows if row["geo"] != EU27]
    home = str(country(HOME))
    y = {"field": "country", "type": "nominal", "title": None, "sort": None,
         "axis": {"labelFontWeight": {"condition": {"test": f"datum.value === {json.dumps(home)}", "value": "bold"}, "value": "normal"}}}  # fmt: skip
    layers = [
        {
            "mark": {"type": "bar", "stroke": "#000000", "strokeWidth": 0.5},
            "encoding": {
                "y": y,
                "x": {"field": "value", "type": "quantitative", "title": wrapped(unit)},
                "color": {
                    "condition": [{"test": "datum.home", "value": GEO_COLOURS[HOME]}, {"test": f"datum.geo === {json.dumps(EU27)}", "value": GEO_COLOURS[EU27]}],
                    "value": "#c9d6df",
                },
                "tooltip": [{"field": "country", "title": _("Country")}, {"field": "value", "title": _("Value")},
                            {"field": "flags", "title": _("Flags")}],
            },
        },
        *(
            {
                "transform": [{"filter": test}],
                "mark": {"type": "text", "align": "left", "dx": 4, "fontWeight": weight},
                "encoding": {"y": y, "x": {"field": "value", "type": "quantitative"}, "text": {"field": "label"}},
            }
            for test, weight in (("datum.home", "bold"), ("!datum.home", "normal"))
        ),
    ]  # fmt: skip
    labelled = [{**row, "label": " ".join(filter(None, [format_number(row["value"]), row["flags"]]))} for row in rows]
    room = max((len(row["label"]) for row in labelled), default=0) * 8 + 8  # px right of the plot for the longest bar's label
    return spec(title, labelled, {"layer": layers, "padding": {"left": 5, "top": 5, "bottom": 5, "right": room}}, height=max(120, 18 * len(rows)))


def spec(description, values, body, height):
    """A chart as wide as its column, its text at ``FONT_SIZE``, its legends under it, its numbers in the active language."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": description,
        "width": "container",
        "height": height,
        "data": {"values": values},
        **body,
        "config": {
            "font": "system-ui, sans-serif",
            "locale": {"number": number_locale()},
            "axis": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE},
            "axisQuantitative": {"labelOverlap": True, "labelSeparation": 8},  # "3 000" and "4 000" never run together
            "legend": {
                "labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "symbolStrokeColor": "#000000",
                # under the plot, each legend on its line, its title before its entries: a phone's width holds each
                "orient": "bottom", "direction": "horizontal", "titleOrient": "left",
                "layout": {"bottom": {"direction": "vertical", "anchor": "start", "margin": 4}},
            },
            "text": {"fontSize": FONT_SIZE},
        },
    }  # fmt: skip


def number_locale():
    """The d3-format locale of the active language, with Django's separators (the tables' numbers are written with them)."""
    return {
        "decimal": get_format("DECIMAL_SEPARATOR"), "thousands": get_format("THOUSAND_SEPARATOR"),
        "grouping": [get_format("NUMBER_GROUPING")], "currency": ["", "\u00a0€"],
    }  # fmt: skip
