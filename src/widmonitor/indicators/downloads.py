"""An indicator's observations as CSV and xlsx: every cell with its flags and its source.

Eurostat series and figures quoted by documents are both included, told apart by the
``source_kind`` column; a Eurostat cell is one row (one observation per cell). Each row also
says, in the reader's language, what its unit is in words and, for an indicator whose one
series is a gap (the pay gap, (men − women) / men), its definition. CSV is UTF-8 with a byte order mark (Excel reads the accents); a text
a spreadsheet would run as a formula gets a leading apostrophe. The xlsx writes every cell
through ``safe_xlsx.write_cell``. ``semicolon.csv`` is the same CSV for spreadsheets set to Belgian
Dutch or French (Excel's list separator there is ``;`` and the decimal sign a comma): cells
separated by semicolons, values with a decimal comma. The header row is in the page's language; with
``?headers=codes``, the columns' codes (``COLUMNS``), the same in every language (``opendata/headers.py``).
"""

import csv
import io

from openpyxl import Workbook
from django.utils.translation import gettext_lazy as _
from openpyxl.styles import Font

from widmonitor.initiatives.safe_xlsx import RISKY_FIRST_CHARACTERS, write_cell
from widmonitor.opendata.headers import header_row

from .models import Observation
from .presentation import FLAGS, catalogue, indicator_unit, unit_label

COLUMNS = (
    "indicator", "geo", "period", "sex", "age_band", "unit", "value", "flags", "flags_meaning",
    "source", "source_kind", "dataset", "document", "section", "retrieved_at", "quote", "unit_label", "definition",
)  # fmt: skip
LABELS = {
    "indicator": _("Indicator (code)"), "geo": _("Country or area (code)"), "period": _("Period"), "sex": _("Sex (code)"),
    "age_band": _("Age band (code)"), "unit": _("Unit (code)"), "value": _("Value"), "flags": _("Flags"),
    "flags_meaning": _("Meaning of the flags"), "source": _("Source"), "source_kind": _("Kind of source"),
    "dataset": _("Eurostat dataset (code)"), "document": _("Document"), "section": _("Section"), "retrieved_at": _("Retrieved at"),
    "quote": _("Quote"), "unit_label": _("Unit"), "definition": _("Definition"),
}  # fmt: skip


def rows(code):
    """The observations of indicator ``code`` as tuples in ``COLUMNS`` order, Eurostat first."""
    indicator = catalogue()[code]
    definition = indicator.text("definition").text if indicator.definition else ""
    order = ("source__key", "geo", "period", "sex", "age_band", "unit")
    for kind in (Observation.objects.from_eurostat(), Observation.objects.published()):
        for o in kind.filter(indicator=code).select_related("source").order_by(*order):
            meaning = "; ".join(str(FLAGS.get(letter, letter)) for letter in o.flags)
            unit = indicator_unit(indicator) if o.unit == indicator.unit else unit_label(o.unit)
            yield (
                o.indicator, o.geo, o.period, o.sex, o.age_band, o.unit, o.value, o.flags, meaning,
                o.source.title or o.source.key, o.source.kind, o.source.dataset, o.source.document, o.source.section,
                o.retrieved_at.isoformat(), o.quote, str(unit), definition,
            )  # fmt: skip


def formula_safe(value):
    return "'" + value if isinstance(value, str) and value.startswith(RISKY_FIRST_CHARACTERS) else value


def write_csv(code, headers, delimiter=",", decimal="."):
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter)
    writer.writerow(header_row(COLUMNS, LABELS, headers))
    for row in rows(code):
        writer.writerow(csv_cell(value, decimal) for value in row)
    return stream.getvalue().encode("utf-8-sig")


def csv_cell(value, decimal):
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", decimal)
    return formula_safe(value)


def write_semicolon_csv(code, headers):
    """The CSV as spreadsheets set to Belgian Dutch or French read it: semicolons between cells, a decimal comma."""
    return write_csv(code, headers, delimiter=";", decimal=",")


def write_xlsx(code, headers):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(code[:31])
    sheet.append([write_cell(sheet, column, font=Font(bold=True)) for column in header_row(COLUMNS, LABELS, headers)])
    for row in rows(code):
        sheet.append([write_cell(sheet, value) for value in row])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


FORMATS = {
    "csv": ("text/csv; charset=utf-8", write_csv),
    "semicolon.csv": ("text/csv; charset=utf-8", write_semicolon_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write_xlsx),
}
