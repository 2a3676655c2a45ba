"""The lists the 2022 edition printed, beside the registry: a reading the list's note explains is not a
discrepancy (the note is shown instead), and annex 2 gives every note in the reader's language."""

import io

import openpyxl
import pytest
from django.utils import translation

from widmonitor.initiatives.analysis import list_note
from widmonitor.reports.annexes import analysis_workbook
from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html


@pytest.fixture
def report(data):
    return build_report(2022)


def test_list_5_1_counts_the_initiative_its_text_describes_after_the_bullets(report):
    stated = next(s for s in report.stated_lists if s.section == "5.1")
    assert (stated.bullets, stated.initiatives, stated.stated["total"]) == (9, 9, 9)


def test_the_5_1_notice_shows_the_lists_note_and_counts_no_discrepancy(report):
    html = render_html(report, "en").replace("&#x27;", "'")
    assert "wid-report-2022, section 5.1:" not in html
    assert "describe 8 distinct initiatives" not in html
    note = next(s.note for s in report.stated_lists if s.section == "5.1")
    assert f"The registry's note on section 5.1 of wid-report-2022: {note}" in html


def test_a_list_with_a_discrepancy_keeps_it_with_its_note(report):
    html = render_html(report, "en").replace("&#x27;", "'")
    assert "wid-report-2022, section 5.2.1: The report states 13 initiatives but lists 9 bullets." in html
    assert "The registry's note on section 5.2.1 of wid-report-2022: Only 9 bullets" in html


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_notes_of_annex_2_are_in_the_readers_language(report, language):
    sheet = openpyxl.load_workbook(io.BytesIO(analysis_workbook(report, language))).worksheets[0]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    notes = {row[1]: row[-1] for row in rows}
    english = {s.section: s.note for s in report.stated_lists}
    assert len(notes) == 22
    with translation.override(language):
        assert notes == {section: list_note(note) for section, note in english.items()}
    assert all(notes[section] != english[section] for section in english)


def test_the_dutch_annex_2_gives_the_5_1_note_in_dutch(report):
    sheet = openpyxl.load_workbook(io.BytesIO(analysis_workbook(report, "nl"))).worksheets[0]
    note = next(row[-1] for row in sheet.iter_rows(min_row=3, values_only=True) if row[1] == "5.1")
    assert note.startswith("9 opsommingspunten, met daarin 8 afzonderlijke initiatieven, plus het gemengde privé-publieke initiatief")


@pytest.mark.parametrize(("language", "sheets"), [("nl", ["Analyse", "Per doelstelling"]), ("fr", ["Analyse", "Par objectif"]),
                                                  ("en", ["Analysis", "By objective"])])  # fmt: skip
def test_annex_2s_sheets_are_named_in_the_readers_language(report, language, sheets):
    workbook = openpyxl.load_workbook(io.BytesIO(analysis_workbook(report, language)))
    assert workbook.sheetnames == sheets
