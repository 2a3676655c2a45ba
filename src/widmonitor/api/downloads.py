"""Open-data downloads of the published registry as CSV, xlsx and JSON, filtered like the search.

``/<lang>/initiatives/download.<format>?<the search's query string>`` gives every initiative
the search finds (not one page), in its order, as ``table`` lays them out.

CSV is UTF-8 with a byte order mark: without it Excel reads the file in the computer's legacy
code page and garbles every accent; Python (``utf-8-sig``), R and LibreOffice read it as well.
It is comma-separated (RFC 4180); Excel and LibreOffice set to Belgian Dutch or French expect
semicolons, which ``download.semicolon.csv`` has (the same file otherwise), beside the xlsx. A cell that a spreadsheet would run as a formula (starting with
= + - @, tab or CR) gets a leading apostrophe in the CSV and Excel's quote prefix in the xlsx;
the JSON keeps every text exactly as stored. The header row of the CSV and xlsx is in the page's language;
``?headers=codes`` gives the columns' codes instead, the JSON's keys (``opendata/headers.py``).
"""

import csv
import io
import json

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from widmonitor.initiatives.safe_xlsx import RISKY_FIRST_CHARACTERS
from widmonitor.initiatives.xlsx_columns import CODE_SEPARATOR
from widmonitor.initiatives.xlsx_export import SheetWriter
from widmonitor.languages import active_language
from widmonitor.opendata import headers
from widmonitor.search.query import SearchQuery, matching_ids

from . import records, table

SHEET = gettext_lazy("Initiatives")  # the sheet's name in the page's language, like its header row
WIDTH = 24


def download(request, fmt):
    if fmt not in FORMATS:
        raise Http404(f"No download as {fmt}.")
    try:
        kind = headers.chosen(request.GET)
    except headers.UnknownHeaders as error:
        return headers.refusal(error)
    language = active_language()
    ids = matching_ids(SearchQuery.from_params(request.GET), language)
    strategy_codes = records.current_strategy_codes()
    labels = table.audience_labels(language)
    rows = (table.row(initiative, language, strategy_codes, labels) for initiative in records.published_in_order(ids))
    content_type, write = FORMATS[fmt]
    response = HttpResponse(write(rows, language, kind), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="widmonitor-initiatives-{timezone.localdate():%Y-%m-%d}.{fmt}"'
    return response


def flat(value):
    return CODE_SEPARATOR.join(value) if isinstance(value, list) else value


def formula_safe(text):
    return "'" + text if text.startswith(RISKY_FIRST_CHARACTERS) else text


def header_row(kind):
    return headers.header_row(table.columns(), table.column_labels(), kind)


def write_csv(rows, language, kind, delimiter=","):
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter)
    writer.writerow(header_row(kind))
    for row in rows:
        writer.writerow(formula_safe(flat(value)) for value in row.values())
    return stream.getvalue().encode("utf-8-sig")


def write_semicolon_csv(rows, language, kind):
    return write_csv(rows, language, kind, delimiter=";")


def write_xlsx(rows, language, kind):
    workbook = Workbook(write_only=True)
    sheet = SheetWriter(workbook, SHEET, [WIDTH] * len(table.columns()))
    sheet.header(header_row(kind))
    for row in rows:
        sheet.row([flat(value) for value in row.values()])
    sheet.finish()
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def write_json(rows, language, kind):
    """Keys are the columns' codes whatever ``kind``; ``labels`` names them in ``language``."""
    rows = list(rows)
    labels = table.column_labels()
    document = {"language": language, "count": len(rows), "columns": table.columns(), "labels": labels, "initiatives": rows}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


FORMATS = {
    "csv": ("text/csv; charset=utf-8", write_csv),
    "semicolon.csv": ("text/csv; charset=utf-8", write_semicolon_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write_xlsx),
    "json": ("application/json", write_json),
}
