"""The self-check statistics as open data: CSV and JSON of the same cells, hidden cells included without figures.

Columns: ``age_band`` (a band's code, or ``all``), ``gender`` (woman, man, another, not-stated,
or ``all``), ``checks`` (how many self-checks; empty when hidden), ``shown`` (true or false),
and ``area_1`` … ``area_5``: the mean level in DigComp 2.2's area, 0 (getting started) to
3 (advanced), empty when hidden.
"""

import csv
import io
import json

from .framework import framework
from .statistics import MIN_CELL, band_codes, gender_codes

HEADER = ["age_band", "gender", "checks", "shown", "area_1", "area_2", "area_3", "area_4", "area_5"]


def cells_in_order(stats):
    return [stats.cell(band, gender) for band in band_codes() for gender in gender_codes()]


def as_csv(stats):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for cell in cells_in_order(stats):
        means = cell.means()
        writer.writerow([cell.age_band, cell.gender, cell.checks if cell.shown else "", "true" if cell.shown else "false", *(means or [""] * 5)])
    return out.getvalue()


def as_json(stats):
    areas = framework().areas
    content = {
        "dataset": "DigComp 2.2 self-check statistics",
        "minimum_cell": MIN_CELL,
        "scale": "mean level per area: 0 getting started, 1 foundation, 2 intermediate, 3 advanced",
        "areas": {area.code: area.names["en"] for area in areas},
        "first_month": stats.first_month.strftime("%Y-%m") if stats.first_month else None,
        "last_month": stats.last_month.strftime("%Y-%m") if stats.last_month else None,
        "cells": [
            {
                "age_band": cell.age_band,
                "gender": cell.gender,
                "shown": cell.shown,
                "checks": cell.checks if cell.shown else None,
                "means": dict(zip((a.code for a in areas), cell.means())) if cell.shown else None,
            }
            for cell in cells_in_order(stats)
        ],
    }
    return json.dumps(content, indent=1, ensure_ascii=False)
