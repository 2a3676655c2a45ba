"""Downloads of the published registry: the search's records in three formats, data that stays data."""

import csv
import io
import json

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from .conftest import FORMULA, PAYLOAD, portal_uids

FORMATS = ("csv", "xlsx", "json")
PUBLISHED = {"girls-code", "women-developers", "mentoring-network", "teachers-ai", "formula-title", "script-title"}


def table(response, fmt):
    """The download as ``[{column: text}]``."""
    assert response.status_code == 200, response.content
    if fmt == "csv":
        assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
        return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]  # "Initiatieven" in Dutch
        header, *rows = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
        return [dict(zip(header, row)) for row in rows]
    document = json.loads(response.content)
    assert document["count"] == len(document["initiatives"])
    return document["initiatives"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_download_holds_every_published_initiative_and_no_private_column(anonymous, careful_registry, fmt):
    rows = table(anonymous.get(f"/en/initiatives/download.{fmt}?headers=codes"), fmt)
    assert {row["uid"] for row in rows} == PUBLISHED
    assert list(rows[0]) == [
        "uid", "title_nl", "title_fr", "title_en", "summary_nl", "summary_fr", "summary_en", "original_language",
        "organisations", "objectives", "audiences", "regions", "languages", "formats", "digcomp", "implied_audiences", "cost",
        "sector", "status", "starts", "ends", "url", "source_document", "source_section", "facts_searched", "fact_sources",
        "updated_at",
    ]  # no provenance_note: the curators' notes stay in the back office


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_download_never_contains_contact_details(anonymous, careful_registry, fmt):
    content = anonymous.get(f"/en/initiatives/download.{fmt}").content
    if fmt == "xlsx":
        content = json.dumps(table(anonymous.get(f"/en/initiatives/download.{fmt}?headers=codes"), fmt)).encode()
    assert b"Private Person" not in content and b"private.person" not in content


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "language, query_string",
    [("fr", "q=formation&audience=women"), ("en", "audience=women&sort=newest"), ("nl", "q=meisjes"), ("en", "q=nothing-like-this")],
)
def test_a_download_has_the_searchs_initiatives_in_its_order(anonymous, careful_registry, fmt, language, query_string):
    rows = table(anonymous.get(f"/{language}/initiatives/download.{fmt}?headers=codes&{query_string}"), fmt)
    assert [row["uid"] for row in rows] == portal_uids(language, query_string)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_download_is_an_attachment_with_a_dated_name(anonymous, careful_registry, fmt):
    response = anonymous.get(f"/en/initiatives/download.{fmt}")
    expected = f'attachment; filename="widmonitor-initiatives-{timezone.localdate():%Y-%m-%d}.{fmt}"'
    assert response["Content-Disposition"] == expected


def test_an_unknown_format_is_not_found(anonymous, careful_registry):
    assert anonymous.get("/en/initiatives/download.pdf").status_code == 404


def rows_by_uid(client, fmt, language="en"):
    return {row["uid"]: row for row in table(client.get(f"/{language}/initiatives/download.{fmt}?headers=codes"), fmt)}


def test_formula_looking_text_stays_text_in_the_csv(anonymous, careful_registry):
    rows = rows_by_uid(anonymous, "csv")
    assert rows["formula-title"]["title_en"] == "'" + FORMULA
    assert rows["script-title"]["title_en"] == "'-1 +1 @sum"
    assert rows["script-title"]["title_nl"] == PAYLOAD


def test_formula_looking_text_stays_text_in_the_workbook(anonymous, careful_registry):
    response = anonymous.get("/en/initiatives/download.xlsx?headers=codes")
    sheet = load_workbook(io.BytesIO(response.content))["Initiatives"]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    cells = {row[0].value: row[header.index("title_en")] for row in sheet.iter_rows(min_row=2)}
    formula = cells["formula-title"]
    assert (formula.value, formula.data_type, formula.quotePrefix) == (FORMULA, "s", True)
    assert rows_by_uid(anonymous, "xlsx")["script-title"]["title_nl"] == PAYLOAD


def test_the_json_keeps_every_text_exactly(anonymous, careful_registry):
    response = anonymous.get("/en/initiatives/download.json")
    assert response["Content-Type"] == "application/json"
    rows = rows_by_uid(anonymous, "json")
    assert (rows["formula-title"]["title_en"], rows["formula-title"]["summary_en"]) == (FORMULA, PAYLOAD)
    assert (rows["girls-code"]["audiences"], rows["girls-code"]["objectives"]) == (["12 to 18", "girls"], ["1.3"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_visitors_language_names_the_lists(anonymous, careful_registry, fmt):
    english, french = rows_by_uid(anonymous, fmt, "en")["girls-code"], rows_by_uid(anonymous, fmt, "fr")["girls-code"]
    assert (english["cost"], french["cost"]) == ("free", "gratuit")
    regions = [row["regions"] for row in (english, french)]
    if fmt != "json":
        regions = [[value] for value in regions]
    assert regions == [["Brussels-Capital Region"], ["Région de Bruxelles-Capitale"]]
    assert english["title_fr"] == french["title_fr"] == "Les filles apprennent à programmer"
    assert rows_by_uid(anonymous, fmt, "fr")["formula-title"]["organisations"] in ("Club de code", ["Club de code"])


def test_the_search_page_offers_the_downloads_of_its_search(anonymous, careful_registry):
    html = anonymous.get("/fr/initiatives/?q=formation&audience=women").content.decode()
    for fmt in FORMATS:
        assert f'href="/fr/initiatives/download.{fmt}?q=formation&amp;audience=women"' in html


@pytest.mark.parametrize(("language", "sheet", "first"), [("nl", "Initiatieven", ["Identificatie", "Titel (nl)", "Titel (fr)"]),
                                                         ("fr", "Initiatives", ["Identifiant", "Titre (nl)", "Titre (fr)"]),
                                                         ("en", "Initiatives", ["Identifier", "Title (nl)", "Title (fr)"])])  # fmt: skip
def test_the_header_row_and_the_sheet_are_in_the_pages_language(anonymous, careful_registry, language, sheet, first):
    content = anonymous.get(f"/{language}/initiatives/download.semicolon.csv").content
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    workbook = load_workbook(io.BytesIO(anonymous.get(f"/{language}/initiatives/download.xlsx").content))
    codes = next(csv.reader(io.StringIO(anonymous.get(f"/{language}/initiatives/download.csv?headers=codes").content.decode("utf-8-sig"))))
    assert header[:3] == first and len(header) == len(set(header)) == len(codes) and "uid" in codes
    assert workbook.sheetnames == [sheet] and [cell.value for cell in next(workbook[sheet].iter_rows(max_row=1))] == header


def test_the_json_keys_are_the_codes_and_its_labels_name_them(anonymous, careful_registry):
    document = anonymous.get("/nl/initiatives/download.json").json()
    assert set(document["initiatives"][0]) == set(document["columns"]) == set(document["labels"])
    assert (document["labels"]["uid"], document["labels"]["cost"]) == ("Identificatie", "Kosten")


def test_an_unknown_kind_of_header_row_is_refused_with_a_sentence(anonymous, careful_registry):
    response = anonymous.get("/fr/initiatives/download.csv?headers=fr")
    assert response.status_code == 400
    assert response.content.decode() == "«\u00a0fr\u00a0» n'est pas un type de ligne d'en-tête (attendu : labels, dans la langue de la page, ou codes)."
