"""LibreOffice set to Belgian Dutch opens the semicolon CSV in columns, numbers as numbers.

Runs real LibreOffice (``soffice``) headless: marked ``spreadsheet_programs``, left out of the
default run; ``.ci/run`` installs LibreOffice and runs them with ``pytest -m spreadsheet_programs``.
The CSV import is given what a spreadsheet set to nl-BE uses: the semicolon as separator, UTF-8,
and the language nl-BE (Windows language id 2067), which reads "19,6" as the number 19.6.
"""

import csv
import io
import os
import shutil
import subprocess

import pytest
from django.utils import translation
from openpyxl import load_workbook

from widmonitor.api import table

pytestmark = pytest.mark.spreadsheet_programs
NL_BE = "59,34,76,1,,2067"  # separator ;, text delimiter ", UTF-8, from line 1, default column types, language nl-BE


def opened_in_nl_be(tmp_path, content, name):
    """The sheet LibreOffice makes of the CSV ``content`` in nl-BE, as rows of cell values."""
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "converted"
    command = [shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
               f"--infilter=CSV:{NL_BE}", "--convert-to", "xlsx", "--outdir", str(out), str(source)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=180, env={**os.environ, "LC_ALL": "nl_BE.UTF-8", "LANG": "nl_BE.UTF-8"})
    sheet = load_workbook(out / f"{source.stem}.xlsx").active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_an_indicators_semicolon_csv_opens_in_columns_with_numbers(setup_data, db, client, tmp_path):
    content = client.get("/nl/indicators/wid_sse_icts/download.semicolon.csv").content
    header, *rows = opened_in_nl_be(tmp_path, content, "wid_sse_icts.csv")
    assert header[:8] == ["Indicator (code)", "Land of gebied (code)", "Periode", "Geslacht (code)", "Leeftijdsgroep (code)",
                          "Eenheid (code)", "Waarde", "Markeringen"]  # fmt: skip
    belgium_2021 = next(row for row in rows if row[1:4] == ["BE", 2021, "F"] and row[10] == "eurostat")
    assert belgium_2021[6] == 19.6 and belgium_2021[8] == "breuk in de tijdreeks"


def test_the_registrys_semicolon_csv_opens_in_columns_with_its_accents(anonymous, fictional_registry, tmp_path):
    content = anonymous.get("/fr/initiatives/download.semicolon.csv").content
    header, *rows = opened_in_nl_be(tmp_path, content, "initiatives.csv")
    with translation.override("fr"):
        labels = table.column_labels()
    assert header == [labels[column] for column in table.columns()] and header[:2] == ["Identifiant", "Titre (nl)"] and rows
    written = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))[1:]
    texts = [(value, written[r][c]) for r, row in enumerate(rows) for c, value in enumerate(row) if isinstance(value, str)]
    assert any(character in value for value, _ in texts for character in "éèàçë")
    assert [value for value, _ in texts] == [expected for _, expected in texts]
