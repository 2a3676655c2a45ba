"""Import the overview workbook (the layout ``xlsx_export.export_overview`` writes), all or nothing.

Stages: open the file → check the header row → read every cell into a clean value →
resolve codes against the database → check each row as a whole. Every problem of every
stage is collected as a ``Problem``; if there is one, nothing is written. Otherwise each
row is matched on its identifier and the write path brings the database in line in one
transaction: new identifiers are created, changed records updated (one history entry each,
naming the user), unchanged ones left alone. Records absent from the file are never deleted.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from widmonitor.actors.models import Organisation
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.models import Term

from .models import Initiative
from .periods import ends_before_starts
from .writes import links_of, save_initiatives
from .xlsx_columns import (
    CODE_SEPARATOR,
    CODES,
    OBJECTIVE,
    ORGANISATION,
    TRANSLATED,
    VERSION,
    Layout,
)
from .xlsx_reading import READERS, Rejected, Sheet, StoredPeriods

EXPECTED_LIST_LIMIT = 30


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


def import_overview(path, dry_run=False, user=None, progress=None, overwrite=False):
    """Check the overview workbook at ``path`` and, unless ``dry_run`` or any problem, write it.

    A row whose record changed since the file was exported (its version differs) is refused
    unless ``overwrite``. ``progress`` wraps an iterable of rows (e.g. tqdm) while the sheet is read.
    """
    path = Path(path)
    report = ImportReport(file=path.name, dry_run=dry_run)
    layout = Layout()
    try:
        sheet = Sheet(path, layout, progress, StoredPeriods(layout))
        try:
            rows = sheet.parse()
        finally:
            sheet.close()
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
    if not {"starts", "ends"} & row.failed and ends_before_starts(starts, ends):
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
