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
    assert "Decision (EU) 2022/2481" in skills.source["en"]
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
    title: {en: Regular internet use, nl: Regelmatig internetgebruik, fr: Utilisation régulière d'internet}
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
    better: higher
    data: none
"""


def test_a_bad_catalogue_reports_every_problem_with_its_place(tmp_path):
    path = tmp_path / "indicators.yaml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(Problems) as raised:
        load_catalogue(path)
    assert [str(problem) for problem in raised.value.problems] == [
        "indicators.yaml, indicators[1] (wid_ui_iu): unknown WiD area 'wid_xx' (expected one of wid_ius, wid_sse, wid_ui)",
        "indicators.yaml, indicators[1] (wid_ui_iu): missing 'better' (higher or lower: which way of the value is progress)",
        "indicators.yaml, indicators[1] (wid_ui_iu): unknown sub-objective '9.9' in 'informs' (expected one of "
        "1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2, 4.3, 5.1, 5.2, 5.3)",
        f"indicators.yaml, indicators[1] (wid_ui_iu): 'files' names nowhere.tsv, which is not in {DATA}",
        "indicators.yaml, indicators[2] (wid_ui_iu): missing title.nl (every text of the catalogue is shown in nl, fr, en)",
        "indicators.yaml, indicators[2] (wid_ui_iu): missing title.fr (every text of the catalogue is shown in nl, fr, en)",
        "indicators.yaml, indicators[2] (wid_ui_iu): the code 'wid_ui_iu' is used twice",
    ]


def texts_of(indicator):
    """Every text of an indicator as ``{name: {language: text}}``."""
    texts = {name: getattr(indicator, name) for name in ("title", "definition", "unit_label", "gap_label", "note")}
    if indicator.target:
        texts |= {"target.statement": indicator.target.statement, "target.source": indicator.target.source}
    return {name: value for name, value in texts.items() if value}


def test_every_text_of_the_catalogue_is_in_nl_fr_and_en_beside_its_original_language(catalogue):
    for indicator in catalogue.values():
        assert indicator.original_language == "en"
        texts = texts_of(indicator)
        assert {"title", "note"} <= set(texts), indicator.code
        for name, value in texts.items():
            assert set(value) == {"nl", "fr", "en"}, (indicator.code, name)
            assert all(text.strip() for text in value.values()), (indicator.code, name)


def test_the_targets_read_in_the_reader_s_language(catalogue):
    target = catalogue["wid_sse_icts"].target
    assert target.text("statement", "nl").text == "minstens 20 miljoen werkende ICT-specialisten, met convergentie tussen vrouwen en mannen"
    assert target.text("statement", "fr").text == "au moins 20 millions de spécialistes des TIC en emploi, avec une convergence entre les femmes et les hommes"
    assert target.text("source", "fr").text.startswith("Programme d'action pour la décennie numérique à l'horizon 2030, décision (UE) 2022/2481")


@pytest.mark.parametrize("code", ["wid_sse_gpg", "gpg_ict"])
def test_a_pay_gap_states_that_it_is_men_minus_women_over_men_and_that_lower_is_progress(catalogue, code):
    indicator = catalogue[code]
    assert indicator.is_gap and indicator.better == "lower" and not indicator.higher_is_better
    assert "(men − women) / men" in indicator.definition["en"]
    assert "(mannen − vrouwen) / mannen" in indicator.definition["nl"]
    assert "(hommes − femmes) / hommes" in indicator.definition["fr"]
    assert indicator.unit_label["en"] == "% of men's average gross hourly earnings"


CATALOGUE_ITEM = """\
indicators:
  - code: wid_sse_gpg
    title: {en: Unadjusted gender pay gap, nl: Ongecorrigeerde loonkloof, fr: Écart de rémunération non ajusté}
    area: wid_sse
    source: {dataset: sdg_05_20, kind: gap, unit: PC}
    unit: PC
    better: %(better)s
    data: none
%(extra)s"""


def problems_of(tmp_path, better="lower", extra=""):
    path = tmp_path / "indicators.yaml"
    path.write_text(CATALOGUE_ITEM % {"better": better, "extra": extra}, encoding="utf-8")
    with pytest.raises(Problems) as raised:
        load_catalogue(path)
    return [str(problem) for problem in raised.value.problems]


def test_a_gap_indicator_without_its_own_definition_unit_and_label_is_a_problem(tmp_path):
    reason = "an indicator of kind gap states its own definition, unit_label and gap_label (it is not women minus men)"
    assert problems_of(tmp_path) == [
        f"indicators.yaml, indicators[1] (wid_sse_gpg): missing '{key}': {reason}" for key in ("definition", "unit_label", "gap_label")
    ]


def test_a_text_without_one_of_the_interface_languages_is_a_problem_naming_it(tmp_path):
    texts = "\n".join(f"    {key}: {{en: x, nl: x, fr: x}}" for key in ("definition", "unit_label", "gap_label"))
    note = "    note: {en: A note, nl: Een nota}\n"
    target = "    target: {year: 2030, statement: {en: at most 5 %}, source: {en: a decision, nl: een besluit, fr: une décision}}\n"
    assert problems_of(tmp_path, better="smaller", extra=texts + "\n" + target + note) == [
        "indicators.yaml, indicators[1] (wid_sse_gpg): 'better' is 'smaller' (expected higher or lower: which way of the value is progress)",
        "indicators.yaml, indicators[1] (wid_sse_gpg).target: missing statement.nl (every text of the catalogue is shown in nl, fr, en)",
        "indicators.yaml, indicators[1] (wid_sse_gpg).target: missing statement.fr (every text of the catalogue is shown in nl, fr, en)",
        "indicators.yaml, indicators[1] (wid_sse_gpg): missing note.fr (every text of the catalogue is shown in nl, fr, en)",
    ]
