"""Curator notes stay in the back office: no provenance note in a public page, API answer or download; the
public page says where a record comes from in a sentence of the reader's language."""

import io
import json

import pytest
from django.utils.html import escape
from openpyxl import load_workbook

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative

LANGUAGES = ("nl", "fr", "en")


def notes():
    """Every provenance note of the bundled registry, initiatives' and organisations'."""
    found = set(Initiative.objects.exclude(provenance_note="").values_list("provenance_note", flat=True))
    found |= set(Organisation.objects.exclude(provenance_note="").values_list("provenance_note", flat=True))
    assert len(found) > 100  # the bundled registry has notes to leak
    return found


def leaked(content, found):
    """The notes that ``content`` (a page's HTML, or JSON / CSV / xlsx text) shows, as stored or escaped."""
    return [note for note in found if note in content or escape(note) in content]


def xlsx_text(data):
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row if cell)


def test_no_public_initiative_or_organisation_page_shows_a_curator_s_note(db, bundled_registry, anonymous):
    found = notes()
    for uid in Initiative.objects.published().values_list("uid", flat=True):
        response = anonymous.get(f"/en/initiatives/{uid}/")
        assert response.status_code == 200 and not leaked(response.content.decode(), found), uid
    for slug in Organisation.objects.values_list("slug", flat=True):
        assert not leaked(anonymous.get(f"/en/organisations/{slug}/").content.decode(), found), slug


def test_no_api_answer_shows_a_curator_s_note(db, bundled_registry, anonymous):
    found = notes()
    published = list(Initiative.objects.published().values_list("uid", flat=True))
    answers = [anonymous.get(f"/api/initiatives?limit=100&offset={offset}") for offset in range(0, len(published), 100)]
    answers += [anonymous.get(f"/api/initiatives/{uid}") for uid in published]
    answers += [anonymous.get("/api/organisations")]
    answers += [anonymous.get(f"/api/organisations/{slug}") for slug in Organisation.objects.values_list("slug", flat=True)]
    assert sum(len(answer.json()["items"]) for answer in answers[:2]) == len(published)
    for answer in answers:
        assert answer.status_code == 200
        text = json.dumps(answer.json(), ensure_ascii=False)
        assert "provenance_note" not in text and not leaked(text, found)


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_no_download_shows_a_curator_s_note(db, bundled_registry, anonymous, fmt):
    found = notes()
    content = anonymous.get(f"/en/initiatives/download.{fmt}").content
    text = xlsx_text(content) if fmt == "xlsx" else content.decode("utf-8-sig")
    assert text.count("\n") > 100 if fmt == "csv" else True
    assert "provenance_note" not in text and not leaked(text, found)


def test_the_report_s_public_annex_1_has_no_curator_s_note(db, bundled_registry):
    from widmonitor.initiatives.xlsx_export import export_overview

    found, stream = notes(), io.BytesIO()
    export_overview(stream, Initiative.objects.published(), public=True)
    text = xlsx_text(stream.getvalue())
    assert "provenance_note" not in text and not leaked(text, found)
    assert "coderdojo" in text  # the records are there, their notes are not


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Listed in “Women in Digital – Rapport 2022 (FOD Economie)”, sections 5.1.2, 5.5.2."),
        ("nl", "Opgenomen in “Women in Digital – Rapport 2022 (FOD Economie)”, secties 5.1.2, 5.5.2."),
        ("fr", "Repris dans « Women in Digital – Rapport 2022 (FOD Economie) », sections 5.1.2, 5.5.2."),
    ],
)
def test_the_public_page_says_where_the_record_comes_from_in_the_reader_s_language(db, bundled_registry, anonymous, language, sentence):
    listed = Initiative.objects.get(uid="kleurrijke-verhalen")
    assert sorted(listed.listings.values_list("published_list__section", flat=True)) == ["5.1.2", "5.5.2"]
    html = anonymous.get(f"/{language}/initiatives/kleurrijke-verhalen/").content.decode()
    assert escape(sentence) in html


def test_a_record_from_another_document_names_it_without_the_curator_s_pointer(db, bundled_registry, anonymous):
    becode = Initiative.objects.get(uid="becode-coding-school")
    assert becode.source_section.startswith("seed 003")  # a curator's pointer, not a section a reader can look up
    html = anonymous.get("/en/initiatives/becode-coding-school/").content.decode()
    assert escape("Named in “Digital Frontrunners Spotlight: Belgium”.") in html and "seed 003" not in html
