"""The CSV for Belgian spreadsheets: a byte order mark, semicolons between cells, a decimal comma;
otherwise the very rows of the comma-separated file."""

import csv
import io

import pytest


def read(content, delimiter):
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


@pytest.fixture
def visitor(setup_data, db, client):
    return client


def test_an_indicators_semicolon_csv_has_the_rows_of_the_comma_one_with_decimal_commas(visitor):
    comma = read(visitor.get("/nl/indicators/wid_sse_icts/download.csv?headers=codes").content, ",")
    response = visitor.get("/nl/indicators/wid_sse_icts/download.semicolon.csv?headers=codes")
    semicolon = read(response.content, ";")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="widmonitor-wid_sse_icts.semicolon.csv"'
    value = comma[0].index("value")
    assert semicolon[0] == comma[0] and len(semicolon) == len(comma) > 100
    assert [row[value] for row in semicolon[1:]] == [row[value].replace(".", ",") for row in comma[1:]]
    assert "19,6" in [row[value] for row in semicolon]
    assert [row[:value] + row[value + 1:] for row in semicolon] == [row[:value] + row[value + 1:] for row in comma]


def test_the_registrys_semicolon_csv_has_the_rows_of_the_comma_one(anonymous, fictional_registry):
    comma = read(anonymous.get("/fr/initiatives/download.csv?audience=women").content, ",")
    semicolon = read(anonymous.get("/fr/initiatives/download.semicolon.csv?audience=women").content, ";")
    assert semicolon == comma and len(comma) > 1


def test_the_indicator_page_offers_the_semicolon_csv_and_the_statistical_formats(visitor):
    page = visitor.get("/fr/indicators/wid_sse_icts/").content.decode()
    assert 'href="/fr/indicators/wid_sse_icts/download.semicolon.csv"' in page
    assert 'href="/api/indicators/wid_sse_icts/sdmx-csv"' in page and 'href="/api/indicators/wid_sse_icts/json-stat?lang=fr"' in page


def test_the_search_page_offers_the_semicolon_csv(anonymous, fictional_registry):
    assert 'href="/nl/initiatives/download.semicolon.csv?' in anonymous.get("/nl/initiatives/").content.decode()
