"""Every figure the indicator pages and the 2022 report show names its source, unit and year (and its
population where it has one), checked over the whole bundled data as `widmonitor setup` loads it,
on the objects the pages and the report render (the views' contexts, ``report.Report``)."""

import pytest

from widmonitor.indicators import presentation, quoted
from widmonitor.indicators.computations.score import WID_SCOREBOARD
from widmonitor.indicators.published import load_published
from widmonitor.reports.build import build_report


@pytest.fixture
def visitor(db, setup_data, client):
    return client


def unit_lacks(code):
    """What the unit ``code`` lacks to be shown: words for it, and the population for a share of people."""
    label = presentation.UNITS.get(code)
    if label is None:
        return ["a unit in words"]
    return ["a population"] if code in quoted.SERIES_AGE and "aged" not in str(label) else []


def quoted_lacks(figure):
    lacks = [] if figure.source.title or figure.source.document else ["a source"]
    lacks += [] if figure.unit in quoted.UNIT_WORDS else ["a unit in words"]
    lacks += [] if figure.year else ["a year"]
    lacks += [] if str(figure.population) else ["a population"]
    return lacks


def summary_lacks(summary):
    """A list card or a detail page's head: Belgium's latest Eurostat value and the published pairs."""
    found = []
    if summary.has_data:
        lacks = (["a source"] if not summary.sources else []) + (["a year"] if not summary.home.year else []) + unit_lacks(summary.indicator.unit)
        found += [(summary.indicator.code, "Belgium's latest value", lacks)] if lacks else []
    for pair in summary.published_pairs:
        for figure in (pair.women, pair.men, pair.total):
            if figure and quoted_lacks(figure):
                found.append((summary.indicator.code, f"published {figure.sex} {figure.period}", quoted_lacks(figure)))
    return found


def score_lacks(score):
    found = [(f"WiD {edition.edition}", "published score", ["a source"]) for edition in score.published if not edition.score.page.url]
    for item in score.inputs:
        if item.has_value and not (score.year and item.unit and item.dataset):
            found.append((item.code, "recomputation input", ["a source, unit or year"]))
    return found


def detail_lacks(context):
    summary = context["summary"]
    found = summary_lacks(summary)
    code = summary.indicator.code
    if (context["over_time"] or context["comparison"].rows) and not summary.sources:
        found.append((code, "charts and tables", ["a source"]))
    if context["comparison"].rows and not context["comparison"].year:
        found.append((code, "country comparison", ["a year"]))
    found += [(code, f"published {f.sex} {f.period}", quoted_lacks(f)) for f in context["published"] if quoted_lacks(f)]
    return found


def report_lacks(report):
    found = []
    for item in report.indicators:
        figures = [getattr(item, name) for name in ("women", "men", "total", "gap")]
        if any(not figure.missing for figure in figures):
            lacks = (["a year"] if item.year is None else []) + unit_lacks(item.unit)
            lacks += [] if item.sources and all(s.dataset or s.document for s in item.sources) else ["a source"]
            found += [(item.code, "report, current value", lacks)] if lacks else []
        if item.chart_rows and not item.sources:
            found.append((item.code, "report chart", ["a source"]))
    return found


def test_every_figure_of_the_indicator_list_has_a_source_a_unit_and_a_year(visitor):
    context = visitor.get("/en/indicators/").context
    found = [problem for _area, summaries in context["groups"] for summary in summaries for problem in summary_lacks(summary)]
    assert found + score_lacks(context["score"]) == []


def test_every_figure_of_every_indicator_page_has_a_source_a_unit_and_a_year(visitor):
    found = []
    for code in presentation.catalogue():
        found += detail_lacks(visitor.get(f"/en/indicators/{code}/").context)
    assert found == []


def test_every_indicator_figure_of_the_2022_report_has_a_source_a_unit_and_a_year(setup_data, db):
    report = build_report(2022)
    assert report.indicators
    assert report_lacks(report) == []


def test_a_published_figure_in_a_unit_without_words_is_caught_by_the_check(db, tmp_path):
    file = tmp_path / "figures.yaml"
    file.write_text(
        "documents:\n- document: r\n  title: A report\n  sections:\n  - section: '1'\n    figures:\n"
        "    - {indicator: wid_ui_ib, geo: BE, period: '2021', sex: F, unit: PCT, value: 5, quote: 'five'}\n"
        "    - {indicator: wid_ui_ib, geo: BE, period: '2021', sex: M, unit: PCT, value: 6, quote: 'six'}\n"
    )
    load_published(file)

    summary = presentation.summary(presentation.catalogue()["wid_ui_ib"])  # no other published figure

    assert summary_lacks(summary) == [("wid_ui_ib", "published F 2021", ["a unit in words"]), ("wid_ui_ib", "published M 2021", ["a unit in words"])]


def test_an_indicator_unit_without_words_is_caught_by_the_check():
    assert unit_lacks("PC_IND") == [] and unit_lacks("XYZ") == ["a unit in words"]


def belgian_values(summary):
    """What Belgium's card shows for women and men: from Eurostat, published, only the gap, only women, or nothing."""
    home = summary.home
    if home and not home.women.missing and not home.men.missing:
        return "women and men (Eurostat)"
    if summary.published_pairs:
        return "women and men (published)"
    if home and summary.indicator.source.kind == "gap" and not home.gap.missing:
        return "the gap between them (Eurostat)"
    if home and not home.women.missing:
        return "women only (Eurostat)"
    return "none"


def test_seven_of_the_twelve_scoreboard_indicators_show_belgian_values_for_women_and_men_with_source_and_year(visitor):
    summaries = {s.indicator.code: s for _area, items in visitor.get("/en/indicators/").context["groups"] for s in items}
    shown = {item.code: belgian_values(summaries[item.code]) for area in WID_SCOREBOARD for item in area.indicators}

    assert shown == {
        "wid_ui_iu": "women and men (published)",
        "wid_ui_nui": "women and men (published)",
        "wid_ui_ib": "none",
        "wid_ui_oc": "none",
        "wid_ui_part": "none",
        "wid_ui_egov": "women and men (published)",
        "wid_ius_bs": "women and men (published)",
        "wid_ius_abs": "women and men (Eurostat)",
        "wid_ius_ss": "none",  # the bundled file has all individuals only
        "wid_sse_stem": "women and men (published)",
        "wid_sse_icts": "women and men (published)",  # 2016 shares a press page quotes; Eurostat's men's share is not bundled
        "wid_sse_gpg": "the gap between them (Eurostat)",
    }
    assert all(not summary_lacks(summaries[code]) for code in shown)
