"""Every section of the report is there, in its order, in every language, in each rendering."""

import re

import pytest
from django.utils import translation

from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html
from widmonitor.reports.sections import SECTIONS

from .conftest import LANGUAGES


def headings(html):
    return re.findall(r'<h2 id="heading-([a-z_]+)">\d+\. (.*?)</h2>', html)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", ["reports/report.html", "reports/report_print.html"])
def test_every_section_is_present_in_order_in_each_language(data, language, template):
    html = render_html(build_report(2022), language, template)
    with translation.override(language):
        expected = [(key, str(title)) for key, title in SECTIONS]
    assert [(key, title.replace("&#x27;", "'")) for key, title in headings(html)] == expected
    assert f'<html lang="{language}">' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bundled_prose_is_shown_in_each_language_and_none_of_it_is_missing(data, language):
    html = render_html(build_report(2022), language)
    first = {"nl": "Met genoegen presenteer ik u", "fr": "C&#x27;est avec plaisir que je vous présente", "en": "It is my pleasure to present"}
    assert f'<div class="prose" lang="{language}"><p>{first[language]}' in html
    assert 'class="fallback-note"' not in html


def test_a_text_block_edited_in_a_language_replaces_its_bundled_text_there_only(data):
    from widmonitor.reports.models import TextBlock

    TextBlock.objects.filter(year=2022, section="conclusion", language="fr").update(text="En bref : il reste à faire.")
    report = build_report(2022)
    assert '<div class="prose" lang="fr"><p>En bref : il reste à faire.</p></div>' in render_html(report, "fr")
    assert "En bref : il reste à faire." not in render_html(report, "nl")


def test_prose_is_escaped_and_only_the_tiny_markup_is_interpreted(data):
    from widmonitor.reports.models import TextBlock

    TextBlock.objects.create(year=2023, section="foreword", language="en", text="<script>alert(1)</script>\n\n- one & two\n## Next")
    html = render_html(build_report(2023), "en")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<ul><li>one &amp; two</li></ul>" in html and "<h3>Next</h3>" in html
