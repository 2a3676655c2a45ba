"""Open-data downloads of the published registry as CSV, xlsx and JSON, filtered like the search.

``/<lang>/initiatives/download.<format>?<the search's query string>`` gives every initiative
the search finds (not one page), in its order, as ``table`` lays them out.

CSV is UTF-8 with a byte order mark: without it Excel reads the file in the computer's legacy
code page and garbles every accent; Python (``utf-8-sig``), R and LibreOffice read it as well.
It is comma-separated (RFC 4180); Excel and LibreOffice set to Belgian Dutch or French expect
semicolons, which ``download.semicolon.csv`` has (the same file otherwise), beside the xlsx. A cell that a spreadsheet would run as a formula (starting with
= + - @, tab or CR) gets a leading apostrophe in the CSV and Excel's quote prefix in the xlsx;
the JSON keeps every text exactly as stored.
"""

import csv
import io
import json

from django.http import Http404, HttpResponse
from django.utils import timezone
from openpyxl import Workbook

from widmonitor.initiatives.safe_xlsx import RISKY_FIRST_CHARACTERS
from widmonitor.initiatives.xlsx_columns import CODE_SEPARATOR
from widmonitor.initiatives.xlsx_export import SheetWriter
from widmonitor.languages import active_language
from widmonitor.search.query import SearchQuery, matching_ids

from . import records, table

SHEET = "Initiatives"
WIDTH = 24


def download(request, fmt):
    if fmt not in FORMATS:
        raise Http404(f"No download as {fmt}.")
    language = active_language()
    ids = matching_ids(SearchQuery.from_params(request.GET), language)
    strategy_codes = records.current_strategy_codes()
    labels = table.audience_labels(language)
    rows = (table.row(initiative, language, strategy_codes, labels) for initiative in records.published_in_order(ids))
    content_type, write = FORMATS[fmt]
    response = HttpResponse(write(rows, language), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="widmonitor-initiatives-{timezone.localdate():%Y-%m-%d}.{fmt}"'
    return response


def flat(value):
    return CODE_SEPARATOR.join(value) if isinstance(value, list) else value


def formula_safe(text):
    return "'" + text if text.startswith(RISKY_FIRST_CHARACTERS) else text


def write_csv(rows, language, delimiter=","):
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter)
    writer.writerow(table.columns())
    for row in rows:
        writer.writerow(formula_safe(flat(value)) for value in row.values())
    return stream.getvalue().encode("utf-8-sig")


def write_semicolon_csv(rows, language):
    return write_csv(rows, language, delimiter=";")


def write_xlsx(rows, language):
    workbook = Workbook(write_only=True)
    sheet = SheetWriter(workbook, SHEET, [WIDTH] * len(table.columns()))
    sheet.header(table.columns())
    for row in rows:
        sheet.row([flat(value) for value in row.values()])
    sheet.finish()
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def write_json(rows, language):
    rows = list(rows)
    document = {"language": language, "count": len(rows), "columns": table.columns(), "initiatives": rows}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


FORMATS = {
    "csv": ("text/csv; charset=utf-8", write_csv),
    "semicolon.csv": ("text/csv; charset=utf-8", write_semicolon_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write_xlsx),
    "json": ("application/json", write_json),
}
