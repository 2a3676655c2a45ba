"""The first stage of the overview import: from a file to rows of clean values, every problem located.

The rule: every non-empty cell of the sheet is either read into a value or reported, and
nothing else happens.

- The file is recognised by its bytes (``xlsx_files``): an OpenDocument spreadsheet, an old
  .xls, a workbook encrypted with a password, a CSV file and a damaged zip each get their own
  advice. Damage that shows later (a corrupt member, broken XML) is the same one problem,
  whether it is met while opening the workbook or while its rows stream by.
- The sheet is read to its real end. Its stored dimension (``<dimension ref=...>``), which
  openpyxl's read-only mode trusts, may be stale, so it is ignored and the row limit is
  counted as the rows come.
- The header row names the columns. A value in a column without a header is reported, and so
  are merged cells, which read-only openpyxl does not show (``xlsx_package`` finds them).
- A cell is read by its column's kind. A text column takes text only: a date, number or
  TRUE/FALSE cell is what a spreadsheet made of what was typed (section 5.3.3 becomes the date
  2003-05-03), so it is refused, not guessed at. Codes typed as numbers are taken as their
  digits. A period column takes a year typed as a number, a date that is the first day of the
  period already stored (the stored text stays), or a day other than the first of a month; any
  other first of a month may have been meant as the month or as the day, and is refused.
"""

import datetime
import re
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _
from openpyxl.utils import get_column_letter

from widmonitor.problems import Problem

from . import xlsx_files
from .models import Initiative
from .periods import parse_partial_date
from .safe_xlsx import UnsafeCell, as_text, read_value
from .xlsx_columns import (
    CHOICE,
    CODES,
    DATE,
    ID,
    INITIATIVES_SHEET,
    TEXT,
    TRANSLATED,
    URL,
)
from .xlsx_limits import LimitExceeded
from .xlsx_package import DAMAGE, WorkbookPackage

MAX_ROWS = 50_000
SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")
CODE_SPLIT = re.compile(r"\s*;\s*")
EXCERPT_LENGTH = 40
is_url = URLValidator(schemes=["http", "https"])

NO_HEADER = _("no header")  # the header a problem names for a column that has none
DAMAGED_FILE = _("the file is damaged: open it in Excel or LibreOffice and save it again")
REFUSED_FILES = {  # (code, message) by what the file is, when it is not an .xlsx
    xlsx_files.ODS: (
        "not_xlsx",
        _(
            "not an Excel workbook but an OpenDocument spreadsheet (.ods): in LibreOffice choose File > Save As "
            'and the type "Excel 2007-365 (.xlsx)", then import that file'
        ),
    ),
    xlsx_files.XLS: (
        "not_xlsx",
        _(
            "not an Excel workbook but an old Excel 97-2003 workbook (.xls): save it as .xlsx (in Excel, "
            'File > Save As and the type "Excel Workbook (*.xlsx)"; in LibreOffice, File > Save As and the type '
            '"Excel 2007-365 (.xlsx)"), then import that file'
        ),
    ),
    xlsx_files.TEXT: (
        "not_xlsx",
        _(
            "not an Excel workbook but a text file (CSV or similar): open it in Excel or LibreOffice and save it "
            "as an Excel workbook (.xlsx), then import that file"
        ),
    ),
    xlsx_files.ENCRYPTED: (
        "password_protected",
        _(
            "the workbook is protected by a password: open it, remove the password and save it again (in Excel, "
            "File > Info > Protect Workbook > Encrypt with Password and clear the password; in LibreOffice, "
            'File > Save As with "Save with password" unticked)'
        ),
    ),
    xlsx_files.DAMAGED: ("damaged_file", DAMAGED_FILE),
    xlsx_files.OTHER: ("not_xlsx", _("not an Excel workbook (expected an .xlsx file saved by Excel or LibreOffice)")),
}
UNSAFE = {
    "formula": _("the cell holds a formula (%(value)s); type the value itself"),
    "error_value": _("the cell holds an error value (%(value)s); type the value itself"),
    "control_character": _("the cell holds a control character (%(value)s) that cannot be kept; remove it"),
}
TYPED_TEXT = _("the cell holds %(what)s %(value)s, not text; format the column as Text and type the value again")
TYPED_PERIOD = _(
    "the cell holds %(what)s %(value)s; type the period as text (%(year)s, %(month)s or %(day)s) "
    "in a column formatted as Text"
)


class Rejected(Exception):
    """A stage found problems that make the next stages meaningless."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


class StoredPeriods:
    """What each record holds in the period columns, read with one query when a period cell first holds a date."""

    def __init__(self, layout):
        self.fields = [column.field for column in layout.columns if column.kind == DATE]
        self.by_uid = None

    def get(self, uid, field):
        if self.by_uid is None:
            records = Initiative.objects.values_list("uid", *self.fields)
            self.by_uid = {uid: dict(zip(self.fields, values)) for uid, *values in records}
        return self.by_uid.get(uid, {}).get(field) or ""


# --- open the file and check the header row ------------------------------------------------------


class Sheet:
    """The "Initiatives" sheet of a workbook, with its columns identified; ``close()`` it when done."""

    def __init__(self, path, layout, progress=None, stored_periods=None):
        self.path, self.name, self.layout = path, INITIATIVES_SHEET, layout
        self.progress = progress or (lambda items, **kwargs: items)
        self.stored_periods = stored_periods  # a StoredPeriods; None: every row is taken as a new record
        self.file = self.workbook = self.rows = None
        try:
            self._open()
            self.rows = self._stream()
            self.columns, errors = self._read_headers(next(self.rows, ()))
            errors += self._merge_errors()
            if errors:
                raise Rejected(errors)
        except Rejected:
            self.close()
            raise
        # The identifier first: how a period cell is read may depend on the record it names.
        self.reading_order = sorted(self.columns.items(), key=lambda item: item[1].kind != ID)

    def close(self):
        for resource in (self.rows, self.workbook, self.file):
            if resource is not None:
                resource.close()

    def error(self, code, message, sheet="", **params):
        return Problem(code, message, params, file=self.path.name, sheet=sheet)

    def _open(self):
        if self.path.is_dir():
            raise Rejected([self.error("not_a_file", _("a folder, not a file (expected an .xlsx workbook)"))])
        if not self.path.is_file():
            raise Rejected([self.error("missing_file", _("there is no such file"))])
        try:
            self._open_file()
        except PermissionError as error:
            message = _("not allowed to read the file (check its permissions)")
            raise Rejected([self.error("unreadable", message)]) from error

    def _open_file(self):
        if self.path.stat().st_size == 0:
            raise Rejected([self.error("empty_file", _("the file is empty (0 bytes; expected an .xlsx workbook)"))])
        kind = xlsx_files.file_kind(self.path)
        if kind != xlsx_files.XLSX:
            raise Rejected([self.error(*REFUSED_FILES[kind])])
        self.file = self.path.open("rb")  # a file, not a name: openpyxl would judge the name's extension
        with self.refusing_over_limits(), self.reporting_damage():
            self.package = WorkbookPackage(self.file)
            self.package.read()
            self.workbook = self.package.wb
            self.part = self.package.sheet_part(self.name)
        if self.part is None:
            message = _('no sheet named "%(name)s" (the workbook has: %(sheets)s)')
            sheets = ", ".join(self.workbook.sheetnames)
            raise Rejected([self.error("missing_sheet", message, name=self.name, sheets=sheets)])
        self.ws = self.workbook[self.name]
        self.row_hint = self.ws.max_row  # the stored dimension: good enough for a progress bar, for nothing else
        self.ws.reset_dimensions()

    @contextmanager
    def refusing_over_limits(self):
        """A workbook over one of ``xlsx_limits``' limits, as one problem naming the limit (and the sheet it is in)."""
        try:
            yield
        except LimitExceeded as exceeded:
            raise Rejected([self.error(exceeded.code, exceeded.message, sheet=exceeded.sheet, **exceeded.params)]) from exceeded

    @contextmanager
    def reporting_damage(self):
        """What a damaged package raises, deep in zipfile, zlib, the XML parser or openpyxl, as one problem."""
        try:
            yield
        except DAMAGE as error:
            raise Rejected([self.error("damaged_file", DAMAGED_FILE)]) from error

    def _stream(self):
        """Every row of the sheet, header first, to the sheet's real end."""
        with self.reporting_damage():
            yield from self.ws.iter_rows()

    def too_many_rows(self):
        message = _("more than the %(limit)s data rows an import accepts (split the file and import each part)")
        return self.error("too_many_rows", message, sheet=self.name, limit=MAX_ROWS)

    def header_error(self, code, message, index=None, header="", **params):
        error = Problem(code, message, {"header": header, **params}, file=self.path.name, sheet=self.name, row=1)
        if index is not None:
            error.column, error.header = get_column_letter(index + 1), header
        return error

    def _read_headers(self, cells):
        """``{cell index: Column}``, and the problems of the header row: unknown, duplicate and missing headers."""
        self.headers = [as_text(cell.value).strip().lower() for cell in cells]
        columns, seen, errors = {}, {}, []
        for index, header in enumerate(self.headers):
            if not header:
                continue
            if header not in self.layout.by_header:
                message = _('unknown column "%(header)s" (expected one of %(expected)s)')
                expected = ", ".join(self.layout.by_header)
                errors.append(self.header_error("unknown_header", message, index, header, expected=expected))
            elif header in seen:
                message = _('column "%(header)s" appears twice (also in column %(first)s)')
                first = get_column_letter(seen[header] + 1)
                errors.append(self.header_error("duplicate_header", message, index, header, first=first))
            else:
                seen[header] = index
                columns[index] = self.layout.by_header[header]
        missing = [column for column in self.layout.columns if column.required and column.header not in seen]
        return columns, errors + [self.missing_header(column) for column in missing]

    def missing_header(self, column):
        message = _(
            'missing column "%(header)s" (a header cell reading %(header)s; '
            "exported files have it in column %(letter)s)"
        )
        return self.header_error("missing_header", message, header=column.header, letter=self.layout.letter(column))

    def _merge_errors(self):
        with self.reporting_damage():
            ranges = self.package.merged_ranges(self.part)
        return [self.merge_error(cells) for cells in ranges if cells.size["rows"] * cells.size["columns"] > 1]

    def merge_error(self, cells):
        """Merged cells, located at their top-left cell, where the one value of the range is."""
        index = cells.min_col - 1
        header = self.headers[index] if index < len(self.headers) and self.headers[index] else NO_HEADER
        return Problem(
            "merged_cells",
            _("cells %(range)s are merged; unmerge them so that each row holds its own values"),
            {"range": cells.coord},
            file=self.path.name,
            sheet=self.name,
            row=cells.min_row,
            column=get_column_letter(cells.min_col),
            header=header,
            value=cells.coord,
        )

    def parse(self):
        """Every non-empty data row as a Row of clean values and the problems found in it."""
        return [self.parse_row(number, cells) for number, cells in self.read_rows()]

    def read_rows(self):
        """``(row number, cells)`` of each non-empty data row; too many rows stop the import."""
        total = self.row_hint - 1 if self.row_hint else None
        for number, cells in enumerate(self.progress(self.rows, total=total, unit="row"), start=2):
            if any(has_value(cell.value) for cell in cells):
                if number - 1 > MAX_ROWS:
                    raise Rejected([self.too_many_rows()])
                yield number, cells

    def parse_row(self, number, cells):
        row = Row(self.path.name, self.name, number, self.layout, self.stored_periods)
        if any(has_value(cells[index].value) for index in self.columns if index < len(cells)):
            for index, column in self.reading_order:
                row.read(column, get_column_letter(index + 1), cells[index] if index < len(cells) else None)
        for index, cell in enumerate(cells):
            if index not in self.columns and has_value(cell.value):
                row.unheaded(get_column_letter(index + 1), cell.value)
        return row


def has_value(value):
    """Whether a cell holds anything; one holding only spaces is as empty as one never typed in."""
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


# --- read each cell into a clean value ----------------------------------------------------------


class Row:
    """One data row: clean values by field, codes still to resolve, and its problems."""

    def __init__(self, file, sheet, number, layout, stored_periods=None):
        self.file, self.sheet, self.number, self.layout = file, sheet, number, layout
        self.stored_periods = stored_periods  # a StoredPeriods, or None
        self.values, self.codes, self.targets, self.letters, self.errors = {}, {}, {}, {}, []
        self.failed = set()  # fields with a problem of their own, left out of the row checks

    def problem(self, code, message, value, letter, header, field, /, **params):  # params may name a "header"
        return Problem(
            code,
            message,
            {"value": value, **params},
            file=self.file,
            sheet=self.sheet,
            row=self.number,
            column=letter,
            header=header,
            field=field,
            value=value,
        )

    def error(self, column, code, message, value="", **params):
        self.failed.add(column.header)
        letter = self.letters.get(column.header, self.layout.letter(column))
        self.errors.append(self.problem(code, message, value, letter, column.header, column.field, **params))

    def unheaded(self, letter, value):
        """A value in a column without a header: neither read nor dropped, but reported."""
        message = _(
            'the cell holds "%(value)s" but its column has no header; move the value under the right header '
            "or empty the cell"
        )
        self.errors.append(self.problem("unheaded_cell", message, excerpt(as_text(value)), letter, NO_HEADER, ""))

    def stored_period(self, column):
        """What the record this row names holds in the period column ``column``; "" for a new record."""
        uid = self.values.get("uid")
        return self.stored_periods.get(uid, column.field) if self.stored_periods and uid else ""

    def read(self, column, letter, cell):
        self.letters[column.header] = letter
        try:
            value = read_value(cell) if cell is not None else None
        except UnsafeCell as unsafe:
            self.error(column, unsafe.code, UNSAFE[unsafe.code], unsafe.value)
            return
        text = CELL_TEXT.get(column.kind, any_text)(self, column, value)
        if text is None:  # a cell of a type the column does not take, reported
            return
        text = text.strip()
        if len(text) > column.max_length and column.kind != CHOICE:  # a choice says what it expects
            self.error(
                column,
                "too_long",
                _("%(length)s characters, more than the %(limit)s allowed"),
                text[:EXCERPT_LENGTH] + "...",
                length=len(text),
                limit=column.max_length,
            )
            return
        if column.kind == CODES:
            self.codes[column.field] = list(dict.fromkeys(code for code in CODE_SPLIT.split(text) if code))
            return
        if column.kind == TRANSLATED:
            self.values.setdefault(column.field, {})[column.language] = text
            return
        self.values[column.field] = READERS.get(column.kind, read_text)(self, column, text)


def excerpt(text):
    return text if len(text) <= EXCERPT_LENGTH else text[:EXCERPT_LENGTH] + "..."


# A cell's value as text, by the kind of its column; None when the cell's type is refused.


def any_text(row, column, value):
    """For columns whose reader judges the text (a choice, a version): any value, as text."""
    return as_text(value)


def text_only(row, column, value):
    """Text columns take text: a date, number or TRUE/FALSE cell is what a spreadsheet made of what was typed."""
    if value is None or isinstance(value, str):
        return as_text(value)
    what, shown = typed(value)
    row.error(column, "wrong_type", TYPED_TEXT, shown, what=what)
    return None


def codes_text(row, column, value):
    """Codes are text, but a code typed as a number (objective 2) is taken as its digits."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return as_text(value)
    return text_only(row, column, value)


def period_text(row, column, value):
    """A period typed as text; a year typed as a number; a date cell only where its meaning is certain."""
    if value is None or isinstance(value, str):
        return as_text(value)
    if is_year(value):
        return str(int(value))
    day = plain_date(value)
    if day is not None:
        stored = row.stored_period(column)
        if stored and first_day(stored) == day:
            return stored  # the stored period, as a spreadsheet shows it: 2021-11 as 2021-11-01
        if day.day != 1:
            return day.isoformat()  # the day is real: the first of a month is what a month becomes
    what, shown = typed(value)
    examples = (day.isoformat()[:4], day.isoformat()[:7], day.isoformat()) if day else ("YYYY", "YYYY-MM", "YYYY-MM-DD")
    row.error(column, "wrong_type", TYPED_PERIOD, shown, what=what, **dict(zip(("year", "month", "day"), examples)))
    return None


def is_year(value):
    """Whether a number cell holds a year (2021 typed in a period column)."""
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return is_number and float(value).is_integer() and 1000 <= value <= 9999


def plain_date(value):
    """The day a date cell holds; None for anything else, a date with a time of day included."""
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time(0) else None
    return value if isinstance(value, datetime.date) else None


def first_day(period):
    try:
        return parse_partial_date(period)[0]
    except ValueError:
        return None


def typed(value):
    """``(what, shown)`` of a cell that is not text, e.g. ("the date", "2003-05-03")."""
    if isinstance(value, bool):
        return _("the logical value"), as_text(value)
    if isinstance(value, datetime.date):
        return _("the date"), as_text(value).replace("T", " ")
    if isinstance(value, (datetime.time, datetime.timedelta)):
        return _("the time"), as_text(value)
    return _("the number"), as_text(value)


CELL_TEXT = {
    ID: text_only,
    TEXT: text_only,
    TRANSLATED: text_only,
    URL: text_only,
    CODES: codes_text,
    DATE: period_text,
}


# A cell's text as the value of its field; problems go to the row.


def read_text(row, column, text):
    return text


def read_id(row, column, text):
    if text and not SLUG.match(text):
        row.error(
            column,
            "bad_id",
            _('"%(value)s" is not an identifier (expected letters, digits, - and _, e.g. coderdojo-belgium)'),
            text,
        )
    return text


def read_choice(row, column, text):
    if not text:
        if column.required:
            message = _("a value is required (expected one of %(expected)s)")
            row.error(column, "required", message, expected=", ".join(column.choices))
        return column.default
    if text.lower() not in column.choices:
        row.error(
            column,
            "bad_choice",
            _('"%(value)s" is not a valid %(header)s (expected one of %(expected)s)'),
            text,
            header=column.header,
            expected=", ".join(column.choices),
        )
    return text.lower()


def read_date(row, column, text):
    if text:
        try:
            parse_partial_date(text)
        except ValueError:
            message = _('"%(value)s" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022 or 2022-09)')
            row.error(column, "bad_date", message, text)
    return text


def read_url(row, column, text):
    if text:
        try:
            is_url(text)
        except ValidationError:
            message = _('"%(value)s" is not a web address (expected e.g. https://example.org/)')
            row.error(column, "bad_url", message, text)
    return text


READERS = {ID: read_id, CHOICE: read_choice, DATE: read_date, URL: read_url}
