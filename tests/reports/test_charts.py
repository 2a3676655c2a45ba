"""The report's charts on the bundled data, as the HTML file shows them on a phone and the PDF prints them."""

import base64
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from tests.charts_as_drawn import PHONE, SVG, axis_labels, separator_mistakes, texts
from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html

from .conftest import LANGUAGES

pytestmark = pytest.mark.django_db  # the module's fixtures read the bundled data: have the test database set up

PRINTED = 657  # px: the A4 page's text width (210 mm less 2 × 18 mm margins, at 96 px an inch), the images' width in the PDF


@pytest.fixture(scope="module")
def html(setup_data, django_db_blocker):
    """``{language: the 2022 report's HTML file}``."""
    with django_db_blocker.unblock():
        report = build_report(2022)
        return {language: render_html(report, language) for language in LANGUAGES}


def svg(uri):
    return ET.fromstring(base64.b64decode(uri.removeprefix("data:image/svg+xml;base64,")).decode("utf-8"))


def figures(content):
    """``[(the SVG a 360 px phone shows, the SVG the PDF prints)]`` of every chart figure (a PDF reads no ``<source>``)."""
    found = []
    for figure in re.findall(r'<figure class="chart-figure">(.*?)</figure>', content, re.DOTALL):
        printed = re.search(r'<img src="(data:[^"]+)"', figure).group(1)
        source = re.search(r'<source media="\(max-width: (\d+)rem\)" srcset="(data:[^"]+)"', figure)
        phone = source.group(2) if source and int(source.group(1)) * 16 >= 360 else printed
        found.append((svg(phone), svg(printed)))
    assert found, "the 2022 report draws no chart"
    return found


def drawn_values(root):
    """``{geo: [value]}`` of the points an English chart draws, from their descriptions ("…; geo: BE; Value: 1,701.2; …")."""
    found = {}
    for node in root.iter():
        match = re.search(r"geo: (\S+); Value: ([^;]+);", node.get("aria-label") or "")
        if match:
            found.setdefault(match.group(1), []).append(abs(float(match.group(2).replace(",", ""))))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_report_s_chart_text_is_at_least_12_px(html, language):
    wrong = []
    for phone, _printed in figures(html[language]):
        scale = min(1.0, PHONE / float(phone.get("width")))
        small = sorted({(text, round(size * scale, 1)) for text, size in texts(phone) if text and size * scale < 12})
        if small:
            wrong.append(small[:3])
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_printed_chart_text_is_at_least_12_px_at_the_page_s_width(html, language):
    """12 px at 96 px an inch is 9 pt, about the report's body text (9.5 pt)."""
    wrong = []
    for _phone, printed in figures(html[language]):
        scale = PRINTED / float(printed.get("width"))
        wrong += sorted({(text, round(size * scale, 1)) for text, size in texts(printed) if text and size * scale < 12})[:3]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_s_time_axes_name_each_year_once_and_always_the_latest(html, language):
    wrong = []
    for drawn in (root for pair in figures(html[language]) for root in pair):
        labels = axis_labels(drawn, "X")
        latest = max(re.findall(r"^[^:;]+: (\d{4}); .*geo: ", node.get("aria-label") or "")[0] for node in drawn.iter() if "geo: " in (node.get("aria-label") or ""))
        if len(labels) != len(set(labels)) or labels[-1] != latest:
            wrong.append(labels)
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_s_chart_numbers_are_written_as_the_reader_s_language_writes_them(html, language):
    wrong = [text for pair in figures(html[language]) for root in pair for text, _size in texts(root) if separator_mistakes(text, language)]
    assert wrong == []


def test_countries_that_share_a_report_chart_are_of_comparable_size(html):
    """Belgium's 53 thousand women ICT specialists beside the EU27's 1,701 thousand would be a flat line."""
    wrong = []
    for _phone, printed in figures(html["en"]):
        largest = {geo: max(values) for geo, values in drawn_values(printed).items()}
        if len(largest) > 1 and max(largest.values()) > 10 * min(largest.values()):
            wrong.append(largest)
    assert wrong == []


def test_the_charts_are_laid_out_in_the_font_the_pdf_draws_them_in(html):
    """vl-convert places legends and labels by the widths of the font the chart names: another font overlaps them."""
    printed_font = re.search(r'font-family: "([^"]+)"', (settings.REPO_DIR / "src/widmonitor/reports/static/reports/report_print.css").read_text()).group(1)
    fonts = {node.get("font-family") for _phone, printed in figures(html["fr"]) for node in printed.iter(f"{SVG}text")}
    assert {font.split(",")[0].strip('"') for font in fonts} == {printed_font}
