"""Import the overview workbook (the layout ``xlsx_export.export_overview`` writes), all or nothing.

Stages: open the file → check the header row → read every cell into a clean value →
resolve codes against the database → check each row as a whole. Every problem of every
stage is collected as a ``Problem``; if there is one, nothing is written. Otherwise each
row is matched on its identifier and the write path brings the database in line in one
transaction: new identifiers are created, changed records updated (one history entry each,
naming the user), unchanged ones left alone. Records absent from the file are never deleted.
"""

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from widmonitor.actors.models import Organisation
from widmonitor.problems import Problem
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.models import Term

from .models import Initiative
from .periods import ends_before_starts, parse_partial_date
from .safe_xlsx import UnsafeCell, as_text, read_value
from .writes import links_of, save_initiatives
from .xlsx_columns import (
    CHOICE,
    CODE_SEPARATOR,
    CODES,
    DATE,
    ID,
    INITIATIVES_SHEET,
    OBJECTIVE,
    ORGANISATION,
    TRANSLATED,
    URL,
    VERSION,
    Layout,
)

MAX_ROWS = 50_000
SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")
CODE_SPLIT = re.compile(r"\s*;\s*")
EXPECTED_LIST_LIMIT = 30
is_url = URLValidator(schemes=["http", "https"])


@dataclass
class ImportReport:
    file: str
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # RecordChange of each record to create or update

    @property
    def ok(self):
        return not self.errors


@dataclass
class RecordChange:
    """What an import does to one record: the row, the identifier, and (header, old, new) per changed cell."""

    row: int
    uid: str
    created: bool
    cells: list = field(default_factory=list)


class Rejected(Exception):
    """A stage found problems that make the next stages meaningless."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


def import_overview(path, dry_run=False, user=None, progress=None, overwrite=False):
    """Check the overview workbook at ``path`` and, unless ``dry_run`` or any problem, write it.

    A row whose record changed since the file was exported (its version differs) is refused
    unless ``overwrite``. ``progress`` wraps an iterable of rows (e.g. tqdm) while the sheet is read.
    """
    path = Path(path)
    report = ImportReport(file=path.name, dry_run=dry_run)
    layout = Layout()
    try:
        sheet = Sheet(path, layout, progress)
        try:
            rows = sheet.parse()
        finally:
            sheet.workbook.close()
    except Rejected as rejected:
        report.errors = rejected.errors
        return report
    lookups = Lookups(sheet.columns.values())
    for row in rows:
        lookups.resolve(row)
    check_rows(rows, layout)
    report.errors = [error for row in rows for error in row.errors]
    if report.errors:
        return report
    plan = Plan(rows, sheet.columns.values(), lookups, overwrite)
    report.errors = [error for row in rows for error in row.errors]  # records changed since the export
    if report.errors:
        return report
    report.created, report.updated, report.unchanged = len(plan.creates), len(plan.updates), plan.unchanged
    report.changes = plan.record_changes
    if not dry_run:
        plan.write(user, str(_("Imported from %(file)s") % {"file": path.name}))
    return report


# --- open the file and check the header row ------------------------------------------------------


class Sheet:
    """The "Initiatives" sheet of a workbook, with its columns identified."""

    def __init__(self, path, layout, progress=None):
        self.path, self.name, self.layout = path, INITIATIVES_SHEET, layout
        self.progress = progress or (lambda items, **kwargs: items)
        self.workbook = self._open()
        self.ws = self.workbook[self.name]
        self.rows = self.ws.iter_rows()
        try:
            if self.ws.max_row is not None and self.ws.max_row - 1 > MAX_ROWS:
                raise Rejected([self.too_many_rows()])
            self.columns = self._read_headers(next(self.rows, ()))
        except Rejected:
            self.workbook.close()
            raise

    def error(self, code, message, sheet="", **params):
        return Problem(code, message, params, file=self.path.name, sheet=sheet)

    def _open(self):
        if not self.path.is_file():
            raise Rejected([self.error("missing_file", _("there is no such file"))])
        if self.path.stat().st_size == 0:
            raise Rejected([self.error("empty_file", _("the file is empty (0 bytes; expected an .xlsx workbook)"))])
        try:
            workbook = load_workbook(self.path, read_only=True, data_only=False)
        except (zipfile.BadZipFile, InvalidFileException, KeyError) as error:
            message = _("not an Excel workbook (expected an .xlsx file saved by Excel or LibreOffice)")
            raise Rejected([self.error("not_xlsx", message)]) from error
        if self.name not in workbook.sheetnames:
            workbook.close()
            message = _('no sheet named "%(name)s" (the workbook has: %(sheets)s)')
            sheets = ", ".join(workbook.sheetnames)
            raise Rejected([self.error("missing_sheet", message, name=self.name, sheets=sheets)])
        return workbook

    def too_many_rows(self):
        message = _("more than the %(limit)s data rows an import accepts (split the file and import each part)")
        return self.error("too_many_rows", message, sheet=self.name, limit=MAX_ROWS)

    def header_error(self, code, message, index=None, header="", **params):
        error = Problem(code, message, {"header": header, **params}, file=self.path.name, sheet=self.name, row=1)
        if index is not None:
            error.column, error.header = get_column_letter(index + 1), header
        return error

    def _read_headers(self, cells):
        """``{cell index: Column}``; unknown, duplicate and missing headers are errors."""
        columns, seen, errors = {}, {}, []
        for index, cell in enumerate(cells):
            header = as_text(cell.value).strip().lower()
            if not header:
                continue
            if header not in self.layout.by_header:
                errors.append(
                    self.header_error(
                        "unknown_header",
                        _('unknown column "%(header)s" (expected one of %(expected)s)'),
                        index,
                        header,
                        expected=", ".join(self.layout.by_header),
                    )
                )
            elif header in seen:
                errors.append(
                    self.header_error(
                        "duplicate_header",
                        _('column "%(header)s" appears twice (also in column %(first)s)'),
                        index,
                        header,
                        first=get_column_letter(seen[header] + 1),
                    )
                )
            else:
                seen[header] = index
                columns[index] = self.layout.by_header[header]
        for column in self.layout.columns:
            if column.required and column.header not in seen:
                errors.append(
                    self.header_error(
                        "missing_header",
                        _(
                            'missing column "%(header)s" (a header cell reading %(header)s; '
                            "exported files have it in column %(letter)s)"
                        ),
                        header=column.header,
                        letter=self.layout.letter(column),
                    )
                )
        if errors:
            raise Rejected(errors)
        return columns

    def parse(self):
        """Every non-empty data row as a Row of clean values and the problems found in it."""
        return [self.parse_row(number, cells) for number, cells in self.read_rows()]

    def read_rows(self):
        """``[(row number, cells)]`` of the non-empty data rows; too many rows stop the import."""
        total = self.ws.max_row - 1 if self.ws.max_row else None
        rows = []
        for number, cells in enumerate(self.progress(self.rows, total=total, unit="row"), start=2):
            if number - 1 > MAX_ROWS:
                raise Rejected([self.too_many_rows()])
            if any(cell.value is not None and cell.value != "" for cell in cells):
                rows.append((number, cells))
        return rows

    def parse_row(self, number, cells):
        row = Row(self.path.name, self.name, number, self.layout)
        for index, column in self.columns.items():
            cell = cells[index] if index < len(cells) else None
            row.read(column, get_column_letter(index + 1), cell)
        return row


# --- read each cell into a clean value ----------------------------------------------------------


class Row:
    """One data row: clean values by field, codes still to resolve, and its problems."""

    def __init__(self, file, sheet, number, layout):
        self.file, self.sheet, self.number, self.layout = file, sheet, number, layout
        self.values, self.codes, self.targets, self.letters, self.errors = {}, {}, {}, {}, []
        self.failed = set()  # fields with a problem of their own, left out of the row checks

    def error(self, column, code, message, value="", **params):
        self.failed.add(column.header)
        self.errors.append(
            Problem(
                code,
                message,
                {"value": value, **params},
                file=self.file,
                sheet=self.sheet,
                row=self.number,
                column=self.letters.get(column.header, self.layout.letter(column)),
                header=column.header,
                field=column.field,
                value=value,
            )
        )

    def read(self, column, letter, cell):
        self.letters[column.header] = letter
        try:
            raw = read_value(cell) if cell is not None else None
        except UnsafeCell as unsafe:
            if unsafe.code == "formula":
                message = _("the cell holds a formula (%(value)s); type the value itself")
            else:
                message = _("the cell holds an error value (%(value)s); type the value itself")
            self.error(column, unsafe.code, message, unsafe.value)
            return
        text = as_text(raw).strip()
        if len(text) > column.max_length and column.kind != CHOICE:  # a choice says what it expects
            self.error(
                column,
                "too_long",
                _("%(length)s characters, more than the %(limit)s allowed"),
                text[:40] + "...",
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


# --- resolve codes and names against the database -----------------------------------------------


class Lookups:
    """What the coded columns resolve against: organisations, objectives, controlled lists."""

    def __init__(self, columns):
        wanted = {column.vocabulary for column in columns if column.kind == CODES}
        self.known = {}
        if ORGANISATION in wanted:
            self.known[ORGANISATION] = {slug: pk for pk, slug in Organisation.objects.values_list("pk", "slug")}
        if OBJECTIVE in wanted:
            self.known[OBJECTIVE] = dict(Objective.objects.current().values_list("code", "pk"))
        for pk, vocabulary, code in Term.objects.order_by("position").values_list("pk", "vocabulary", "code"):
            self.known.setdefault(vocabulary, {})[code.lower()] = pk
        self.codes = {vocabulary: list(known) for vocabulary, known in self.known.items()}

    def resolve(self, row):
        for column in row.layout.code_columns:
            if column.field not in row.codes:
                continue
            known = self.known.get(column.vocabulary, {})
            targets = set()
            for code in row.codes[column.field]:
                if code.lower() in known:
                    targets.add(known[code.lower()])
                else:
                    self.unknown(row, column, code)
            row.targets[column.field] = targets

    def unknown(self, row, column, code):
        if column.vocabulary == ORGANISATION:
            row.error(
                column,
                "unknown_code",
                _(
                    'unknown organisation "%(value)s" (expected the identifier of an organisation of the registry, '
                    "as listed on the Codes sheet)"
                ),
                code,
            )
            return
        if column.vocabulary == OBJECTIVE:
            what = _("sub-objective code") if "." in code else _("objective code")
        else:
            what = _("%(vocabulary)s code") % {"vocabulary": Vocabulary(column.vocabulary).label}
        codes = self.codes.get(column.vocabulary, [])
        if not codes:
            message = _('unknown %(what)s "%(value)s" (no codes of this list are loaded: run `widmonitor setup`)')
            row.error(column, "unknown_code", message, code, what=what)
            return
        expected = ", ".join(codes[:EXPECTED_LIST_LIMIT]) + (", ..." if len(codes) > EXPECTED_LIST_LIMIT else "")
        message = _('unknown %(what)s "%(value)s" (expected one of %(expected)s)')
        row.error(column, "unknown_code", message, code, what=what, expected=expected)


# --- check each row as a whole ------------------------------------------------------------------


def check_rows(rows, layout):
    first_row = {}
    id_column = layout.by_header["id"]
    for row in rows:
        uid = row.values.get("uid", "")
        if uid and uid in first_row:
            message = _('identifier "%(value)s" is also used in row %(first)s')
            row.error(id_column, "duplicate_id", message, uid, first=first_row[uid])
        first_row.setdefault(uid, row.number)
        check_title(row, layout)
        check_period(row, layout)


def check_title(row, layout):
    language = row.values.get("original_language", "")
    column = layout.by_header.get(f"title_{language}")
    if column is None or {"original_language", column.header} & row.failed:
        return
    if not row.values.get("title", {}).get(language):
        message = _("the title in the original language (%(language)s) is required")
        row.error(column, "required", message, language=language)


def check_period(row, layout):
    starts, ends = row.values.get("starts", ""), row.values.get("ends", "")
    if not {"starts", "ends"} & row.failed:
        if ends_before_starts(starts, ends):
            message = _("the end (%(value)s) comes before the start (%(starts)s)")
            row.error(layout.by_header["ends"], "ends_before_starts", message, ends, starts=starts)


# --- match rows with the database and write the differences -------------------------------------


class Plan:
    """What the import changes: records to create, records to update, how many stay as they are.

    A row that would change a record whose version is not the row's (someone saved it after
    the export) gets an error instead, unless ``overwrite``.
    """

    def __init__(self, rows, columns, lookups, overwrite=False):
        columns = list(columns)
        self.fields = list(dict.fromkeys(c.field for c in columns if c.kind not in (CODES, VERSION)))
        self.m2m_fields = [column.field for column in columns if column.kind == CODES]
        self.translated = {}  # {field: the languages of its columns in the file}
        for column in columns:
            if column.kind == TRANSLATED:
                self.translated.setdefault(column.field, []).append(column.language)
        self.overwrite = overwrite
        # Links a workbook cannot show (an objective of another strategy) are kept as they are.
        self.shown = {c.field: set(lookups.known.get(c.vocabulary, {}).values()) for c in columns if c.kind == CODES}
        self.codes = {c.field: {pk: code for code, pk in lookups.known.get(c.vocabulary, {}).items()} for c in columns if c.kind == CODES}
        self.existing = {initiative.uid: initiative for initiative in Initiative.objects.all()}
        self.links = {name: links_of(name) for name in self.m2m_fields}
        self.creates, self.updates, self.unchanged, self.record_changes = [], [], 0, []
        self.changes = []  # (initiative, {m2m field: target pks}) pairs, for the write path
        taken = set(self.existing) | {row.values.get("uid") for row in rows}
        for row in rows:
            existing = self.existing.get(row.values.get("uid"))
            if existing is None:
                self._create(row, taken)
            else:
                self._compare(existing, row)

    def _create(self, row, taken):
        values = {name: drop_empty(v) if isinstance(v, dict) else v for name, v in row.values.items() if name != "version"}
        if not values.get("uid"):
            values["uid"] = new_uid(values, taken)
        initiative = Initiative(**values)
        self.creates.append(initiative)
        self.changes.append((initiative, dict(row.targets)))
        cells = [(header, "", new) for header, _old, new in self.cell_changes(Initiative(), values, row.targets, {})]
        self.record_changes.append(RecordChange(row.number, initiative.uid, True, cells))

    def _compare(self, initiative, row):
        values = {
            name: merged(getattr(initiative, name), value) if isinstance(value, dict) else value
            for name, value in row.values.items()
            if name != "version"
        }
        changed = [name for name in self.fields if getattr(initiative, name) != values[name]]
        links = {}
        for name, targets in row.targets.items():
            stored = self.links[name].get(initiative.pk, set())
            if stored & self.shown[name] != targets:
                links[name] = targets | (stored - self.shown[name])
        if not changed and not links:
            self.unchanged += 1
            return
        if not self.overwrite and row.values.get("version") != initiative.version:
            stale(row, initiative)
            return
        cells = self.cell_changes(initiative, values, row.targets, self.links)
        for name in changed:
            setattr(initiative, name, values[name])
        self.updates.append(initiative)
        self.changes.append((initiative, links))
        self.record_changes.append(RecordChange(row.number, initiative.uid, False, cells))

    def cell_changes(self, initiative, values, targets, links):
        """``[(header, old, new)]`` of what differs, as a person reads it in the workbook."""
        cells = []
        for name in self.fields:
            old, new = getattr(initiative, name), values.get(name, getattr(initiative, name))
            if name in self.translated:
                for language in self.translated[name]:
                    if (old or {}).get(language, "") != new.get(language, ""):
                        cells.append((f"{name}_{language}", (old or {}).get(language, ""), new.get(language, "")))
            elif old != new:
                cells.append((name, "" if old is None else str(old), str(new)))
        for name, new_targets in targets.items():
            old_targets = links.get(name, {}).get(initiative.pk, set()) & self.shown[name]
            if old_targets != new_targets:
                cells.append((name, self.code_text(name, old_targets), self.code_text(name, new_targets)))
        return cells

    def code_text(self, name, pks):
        return CODE_SEPARATOR.join(sorted(self.codes[name].get(pk, "?") for pk in pks))

    def write(self, user, reason):
        save_initiatives(self.changes, user, reason, fields=self.fields)


def stale(row, initiative):
    """The error of a row whose record was saved after the file was exported."""
    column = row.layout.version_column
    last = initiative.history.select_related("history_user").first()
    who = (last.history_user.get_username() if last and last.history_user else "") or _("someone")
    when = timezone.localtime(last.history_date).strftime("%Y-%m-%d %H:%M") if last else "?"
    if row.values.get("version") in (None, ""):
        message = _(
            'record "%(uid)s" has no version in this file, so it cannot be told whether it changed since the export '
            "(last saved by %(who)s on %(when)s): export again, or import with --overwrite"
        )
    else:
        message = _(
            'record "%(uid)s" was changed by %(who)s on %(when)s after this file was exported (file: version '
            "%(value)s, registry: version %(current)s): export again, or import with --overwrite to replace that change"
        )
    version = row.values.get("version") or ""
    row.error(column, "stale_row", message, version, uid=initiative.uid, who=who, when=when, current=initiative.version)


def read_version(row, column, text):
    """The record version a row was exported with: a whole number, or empty for a new record."""
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        message = _('"%(value)s" is not a version (expected the whole number the export wrote)')
        row.error(column, "bad_version", message, text)
        return None


READERS[VERSION] = read_version


def drop_empty(texts):
    return {language: text for language, text in texts.items() if text}


def merged(stored, texts):
    """The stored texts with the languages of ``texts`` (a cell per language) replaced; empty cells remove."""
    result = dict(stored)
    for language, text in texts.items():
        if text:
            result[language] = text
        else:
            result.pop(language, None)
    return result


def new_uid(values, taken):
    """A fresh identifier from the title, unique in the database and in the file."""
    titles = values.get("title", {})
    title = titles.get("en") or titles.get(values.get("original_language")) or ""
    uid, n = Initiative.unique_uid(title), 1
    while uid in taken:  # free in the database, but another new row of the file has it
        n += 1
        uid = Initiative.unique_uid(f"{title} {n}")
    taken.add(uid)
    return uid
