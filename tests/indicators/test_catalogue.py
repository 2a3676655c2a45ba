"""The indicator catalogue: config/indicators.yaml loads, is honest about its data, and a bad
catalogue gives every problem with its place."""

import csv

import polars as pl
import pytest
from django.conf import settings

from widmonitor.indicators.catalogue import AREAS, load_catalogue
from widmonitor.indicators.readers import read
from widmonitor.problems import Problems

STRUCTURE = settings.REPO_DIR / "data" / "wid_scoreboard" / "wid_indicator_structure.csv"
DATA = settings.REPO_DIR / "data" / "eurostat"


@pytest.fixture(scope="module")
def catalogue():
    return {indicator.code: indicator for indicator in load_catalogue()}


def scoreboard(level):
    with STRUCTURE.open(encoding="utf-8") as file:
        return {row["code"]: row["parent_code"] for row in csv.DictReader(file) if row["level"] == level}


def test_the_areas_are_the_dimensions_of_the_wid_scoreboard():
    assert sorted(AREAS) == sorted(scoreboard("dimension"))


def test_it_lists_the_12_wid_indicators_in_their_areas_plus_written_code_and_ict_graduates(catalogue):
    indicators = scoreboard("indicator")
    assert len(indicators) == 12
    assert {code: catalogue[code].area for code in indicators} == indicators
    assert {"written_code", "ict_graduates"} <= set(catalogue)


def test_every_indicator_has_its_title_in_nl_fr_and_en(catalogue):
    assert all(set(indicator.title) == {"nl", "fr", "en"} for indicator in catalogue.values())


def test_the_digital_decade_targets_are_where_they_belong(catalogue):
    skills = catalogue["wid_ius_bs"].target
    assert (skills.value, skills.year, skills.applies_to) == (80, 2030, "total")
    assert "Decision (EU) 2022/2481" in skills.source
    assert catalogue["ict_specialists_women"].target.value == 20000  # thousand persons
    assert catalogue["wid_sse_icts"].target.value is None  # convergence, stated in words
    assert [code for code, indicator in catalogue.items() if indicator.target] == ["wid_ius_bs", "wid_sse_icts", "ict_specialists_women"]


def test_an_indicator_without_bundled_data_says_so(catalogue):
    for code in ("wid_ui_iu", "wid_sse_stem", "written_code"):
        assert (catalogue[code].data, catalogue[code].files) == ("none", ())


def series_rows(indicator, series):
    rows = pl.concat([read(DATA / name, indicator.source.dataset) for name in indicator.files], how="diagonal_relaxed")
    wanted = indicator.source.series_filters(series) if series else indicator.source.filters
    present = [field.name for field in rows.schema["dims"].fields]
    if any(name not in present for name in wanted):
        return 0
    return rows.filter(*(pl.col("dims").struct.field(k) == v for k, v in wanted.items())).height


@pytest.mark.parametrize("code", ["wid_ius_bs", "wid_ius_abs", "wid_ius_ss", "wid_sse_icts", "wid_sse_gpg",
                                  "ict_graduates", "ict_specialists_women", "gpg_ict", "dsi1_above_basic"])
def test_the_bundled_files_hold_exactly_the_series_the_catalogue_claims(catalogue, code):
    indicator = catalogue[code]
    if indicator.source.kind == "gap":
        assert series_rows(indicator, None) > 0
        return
    claimed = indicator.bundled_series if indicator.data == "partial" else ("women", "men", "total")
    found = {series: series_rows(indicator, series) > 0 for series in ("women", "men", "total") if getattr(indicator.source, series)}
    assert found == {series: series in claimed for series in found}


BAD = """\
indicators:
  - code: wid_ui_iu
    title: {en: Regular internet use}
    area: wid_xx
    source: {dataset: isoc_ci_ifp_iu}
    unit: PC_IND
    informs: ["9.9"]
    data: bundled
    files: [nowhere.tsv]
  - code: wid_ui_iu
    title: {en: Again}
    source: {dataset: isoc_ci_ifp_iu}
    unit: PC_IND
    higher_is_better: true
    data: none
"""


def test_a_bad_catalogue_reports_every_problem_with_its_place(tmp_path):
    path = tmp_path / "indicators.yaml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(Problems) as raised:
        load_catalogue(path)
    assert [str(problem) for problem in raised.value.problems] == [
        "indicators.yaml, indicators[1] (wid_ui_iu): 'higher_is_better' must be true or false",
        "indicators.yaml, indicators[1] (wid_ui_iu): unknown WiD area 'wid_xx' (expected one of wid_ius, wid_sse, wid_ui)",
        "indicators.yaml, indicators[1] (wid_ui_iu): unknown sub-objective '9.9' in 'informs' (expected one of "
        "1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2, 4.3, 5.1, 5.2, 5.3)",
        f"indicators.yaml, indicators[1] (wid_ui_iu): 'files' names nowhere.tsv, which is not in {DATA}",
        "indicators.yaml, indicators[2] (wid_ui_iu): the code 'wid_ui_iu' is used twice",
    ]
