"""Import the overview workbook (the layout ``xlsx_export.export_overview`` writes), all or nothing.

Stages: open the file → check the header row → read every cell into a clean value →
resolve codes and names against the database → check each row as a whole. Every problem
of every stage is collected as a ``CellError``; if there is one, nothing is written.
Otherwise each row is matched on its identifier and the database is brought in line in
one transaction: new identifiers are created, changed records updated (one historical
record each, naming the user), unchanged ones left alone. Records absent from the file
are never deleted.
"""

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from widmonitor.actors.models import Organisation

from .models import Initiative, Term
from .safe_xlsx import UnsafeCell, as_text, read_value
from .vocabulary import Vocabulary, ends_before_starts, parse_partial_date
from .xlsx_columns import (
    BY_HEADER,
    CHOICE,
    CODE_COLUMNS,
    CODES,
    COLUMNS,
    DATE,
    ID,
    INITIATIVES_SHEET,
    OBJECTIVE,
    ORGANISATION,
    SCALAR_COLUMNS,
    URL,
    current_strategy,
    layout_letter,
)

MAX_ROWS = 50_000
SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")
CODE_SPLIT = re.compile(r"\s*;\s*")
EXPECTED_LIST_LIMIT = 30
BATCH = 500
is_url = URLValidator(schemes=["http", "https"])


@dataclass
class CellError:
    """One problem, located as a person sees it in Excel: sheet, row (1-based), column letter."""

    code: str
    message: str  # a gettext template with %(name)s placeholders, filled from params
    params: dict = field(default_factory=dict)
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    header: str = ""
    value: object = None

    @property
    def problem(self):
        return str(self.message) % self.params

    def __str__(self):
        place = {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column, "header": self.header}
        if self.column:
            where = _("%(sheet)s, row %(row)s, column %(column)s (%(header)s)") % place
        elif self.row:
            where = _("%(sheet)s, row %(row)s") % place
        else:
            where = self.sheet or self.file
        return f"{where}: {self.problem}"


@dataclass
class ImportReport:
    file: str
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


class Rejected(Exception):
    """A stage found problems that make the next stages meaningless."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


def import_overview(path, dry_run=False, user=None, progress=None):
    """Check the overview workbook at ``path`` and, unless ``dry_run`` or any problem, write it.

    ``progress`` wraps an iterable of rows (e.g. tqdm) while the sheet is read.
    """
    path = Path(path)
    report = ImportReport(file=path.name, dry_run=dry_run)
    try:
        sheet = Sheet(path, progress)
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
    check_rows(rows)
    report.errors = [error for row in rows for error in row.errors]
    if report.errors:
        return report
    plan = Plan(rows, sheet.columns.values())
    report.created, report.updated, report.unchanged = len(plan.creates), len(plan.updates), plan.unchanged
    if not dry_run:
        plan.write(user, _("Imported from %(file)s") % {"file": path.name})
    return report


# --- open the file and check the header row ------------------------------------------------------


class Sheet:
    """The "Initiatives" sheet of a workbook, with its columns identified."""

    def __init__(self, path, progress=None):
        self.path, self.name = path, INITIATIVES_SHEET
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
        return CellError(code, message, params, file=self.path.name, sheet=sheet)

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
        error = CellError(code, message, {"header": header, **params}, self.path.name, self.name, 1)
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
            if header not in BY_HEADER:
                errors.append(
                    self.header_error(
                        "unknown_header",
                        _('unknown column "%(header)s" (expected one of %(expected)s)'),
                        index,
                        header,
                        expected=", ".join(BY_HEADER),
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
                columns[index] = BY_HEADER[header]
        for column in COLUMNS:
            if column.required and column.header not in seen:
                errors.append(
                    self.header_error(
                        "missing_header",
                        _(
                            'missing column "%(header)s" (a header cell reading %(header)s; '
                            "exported files have it in column %(letter)s)"
                        ),
                        header=column.header,
                        letter=layout_letter(column),
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
        row = Row(self.path.name, self.name, number)
        for index, column in self.columns.items():
            cell = cells[index] if index < len(cells) else None
            row.read(column, get_column_letter(index + 1), cell)
        return row


# --- read each cell into a clean value ----------------------------------------------------------


class Row:
    """One data row: clean values by field, codes still to resolve, and its problems."""

    def __init__(self, file, sheet, number):
        self.file, self.sheet, self.number = file, sheet, number
        self.values, self.codes, self.targets, self.letters, self.errors = {}, {}, {}, {}, []
        self.failed = set()  # fields with a problem of their own, left out of the row checks

    def error(self, column, code, message, value="", **params):
        self.failed.add(column.field)
        self.errors.append(
            CellError(
                code,
                message,
                {"value": value, **params},
                file=self.file,
                sheet=self.sheet,
                row=self.number,
                column=self.letters.get(column.header, layout_letter(column)),
                header=column.header,
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
            organisations = Organisation.objects.values_list("pk", "name")
            self.known[ORGANISATION] = {name.casefold(): pk for pk, name in organisations}
        if OBJECTIVE in wanted:
            strategy = current_strategy()
            objectives = strategy.objectives.order_by("position").values_list("code", "pk") if strategy else []
            self.known[OBJECTIVE] = dict(objectives)
        for pk, vocabulary, code in Term.objects.order_by("position").values_list("pk", "vocabulary", "code"):
            self.known.setdefault(vocabulary, {})[code.lower()] = pk
        self.codes = {vocabulary: list(known) for vocabulary, known in self.known.items()}

    def resolve(self, row):
        for column in CODE_COLUMNS:
            if column.field not in row.codes:
                continue
            known = self.known.get(column.vocabulary, {})
            targets = set()
            for code in row.codes[column.field]:
                key = code.casefold() if column.vocabulary == ORGANISATION else code.lower()
                if key in known:
                    targets.add(known[key])
                else:
                    self.unknown(row, column, code)
            row.targets[column.field] = targets

    def unknown(self, row, column, code):
        if column.vocabulary == ORGANISATION:
            row.error(
                column,
                "unknown_code",
                _(
                    'unknown organisation "%(value)s" (expected the name of an organisation of the registry, '
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


def check_rows(rows):
    first_row = {}
    id_column = BY_HEADER["id"]
    for row in rows:
        uid = row.values.get("uid", "")
        if uid and uid in first_row:
            message = _('identifier "%(value)s" is also used in row %(first)s')
            row.error(id_column, "duplicate_id", message, uid, first=first_row[uid])
        first_row.setdefault(uid, row.number)
        check_title(row)
        check_period(row)


def check_title(row):
    language = row.values.get("original_language", "")
    if {"original_language", f"title_{language}"} & row.failed:
        return
    column = BY_HEADER[f"title_{language}"]
    if not row.values.get(column.field):
        message = _("the title in the original language (%(language)s) is required")
        row.error(column, "required", message, language=language)


def check_period(row):
    starts, ends = row.values.get("starts", ""), row.values.get("ends", "")
    if not {"starts", "ends"} & row.failed:
        if ends_before_starts(starts, ends):
            message = _("the end (%(value)s) comes before the start (%(starts)s)")
            row.error(BY_HEADER["ends"], "ends_before_starts", message, ends, starts=starts)


# --- match rows with the database and write the differences -------------------------------------


class Plan:
    """What the import changes: records to create, records to update, how many stay as they are."""

    def __init__(self, rows, columns):
        self.fields = [column.field for column in columns if column.kind != CODES]
        self.m2m_fields = [column.field for column in columns if column.kind == CODES]
        self.existing = {initiative.uid: initiative for initiative in Initiative.objects.all()}
        self.links = {name: current_links(name) for name in self.m2m_fields}
        self.creates, self.updates, self.unchanged = [], [], 0
        self.links_to_write = []  # (initiative, {m2m field: target pks}) pairs
        taken = set(self.existing) | {row.values.get("uid") for row in rows}
        for row in rows:
            existing = self.existing.get(row.values.get("uid"))
            if existing is None:
                self._create(row, taken)
            else:
                self._compare(existing, row)

    def _create(self, row, taken):
        values = dict(row.values)
        if not values.get("uid"):
            values["uid"] = new_uid(values, taken)
        initiative = Initiative(**values)
        self.creates.append(initiative)
        self.links_to_write.append((initiative, dict(row.targets)))

    def _compare(self, initiative, row):
        changed = [name for name in self.fields if getattr(initiative, name) != row.values[name]]
        links = {
            name: targets
            for name, targets in row.targets.items()
            if self.links[name].get(initiative.pk, set()) != targets
        }
        if not changed and not links:
            self.unchanged += 1
            return
        for name in changed:
            setattr(initiative, name, row.values[name])
        self.updates.append(initiative)
        self.links_to_write.append((initiative, links))

    @transaction.atomic
    def write(self, user, reason):
        now = timezone.now()
        for initiative in self.creates:
            initiative.created_by = user
        created = Initiative.objects.bulk_create(self.creates, batch_size=BATCH)
        if created and created[0].pk is None:  # a database that does not return ids
            pks = dict(Initiative.objects.values_list("uid", "pk"))
            for initiative in created:
                initiative.pk = pks[initiative.uid]
        for initiative in self.updates:
            initiative.updated_at = now
        if self.updates:
            Initiative.objects.bulk_update(self.updates, [*self.fields, "updated_at"], batch_size=BATCH)
        for name in self.m2m_fields:
            targets = {initiative.pk: links[name] for initiative, links in self.links_to_write if name in links}
            replace_links(name, targets, self.links[name])
        about = {"default_user": user, "default_change_reason": reason, "default_date": now}
        records = Initiative.history.bulk_history_create(created, **about) or []
        records += Initiative.history.bulk_history_create(self.updates, update=True, **about) or []
        record_link_history(records)


def new_uid(values, taken):
    """A fresh identifier from the title, unique in the database and in the file."""
    title = values.get("title_en") or values.get(f"title_{values.get('original_language')}") or ""
    uid, n = Initiative.unique_uid(title), 1
    while uid in taken:  # free in the database, but another new row of the file has it
        n += 1
        uid = Initiative.unique_uid(f"{title} {n}")
    taken.add(uid)
    return uid


def m2m_names(name):
    model_field = Initiative._meta.get_field(name)
    return model_field.remote_field.through, model_field.m2m_field_name(), model_field.m2m_reverse_field_name()


def current_links(name):
    """``{initiative pk: {target pk}}`` of one many-to-many field, in one query."""
    through, source, target = m2m_names(name)
    links = {}
    for initiative_id, target_id in through.objects.values_list(f"{source}_id", f"{target}_id"):
        links.setdefault(initiative_id, set()).add(target_id)
    return links


def replace_links(name, targets_by_initiative, linked_before):
    """Give each initiative exactly its targets; ``linked_before`` are those that had some."""
    through, source, target = m2m_names(name)
    stale = [pk for pk in targets_by_initiative if pk in linked_before]
    for start in range(0, len(stale), BATCH):
        through.objects.filter(**{f"{source}_id__in": stale[start : start + BATCH]}).delete()
    rows = [(pk, target_pk) for pk, targets in targets_by_initiative.items() for target_pk in sorted(targets)]
    insert_rows(through, [f"{source}_id", f"{target}_id"], rows)


def record_link_history(records):
    """Snapshot every many-to-many field beside each new historical record, as simple_history does."""
    if not records:
        return
    history_model = Initiative.history.model
    history_ids = {record.id: record.history_id for record in records}
    for column in CODE_COLUMNS:
        through, source, target = m2m_names(column.field)
        links = through.objects.values_list("pk", f"{source}_id", f"{target}_id")
        rows = [
            (history_ids[initiative], pk, initiative, target_pk)
            for pk, initiative, target_pk in links
            if initiative in history_ids
        ]
        snapshot = getattr(history_model, column.field).model
        insert_rows(snapshot, ["history_id", "id", f"{source}_id", f"{target}_id"], rows)


def insert_rows(model, columns, rows):
    """Plain INSERTs of link rows: ten times faster than model instances through bulk_create."""
    if not rows:
        return
    quote = connection.ops.quote_name
    sql = "INSERT INTO %s (%s) VALUES (%s)" % (
        quote(model._meta.db_table),
        ", ".join(quote(model._meta.get_field(column.removesuffix("_id")).column) for column in columns),
        ", ".join(["%s"] * len(columns)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
