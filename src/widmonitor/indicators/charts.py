"""Vega-Lite specifications of the indicator charts, built as plain dicts.

The page writes each spec into a ``<script type="application/json">`` block beside the chart
and ``static/widmonitor/charts.js`` draws it with vega-embed. Charts stay readable in
greyscale: women, men and total differ by dash and point shape, not only by colour; Belgium,
the EU27 and a chosen country by line width as well as colour; Belgium's bar is marked by a
bold label and its value written beside it. The same rows feed
the table next to each chart, so the chart never shows a number the table does not.
"""

import json

from django.utils.translation import gettext as _

from .presentation import EU27, HOME, SEXES, country

WIDTH = 560
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


def over_time(rows, title, unit, target=None):
    """Women and men (or the one series) over time, Belgium, the EU27 and a chosen country, with the target as a rule."""
    sexes = list(dict.fromkeys(row["sex"] for row in rows))
    series = [sex_label(sex) for sex in sexes]
    geos = list(dict.fromkeys(row["geo"] for row in rows))
    lines = {
        "mark": {"type": "line", "point": {"filled": True, "size": 70}},
        "encoding": {
            "x": {"field": "year", "type": "quantitative", "title": _("Year"), "axis": {"format": "d", "tickMinStep": 1}},
            "y": {"field": "value", "type": "quantitative", "title": unit, "scale": {"zero": False}},
            "color": {
                "field": "country", "type": "nominal", "title": _("Country"),
                "scale": {"domain": [str(country(geo)) for geo in geos], "range": [GEO_COLOURS.get(geo, CHOSEN_COLOUR) for geo in geos]},
            },
            "strokeWidth": {
                "field": "country", "type": "ordinal", "sort": None, "title": _("Country"),
                "scale": {"domain": [str(country(geo)) for geo in geos], "range": [GEO_WIDTHS.get(geo, CHOSEN_WIDTH) for geo in geos]},
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
    layers = [lines]
    if target is not None:
        label = _("Target %(year)s: %(value)s") % {"year": target.year, "value": format(target.value, "g")}
        layers.append({
            "data": {"values": [{"target": target.value, "label": label}]},
            "layer": [
                {"mark": {"type": "rule", "strokeDash": [8, 3], "color": "#000000"}, "encoding": {"y": {"field": "target", "type": "quantitative"}}},
                {"mark": {"type": "text", "align": "left", "dy": -8, "x": 4}, "encoding": {"y": {"field": "target", "type": "quantitative"}, "text": {"field": "label"}}},
            ],
        })  # fmt: skip
    return spec(title, rows, {"layer": layers}, height=300)


def comparison_rows(comparison, measure):
    """``[{geo, country, value, flags, home}]`` in the comparison's order; ``measure`` picks a Point's value."""
    rows = []
    for geo, name, point, is_home in comparison.rows:
        value = measure(point)
        rows.append({"geo": geo, "country": str(name), "value": value.number, "flags": value.flags, "home": is_home})
    return rows


def comparison(rows, title, unit):
    """One horizontal bar per member state (and the EU27), Belgium's label bold and its bar dark."""
    home = str(country(HOME))
    y = {"field": "country", "type": "nominal", "title": None, "sort": None,
         "axis": {"labelFontWeight": {"condition": {"test": f"datum.value === {json.dumps(home)}", "value": "bold"}, "value": "normal"}}}  # fmt: skip
    layers = [
        {
            "mark": {"type": "bar", "stroke": "#000000", "strokeWidth": 0.5},
            "encoding": {
                "y": y,
                "x": {"field": "value", "type": "quantitative", "title": unit},
                "color": {"condition": {"test": "datum.home", "value": "#1b4f72"}, "value": "#c9d6df"},
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
    labelled = [{**row, "label": f"{format(row['value'], 'g')}{' ' + row['flags'] if row['flags'] else ''}"} for row in rows]
    return spec(title, labelled, {"layer": layers}, height=max(120, 18 * len(rows)))


def spec(description, values, body, height):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": description,
        "width": WIDTH,
        "height": height,
        "data": {"values": values},
        **body,
        "config": {"font": "system-ui, sans-serif", "axis": {"labelFontSize": 12, "titleFontSize": 12},
                   "legend": {"labelFontSize": 12, "titleFontSize": 12, "symbolStrokeColor": "#000000"}},
    }  # fmt: skip
