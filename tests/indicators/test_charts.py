"""Every chart of the indicator pages, on the bundled data, drawn as a reader sees it (tests/charts_as_drawn.py)."""

import json
import re

import pytest
from django.test import Client

from tests.charts_as_drawn import PHONE, axis_labels, drawn, separator_mistakes, texts
from widmonitor.indicators import presentation
from widmonitor.indicators.computations.ranking import EU27, EU_MEMBER_STATES

pytestmark = pytest.mark.django_db  # the module's fixtures read the bundled data: have the test database set up

LANGUAGES = ["nl", "fr", "en"]
DESKTOP = 1000  # the indicator page's column at 1280 px


def charts_on(visitor, page):
    """``{chart id: spec}`` of the charts on ``page``."""
    content = visitor.get(page).content.decode()
    blocks = re.findall(r'<script id="(chart-[^"]+)" type="application/json">(.*?)</script>', content, re.DOTALL)
    return {chart_id: json.loads(block) for chart_id, block in blocks}


def charts(visitor, language):
    """``{(page, chart id): spec}`` of every chart on every indicator page, with and without a third country."""
    found = {}
    for code in presentation.catalogue():
        for page in (f"/{language}/indicators/{code}/", f"/{language}/indicators/{code}/?compare=NL"):
            found.update({(page, chart_id): spec for chart_id, spec in charts_on(visitor, page).items()})
    assert found, "the bundled data draws no chart"
    return found


@pytest.fixture(scope="module")
def every_chart(setup_data, django_db_blocker):
    """``{language: charts}``, the pages read once for the module's tests."""
    with django_db_blocker.unblock():
        return {language: charts(Client(), language) for language in LANGUAGES}


def over_time(found):
    return {key: spec for key, spec in found.items() if key[1].startswith("chart-over-time")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_time_axis_names_each_year_once_only_years_with_data_and_always_the_latest(every_chart, language):
    wrong = {}
    for key, spec in over_time(every_chart[language]).items():
        years = {str(row["year"]) for row in spec["data"]["values"]}
        for column in (PHONE, DESKTOP):
            labels = axis_labels(drawn(spec, column)[0], "X")
            if len(labels) != len(set(labels)) or not set(labels) <= years or labels[-1] != max(years):
                wrong[(*key, column)] = labels
    assert wrong == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_countries_that_share_an_axis_are_of_comparable_size(every_chart, language):
    """Belgium's 53 thousand women ICT specialists beside the EU27's 1,701 thousand would be a flat line."""
    wrong = {}
    for key, spec in over_time(every_chart[language]).items():
        largest = {}
        for row in spec["data"]["values"]:
            largest[row["geo"]] = max(largest.get(row["geo"], 0), abs(row["value"]))
        if len(largest) > 1 and max(largest.values()) > 10 * min(largest.values()):
            wrong[key] = largest
    assert wrong == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_eu27_is_a_bar_only_where_its_value_is_comparable_to_a_member_state_s(every_chart, language):
    """A count's EU27 value is the sum of the member states' bars, not one of them."""
    wrong = {}
    for key, spec in every_chart[language].items():
        if key[1] == "chart-by-country":
            values = {row["geo"]: row["value"] for row in spec["data"]["values"]}
            members = [value for geo, value in values.items() if geo in EU_MEMBER_STATES]
            if EU27 in values and values[EU27] > max(members):
                wrong[key] = values[EU27]
    assert wrong == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_chart_numbers_are_written_as_the_reader_s_language_writes_them(every_chart, language):
    wrong = {}
    for key, spec in every_chart[language].items():
        mistakes = [text for text, _size in texts(drawn(spec, DESKTOP)[0]) if separator_mistakes(text, language)]
        if mistakes:
            wrong[key] = mistakes
    assert wrong == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_chart_text_is_at_least_12_px_on_a_phone(every_chart, language):
    wrong = {}
    for key, spec in every_chart[language].items():
        root, scale = drawn(spec, PHONE)
        small = sorted({(text, round(size * scale, 1)) for text, size in texts(root) if text and size * scale < 12})
        if small:
            wrong[key] = small[:5]
    assert wrong == {}


def test_a_target_is_drawn_only_beside_the_series_it_is_about(visitor):
    """The 20 million target counts all ICT specialists; the page draws women only (the total is not bundled)."""
    specialists = charts_on(visitor, "/en/indicators/ict_specialists_women/")
    assert [len(spec["layer"]) for chart_id, spec in specialists.items() if chart_id.startswith("chart-over-time")] == [1, 1]
    skills = charts_on(visitor, "/en/indicators/wid_ius_bs/")["chart-over-time"]
    assert skills["layer"][1]["data"]["values"] == [{"target": 80, "label": "EU27 target for 2030: 80"}]
