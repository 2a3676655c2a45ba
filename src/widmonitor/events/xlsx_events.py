"""Many events from one workbook, as the registry's import does it: every cell checked, every problem located, all or nothing.

The "Events" sheet has a header row naming its columns (``columns()``); each further row is one
event, submitted for moderation. A cell is read by its column's kind (text, a code, codes joined
by "; ", a day, a time of day, a number, yes/no); then each row is checked as the form checks an
event (``Event.clean``: the place, the price, the times). Every problem names the sheet, the row
(as a spreadsheet numbers it), the column's letter and header, and the value. If there is any,
nothing is written; else all events are written in one transaction. The file is recognised and
held to the registry import's limits (``initiatives.xlsx_files``, ``xlsx_limits``) before it is parsed.
"""

import datetime
import io
import re
import tempfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from widmonitor.initiatives import xlsx_files
from widmonitor.initiatives.safe_xlsx import UnsafeCell, as_text, read_value, write_cell
from widmonitor.initiatives.xlsx_limits import LimitExceeded
from widmonitor.initiatives.xlsx_package import DAMAGE, WorkbookPackage
from widmonitor.initiatives.xlsx_reading import REFUSED_FILES, UNSAFE
from widmonitor.languages import content_codes
from widmonitor.partners.models import initiatives_of
from widmonitor.problems import Problem, Problems
from widmonitor.vocabularies.choices import Cost, Moderation, Vocabulary
from widmonitor.vocabularies.models import Term

from .models import Event
from .places import Province
from .times import local_instant

SHEET = "Events"
CODES_SHEET = "Codes"
MAX_ROWS = 2000
SPLIT = re.compile(r"\s*;\s*")
YES, NO = ("yes", "ja", "oui", "true", "1"), ("no", "nee", "non", "false", "0", "")
is_url = URLValidator(schemes=["http", "https"])

TEXT, TRANSLATED, CHOICE, CODES, DAY, TIME, NUMBER, BOOLEAN, URL = "text", "translated", "choice", "codes", "day", "time", "number", "boolean", "url"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str
    field: str
    required: bool = False
    max_length: int = 300
    language: str = ""


def columns():
    translated = [Column(f"title_{code}", TRANSLATED, "title", language=code) for code in content_codes()]
    translated += [Column(f"description_{code}", TRANSLATED, "description", max_length=5000, language=code) for code in content_codes()]
    return (
        Column("initiative", CHOICE, "initiative", required=True),
        *translated,
        Column("original_language", CHOICE, "original_language", required=True),
        Column("start_day", DAY, "start_day", required=True),
        Column("start_time", TIME, "start_time", required=True),
        Column("end_day", DAY, "end_day"),
        Column("end_time", TIME, "end_time", required=True),
        Column("online", BOOLEAN, "online"),
        Column("address", TEXT, "address"),
        Column("municipality", TEXT, "municipality", max_length=100),
        Column("province", CHOICE, "province"),
        Column("audiences", CODES, "audiences"),
        Column("languages", CODES, "languages"),
        Column("cost", CHOICE, "cost", required=True),
        Column("price", NUMBER, "price"),
        Column("registration_url", URL, "registration_url", max_length=500),
        Column("capacity", NUMBER, "capacity"),
    )


MESSAGES = {
    "required": gettext_lazy("a value is required"),
    "bad_choice": gettext_lazy('"%(value)s" is not one of %(expected)s'),
    "bad_code": gettext_lazy('"%(value)s" is not a code of the list (see the sheet Codes)'),
    "bad_day": gettext_lazy('"%(value)s" is not a day (expected YYYY-MM-DD, e.g. 2027-03-28)'),
    "bad_time": gettext_lazy('"%(value)s" is not a time of day (expected HH:MM, e.g. 14:30)'),
    "bad_number": gettext_lazy('"%(value)s" is not a number of at least 0'),
    "bad_boolean": gettext_lazy('"%(value)s" is not yes or no'),
    "bad_url": gettext_lazy('"%(value)s" is not a web address (expected e.g. https://example.org/)'),
    "too_long": gettext_lazy("%(length)s characters, more than the %(limit)s allowed"),
    "wrong_type": gettext_lazy('the cell holds %(value)s, not text; format the column as Text and type the value again'),
}


class Reading:
    """The problems of one upload, located."""

    def __init__(self, file_name):
        self.file_name, self.problems = file_name, []

    def add(self, code, message, row=None, column=None, letter="", value="", **params):
        self.problems.append(
            Problem(code, message, {"value": value, **params}, file=self.file_name, sheet=SHEET, row=row,
                    column=letter, header=column.header if column else "", field=column.field if column else "", value=value)
        )

    def whole(self, code, message, **params):
        self.problems.append(Problem(code, message, params, file=self.file_name))


def import_events(upload, user):
    """Submit the events of the uploaded workbook for ``user``; returns them, or raises ``Problems`` having written nothing."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.xlsx"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        rows = read_rows(path, getattr(upload, "name", "upload.xlsx"), user)
    with transaction.atomic():
        for event, relations in rows:
            event.moderation, event.created_by = Moderation.SUBMITTED, user
            event._change_reason = _("Submitted from a workbook by %(partner)s") % {"partner": user.get_username()}
            event.save()
            for name, terms in relations.items():
                getattr(event, name).set(terms)
    return [event for event, _relations in rows]


def read_rows(path, file_name, user):
    """``[(unsaved Event, {relation: [Term]})]`` of the sheet's rows, or ``Problems``."""
    reading = Reading(file_name)
    kind = xlsx_files.file_kind(path) if path.stat().st_size else None
    if kind is None:
        reading.whole("empty_file", gettext_lazy("the file is empty (0 bytes; expected an .xlsx workbook)"))
        raise Problems(reading.problems)
    if kind != xlsx_files.XLSX:
        reading.whole(*REFUSED_FILES[kind])
        raise Problems(reading.problems)
    with path.open("rb") as file:
        try:
            package = WorkbookPackage(file)
            package.read()
            workbook = package.wb
            if SHEET not in workbook.sheetnames:
                message = gettext_lazy('no sheet named "%(name)s" (the workbook has: %(sheets)s)')
                reading.whole("missing_sheet", message, name=SHEET, sheets=", ".join(workbook.sheetnames))
                raise Problems(reading.problems)
            sheet = workbook[SHEET]
            sheet.reset_dimensions()
            rows = []
            for row in sheet.iter_rows():  # read whole (damage shows while streaming), at most MAX_ROWS data rows kept
                rows.append(row)
                if len(rows) > MAX_ROWS + 1:
                    break
        except LimitExceeded as exceeded:
            reading.whole(exceeded.code, exceeded.message, **exceeded.params)
            raise Problems(reading.problems) from exceeded
        except DAMAGE as error:
            reading.whole("damaged_file", gettext_lazy("the file is damaged: open it in Excel or LibreOffice and save it again"))
            raise Problems(reading.problems) from error
    result = parse_sheet(iter(rows), reading, Lookups(user))
    if reading.problems:
        raise Problems(reading.problems)
    return result


class Lookups:
    """What the codes of a row can name: the partner's initiatives, the lists' terms."""

    def __init__(self, user):
        self.initiatives = {initiative.uid: initiative for initiative in initiatives_of(user)}
        self.terms = {
            "audiences": {t.code: t for t in Term.objects.of(Vocabulary.AUDIENCE)},
            "languages": {t.code: t for t in Term.objects.of(Vocabulary.LANGUAGE)},
        }
        self.choices = {
            "initiative": sorted(self.initiatives),
            "original_language": content_codes(),
            "province": Province.values,
            "cost": [Cost.FREE, Cost.PAID],
        }


def parse_sheet(rows, reading, lookups):
    layout = {column.header: column for column in columns()}
    header_cells = next(rows, ())
    found = {}
    for index, cell in enumerate(header_cells):
        header = as_text(cell.value).strip().lower()
        letter = get_column_letter(index + 1)
        if not header:
            continue
        if header not in layout:
            reading.add("unknown_header", gettext_lazy('unknown column "%(value)s" (expected one of %(expected)s)'), 1,
                        None, letter, header, expected=", ".join(layout))
        elif header in found.values():
            reading.add("duplicate_header", gettext_lazy('column "%(value)s" appears twice'), 1, None, letter, header)
        else:
            found[index] = header
    for column in layout.values():
        if column.required and column.header not in found.values():
            reading.add("missing_header", gettext_lazy('missing column "%(value)s"'), 1, None, "", column.header)
    if reading.problems:
        return []
    result = []
    for number, cells in enumerate(rows, start=2):
        if not any(as_text(cell.value).strip() for cell in cells if cell.value is not None):
            continue
        if len(result) >= MAX_ROWS:
            reading.add("too_many_rows", gettext_lazy("more than the %(limit)s events an upload accepts (split the file)"), number, limit=MAX_ROWS)
            break
        result.append(parse_row(number, cells, found, layout, reading, lookups))
    return [row for row in result if row is not None]


def parse_row(number, cells, found, layout, reading, lookups):
    values, letters, before = {}, {}, len(reading.problems)
    for index, header in found.items():
        column, letter = layout[header], get_column_letter(index + 1)
        letters[column.field if column.kind != TRANSLATED else f"{column.field}_{column.language}"] = (column, letter)
        cell = cells[index] if index < len(cells) else None
        try:
            raw = read_value(cell) if cell is not None else None
        except UnsafeCell as unsafe:
            reading.add(unsafe.code, UNSAFE[unsafe.code], number, column, letter, unsafe.value)
            continue
        value = read_cell(column, raw, lookups, lambda code, message, value="", **params: reading.add(code, message, number, column, letter, value, **params))
        if value is not None:
            if column.kind == TRANSLATED:
                values.setdefault(column.field, {})[column.language] = value
            else:
                values[column.field] = value
    for index, cell in enumerate(cells):
        if index not in found and cell.value is not None and as_text(cell.value).strip():
            reading.add("unheaded_cell", gettext_lazy('the cell holds "%(value)s" but its column has no header'), number, None,
                        get_column_letter(index + 1), as_text(cell.value)[:40])
    instants = {}
    for name, day_field, time_field in (("starts_at", "start_day", "start_time"), ("ends_at", "end_day", "end_time")):
        day, time = values.get(day_field) or values.get("start_day"), values.get(time_field)
        if day and time:
            try:
                instants[name] = local_instant(day, time)
            except ValidationError as error:
                column, letter = letters[time_field]
                reading.add(error.code, error.message, number, column, letter, time.strftime("%H:%M"), **error.params)
    if len(reading.problems) > before:
        return None
    return build_event(number, values, instants, letters, reading)


def read_cell(column, raw, lookups, error):
    """The clean value of one cell by its column's kind; None (and a problem) when it cannot be read, or when empty."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if column.required:
            error("required", MESSAGES["required"])
        return False if column.kind == BOOLEAN else None
    if column.kind == DAY:
        return read_day(raw, error)
    if column.kind == TIME:
        return read_time(raw, error)
    if column.kind == NUMBER:
        return read_number(column, raw, error)
    if column.kind in (TEXT, TRANSLATED, URL, CHOICE, CODES) and not isinstance(raw, (str, int)) or isinstance(raw, bool) and column.kind != BOOLEAN:
        error("wrong_type", MESSAGES["wrong_type"], as_text(raw))
        return None
    text = as_text(raw).strip()
    if len(text) > column.max_length:
        error("too_long", MESSAGES["too_long"], text[:40] + "...", length=len(text), limit=column.max_length)
        return None
    if column.kind == BOOLEAN:
        if text.lower() in YES:
            return True
        if text.lower() in NO:
            return False
        error("bad_boolean", MESSAGES["bad_boolean"], text)
        return None
    if column.kind == CHOICE:
        expected = lookups.choices[column.field]
        key = {code.lower(): code for code in expected}.get(text.lower())
        if key is None:
            shown = ", ".join(expected) if len(expected) <= 30 else _("the codes of the sheet Codes")
            error("bad_choice", MESSAGES["bad_choice"], text, expected=shown or _("(none: your organisations have no initiative)"))
            return None
        return lookups.initiatives[key] if column.field == "initiative" else key
    if column.kind == CODES:
        terms = []
        for code in dict.fromkeys(code for code in SPLIT.split(text) if code):
            if code not in lookups.terms[column.field]:
                error("bad_code", MESSAGES["bad_code"], code)
                return None
            terms.append(lookups.terms[column.field][code])
        return terms
    if column.kind == URL:
        try:
            is_url(text)
        except ValidationError:
            error("bad_url", MESSAGES["bad_url"], text)
            return None
    return text


def read_day(raw, error):
    if isinstance(raw, datetime.datetime) and raw.time() == datetime.time(0):
        return raw.date()
    if isinstance(raw, datetime.date) and not isinstance(raw, datetime.datetime):
        return raw
    try:
        return datetime.date.fromisoformat(as_text(raw).strip())
    except ValueError:
        error("bad_day", MESSAGES["bad_day"], as_text(raw))
        return None


def read_time(raw, error):
    if isinstance(raw, datetime.time):
        return raw.replace(second=0, microsecond=0)
    try:
        return datetime.datetime.strptime(as_text(raw).strip(), "%H:%M").time()
    except ValueError:
        error("bad_time", MESSAGES["bad_time"], as_text(raw))
        return None


def read_number(column, raw, error):
    try:
        number = Decimal(as_text(raw).strip().replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number < 0 or isinstance(raw, bool):
        error("bad_number", MESSAGES["bad_number"], as_text(raw))
        return None
    if column.field == "capacity":
        if number != number.to_integral_value():
            error("bad_number", MESSAGES["bad_number"], as_text(raw))
            return None
        return int(number)
    return number.quantize(Decimal("0.01"))


FIELD_COLUMNS = {"starts_at": "start_day", "ends_at": "end_time", "province": "province", "price": "price", "capacity": "capacity",
                 "registration_url": "registration_url", "municipality": "municipality", "address": "address", "cost": "cost"}


def build_event(number, values, instants, letters, reading):
    """The row's event, unsaved, checked as the form checks it; None and the problems located when it is wrong."""

    def problem(field, error, fallback):
        column, letter = letters.get(field) or letters.get(fallback) or (None, "")
        for message in error.messages:
            reading.add(getattr(error, "code", None) or "invalid", "%(text)s", number, column, letter, "", text=message)

    event = Event(
        initiative=values["initiative"], title=values.get("title", {}), description=values.get("description", {}),
        original_language=values["original_language"], online=values.get("online", False),
        address=values.get("address") or "", municipality=values.get("municipality") or "", province=values.get("province") or "",
        cost=values["cost"], price=values.get("price"), registration_url=values.get("registration_url") or "", capacity=values.get("capacity"),
    )
    event.starts_at, event.ends_at = instants["starts_at"], instants["ends_at"]
    try:
        event.full_clean(exclude=["uid", "initiative"])
    except ValidationError as error:
        for field, errors in error.error_dict.items():
            target = f"title_{event.original_language}" if field == "title" else FIELD_COLUMNS.get(field, field)
            for one in errors:
                problem(target, one, "initiative")
        return None
    return event, {name: values.get(name) or [] for name in ("audiences", "languages")}


def template(user):
    """The workbook to fill in: the sheet Events with its headers, and the sheet Codes with what each code column accepts."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET)
    sheet.append([write_cell(sheet, column.header) for column in columns()])
    codes = workbook.create_sheet(CODES_SHEET)
    lookups = Lookups(user)
    codes.append([write_cell(codes, text) for text in (_("column"), _("code"), _("meaning"))])
    for uid, initiative in sorted(lookups.initiatives.items()):
        codes.append([write_cell(codes, text) for text in ("initiative", uid, str(initiative))])
    for value, label in Province.choices:
        codes.append([write_cell(codes, text) for text in ("province", value, str(label))])
    for name in ("audiences", "languages"):
        for code, term in lookups.terms[name].items():
            codes.append([write_cell(codes, text) for text in (name, code, str(term))])
    for code in content_codes():
        codes.append([write_cell(codes, text) for text in ("original_language", code, code)])
    for value, label in ((Cost.FREE, Cost.FREE.label), (Cost.PAID, Cost.PAID.label)):
        codes.append([write_cell(codes, text) for text in ("cost", value, str(label))])
    notes = (
        ("start_day, end_day", "2027-03-28", _("a day; end_day empty: the same day as start_day")),
        ("start_time, end_time", "14:30", _("Belgian time")),
        ("online", "yes / no", _("yes: no address, municipality or province")),
        ("audiences, languages", "girls; age-12-18", _("several codes separated by ;")),
    )
    for note in notes:
        codes.append([write_cell(codes, text) for text in note])
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    return out
