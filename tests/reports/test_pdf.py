"""The PDF: produced by WeasyPrint from the print variant, tagged, with its language, its text extractable."""

import re
import zlib

import pytest
from pypdf import PdfReader

from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html, render_pdf


@pytest.fixture
def pdf_nl(data, tmp_path):
    path = tmp_path / "report-nl.pdf"
    path.write_bytes(render_pdf(build_report(2022), "nl"))
    return path


def objects(content):
    """The PDF's objects as bytes, those in compressed streams (object streams) inflated."""
    found = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.DOTALL):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(found)


def test_the_pdf_is_tagged_and_says_its_language(pdf_nl):
    content = pdf_nl.read_bytes()
    assert content.startswith(b"%PDF-")
    inflated = objects(content)
    assert b"/StructTreeRoot" in inflated and b"/MarkInfo" in inflated
    assert b"/Lang (nl)" in inflated


def test_the_pdf_text_is_extractable_with_the_sections_and_page_numbers(pdf_nl):
    text = "\n".join(page.extract_text() for page in PdfReader(pdf_nl).pages)
    assert "Met genoegen presenteer ik u de allereerste editie" in text
    assert "Ervoor zorgen dat meer vrouwen afstuderen in de digitale sector" in text
    assert "2 / " in text  # page numbers in the footer


def test_the_print_variant_has_a_cover_contents_with_page_references_and_running_headers(data):
    html = render_html(build_report(2022), "en", "reports/report_print.html")
    assert '<header class="cover">' in html and '<nav class="toc"' in html
    for rule in ("target-counter(attr(href), page)", "string-set: section content(text)", "counter(page)", "display: table-header-group", "break-inside: avoid"):
        assert rule in html
