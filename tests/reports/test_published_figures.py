"""The current situation shows, where Eurostat has no value for Belgium, the figures that the edition and public
pages publish, each with its own population, unit, year and source, and the sentence it is quoted from."""

import re

import pytest
import yaml
from django.conf import settings

from widmonitor.indicators import quoted
from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html

SOURCE = settings.DATA_DIR / "sources" / "published-figures.yaml"


@pytest.fixture
def report(data):
    return build_report(2022)


def edition_figures(code):
    """``{(sex, age band, unit, period, value, section)}`` of the 2022 edition's figures of ``code``, read from the source file."""
    document = next(d for d in yaml.safe_load(SOURCE.read_text(encoding="utf-8"))["documents"] if d["document"] == "wid-report-2022")
    return {
        (f["sex"], f["age_band"], f["unit"], f["period"], float(f["value"]), section["section"])
        for section in document["sections"] for f in section["figures"] if f["indicator"] == code
    }  # fmt: skip


def shown(report, code, document="wid-report-2022"):
    indicator = next(i for i in report.indicators if i.code == code)
    return {(f.sex, f.age_band, f.unit, str(f.year), f.value, f.section) for f in indicator.published if f.document == document}


@pytest.mark.parametrize("code", ["wid_ui_nui", "written_code", "wid_sse_stem", "wid_ius_bs"])
def test_the_editions_own_figures_are_shown_where_eurostat_has_no_value_for_belgium(report, code):
    assert shown(report, code) == edition_figures(code) != set()


def test_an_edition_figure_that_eurostat_gives_for_the_same_year_is_not_repeated(report):
    abs_skills = next(i for i in report.indicators if i.code == "wid_ius_abs")
    assert (abs_skills.year, abs_skills.women.number) == (2021, pytest.approx(23.16))
    assert edition_figures("wid_ius_abs") and not abs_skills.published


def test_no_indicator_with_published_figures_is_said_to_have_no_value(report):
    html = render_html(report, "en")
    no_value = re.search(r'<p class="no-data">(.*?)</p>', html, re.S).group(1)
    for title in ("People who never used the internet", "Individuals who wrote code", "STEM graduates"):
        assert title not in no_value
    assert "Online banking" in no_value


def test_each_published_figure_reads_with_its_population_unit_year_source_and_quote(report):
    html = render_html(report, "en")
    block = re.search(r'id="indicator-wid_ui_nui">(.*?)</div>', html, re.S).group(1)
    caption = "Published for Belgium where Eurostat's values are missing: Women in Digital – Rapport 2022 (FOD Economie), section 2.1"
    assert f"<caption>{caption}</caption>" in block
    assert '<tr><th scope="row">women, aged 16-74</th><td class="number">5</td><td>percentage of individuals</td><td>2021</td></tr>' in block
    assert '<li>Quoted: <q lang="nl">In 2021 gebruikte 5 procent van alle vrouwen tussen 16 en 74 jaar nooit het internet.</q></li>' in block


def test_a_figure_of_a_public_page_links_to_it(report):
    html = render_html(report, "en")
    block = re.search(r'id="indicator-wid_ui_iu">(.*?)</div>', html, re.S).group(1)
    assert re.search(r'<caption>Published for Belgium [^<]*: <a href="https://[^"]+">FOD Economie, [^<]+</a></caption>', block)


def test_a_figure_of_another_population_than_the_indicators_series_is_marked_not_comparable(report):
    html = render_html(report, "en").replace("&#x27;", "'")
    block = re.search(r'id="indicator-wid_ius_bs">(.*?)</div>', html, re.S).group(1)
    assert '<th scope="row">women, aged 25-54 <sup class="note-mark">1</sup></th>' in block
    assert '<th scope="row">women, aged 16-74</th>' in block
    assert "<li value=\"1\">Not the unit or population of this indicator's series: not comparable with it.</li>" in block


def test_the_dutch_report_reads_the_figures_in_dutch_with_dutch_numbers(report):
    html = render_html(report, "nl")
    block = re.search(r'id="indicator-wid_ui_egov">(.*?)</div>', html, re.S).group(1)
    assert '<td class="number">48,9</td><td>percentage van de personen</td><td>2021</td>' in block
    assert "Gepubliceerd voor België waar waarden van Eurostat ontbreken" in block


def test_a_report_shows_no_figure_published_for_a_later_year(data):
    report = build_report(2021)
    assert all(figure.year <= 2021 for indicator in report.indicators for figure in indicator.published)
    stem = next(i for i in report.indicators if i.code == "wid_sse_stem")
    assert {f.year for f in stem.published if f.document != "wid-report-2022"} == {2020}


def test_every_published_figure_of_the_report_has_a_source_a_unit_a_population_and_a_year(report):
    figures = [figure for indicator in report.indicators for figure in indicator.published]
    assert figures
    for figure in figures:
        assert figure.document and (figure.title or figure.url), figure
        assert figure.unit in quoted.UNIT_WORDS and figure.year and figure.quote, figure
        assert figure.sex in quoted.GROUPS, figure
