"""The published statistics: a mean per area by age band and gender, no figure from fewer than 10 self-checks."""

import csv
import io
import json

import pytest

from widmonitor.selfcheck.framework import framework
from widmonitor.selfcheck.models import SharedCheck
from widmonitor.selfcheck.statistics import ALL, MIN_CELL, NOT_STATED, statistics

CODES = [c.code for c in framework().competences]


def shared(count, age_band="26-45", gender="woman", level=2, region="flanders"):
    for _ in range(count):
        SharedCheck.objects.create(levels={code: level for code in CODES}, age_band=age_band, gender=gender, region=region)


def test_a_cell_of_nine_self_checks_shows_no_figure(db):
    shared(MIN_CELL - 1)
    stats = statistics()
    cell = stats.cell("26-45", "woman")
    assert (cell.shown, cell.means()) == (False, [])
    assert not stats.total.shown


def test_a_cell_of_exactly_ten_self_checks_shows_its_number_and_means(db):
    shared(MIN_CELL)
    cell = statistics().cell("26-45", "woman")
    assert (cell.shown, cell.checks, cell.means()) == (True, 10, [2.0] * 5)


def test_a_mean_is_the_mean_level_of_the_areas_competences(db):
    shared(5, level=1)
    shared(5, level=3)
    assert statistics().cell("26-45", "woman").means() == [2.0] * 5


def test_rather_not_say_and_no_answer_count_together_as_not_stated(db):
    shared(5, gender="rather-not-say")
    shared(5, gender="")
    assert statistics().cell("26-45", NOT_STATED).checks == 10


def test_a_hidden_cell_cannot_be_computed_back_from_its_row_total(db):
    shared(20, gender="woman")
    shared(15, gender="man")
    shared(3, gender="another")
    stats = statistics()
    row = {cell.gender: cell for cell in stats.rows(age_band="26-45")}
    assert not row["another"].shown
    # 38 in all minus 20 minus 15 would give the 3 away: a second entry of the row is hidden too
    hidden = [gender for gender, cell in row.items() if not cell.shown]
    assert len(hidden) >= 2 and "another" in hidden


def test_no_row_or_column_of_the_grid_has_a_single_hidden_entry(db):
    shared(30, "19-25", "woman")
    shared(12, "19-25", "man")
    shared(4, "26-45", "woman")
    shared(25, "26-45", "man")
    shared(11, "46-64", "another")
    stats = statistics()
    bands = ["12-18", "19-25", "26-45", "46-64", "65plus", ALL]
    genders = ["woman", "man", "another", NOT_STATED, ALL]
    lines = [[stats.cell(b, g) for g in genders] for b in bands] + [[stats.cell(b, g) for b in bands] for g in genders]
    assert all(sum(not cell.shown for cell in line) != 1 for line in lines)
    assert stats.cell("19-25", "woman").shown and not stats.cell("26-45", "woman").shown


def test_the_open_data_hides_the_figures_of_small_cells_and_gives_the_others(anonymous, db):
    shared(MIN_CELL, "19-25", "woman", level=3)
    shared(MIN_CELL, "19-25", "man", level=1)
    shared(2, "65plus", "man")
    rows = list(csv.DictReader(io.StringIO(anonymous.get("/en/self-check/statistics.csv").content.decode())))
    found = {(r["age_band"], r["gender"]): r for r in rows}
    assert len(rows) == 6 * 5
    assert found[("19-25", "woman")] == {"age_band": "19-25", "gender": "woman", "checks": "10", "shown": "true", **{f"area_{n}": "3.0" for n in range(1, 6)}}
    assert found[("65plus", "man")]["checks"] == "" and found[("65plus", "man")]["area_1"] == ""
    content = json.loads(anonymous.get("/en/self-check/statistics.json").content)
    cells = {(c["age_band"], c["gender"]): c for c in content["cells"]}
    assert content["minimum_cell"] == 10 and cells[("19-25", "man")]["means"]["1"] == 1.0
    assert cells[("65plus", "man")] == {"age_band": "65plus", "gender": "man", "shown": False, "checks": None, "means": None}


def test_an_unknown_open_data_format_is_not_found(anonymous, db):
    assert anonymous.get("/en/self-check/statistics.xml").status_code == 404


@pytest.mark.parametrize(("language", "heading"), [("nl", "Statistieken van de zelftest"), ("fr", "Statistiques de l’autodiagnostic"), ("en", "Self-check statistics")])
def test_the_statistics_page_shows_shown_cells_and_a_dash_for_hidden_ones(anonymous, db, language, heading):
    shared(MIN_CELL, "19-25", "woman", level=3)
    shared(3, "19-25", "man")
    html = anonymous.get(f"/{language}/self-check/statistics/").content.decode()
    assert heading in html
    assert ">3,00<" in html or ">3.00<" in html
    assert "–" in html


def test_the_cached_statistics_count_a_self_check_given_after_them(db):
    shared(MIN_CELL - 1)
    assert not statistics().cell("26-45", "woman").shown
    shared(1)
    assert statistics().cell("26-45", "woman").checks == MIN_CELL


def test_the_open_datas_years_run_from_the_first_to_the_last_month_given(db):
    from datetime import date

    from widmonitor.opendata.datasets import self_check_statistics

    assert (self_check_statistics().first_year, self_check_statistics().last_year) == (None, None)
    for month in (date(2027, 1, 1), date(2025, 11, 1), date(2026, 3, 1)):
        SharedCheck.objects.create(levels={code: 1 for code in CODES}, age_band="26-45", region="flanders", month=month)
    assert (self_check_statistics().first_year, self_check_statistics().last_year) == (2025, 2027)
