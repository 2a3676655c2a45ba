"""The two workbooks that replace the report's annexes: the overview and the analysis.

The overview (annex 1) has one row per initiative in the layout of ``xlsx_columns`` and a
"Codes" sheet listing what each coded column accepts; it is the file ``import_overview``
reads back. The analysis (annex 2) sets the counts computed from the registry beside the
counts the report stated. Contact details are personal data and are never exported.
"""

from collections import defaultdict

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from widmonitor.actors.models import Organisation
from widmonitor.strategy.models import Objective

from .analysis import analyse
from .models import Initiative, Term
from .safe_xlsx import write_cell
from .vocabulary import Moderation, Sector
from .xlsx_columns import (
    CHOICE,
    CODE_COLUMNS,
    CODE_SEPARATOR,
    CODES_SHEET,
    COLUMNS,
    INITIATIVES_SHEET,
    OBJECTIVE,
    ORGANISATION,
    SCALAR_COLUMNS,
    current_strategy,
)

BOLD = Font(bold=True)
ITALIC = Font(italic=True)
DIFFERS = PatternFill("solid", fgColor="FFC7CE")
CONTENT_LANGUAGES = ("nl", "fr", "en")
ANALYSIS_SHEET = "Analysis"
BY_OBJECTIVE_SHEET = "By objective"
SECTORS = (Sector.PRIVATE, Sector.PUBLIC, Sector.MIXED, Sector.UNKNOWN)


class SheetWriter:
    """One write-only sheet: widths and frozen header first, then rows, then the autofilter."""

    def __init__(self, workbook, title, widths, note=None):
        self.ws = workbook.create_sheet(title)
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.columns = len(widths)
        self.header_row = 1
        if note is not None:
            self.ws.append([write_cell(self.ws, note, font=ITALIC)])
            self.header_row = 2
        self.ws.freeze_panes = f"A{self.header_row + 1}"
        self.rows = 0

    def header(self, headers):
        self.ws.append([write_cell(self.ws, header, font=BOLD) for header in headers])

    def row(self, values, fills=()):
        self.ws.append(
            [write_cell(self.ws, value, fill=DIFFERS if i in fills else None) for i, value in enumerate(values)]
        )
        self.rows += 1

    def finish(self):
        last = get_column_letter(self.columns)
        self.ws.auto_filter.ref = f"A{self.header_row}:{last}{self.header_row + self.rows}"


def export_overview(path_or_stream, queryset=None):
    """Write the overview workbook of ``queryset`` (default: every initiative), ordered by uid."""
    queryset = (Initiative.objects.all() if queryset is None else queryset).order_by("uid")
    workbook = Workbook(write_only=True)
    sheet = SheetWriter(workbook, INITIATIVES_SHEET, [column.width for column in COLUMNS])
    sheet.header([column.header for column in COLUMNS])
    codes = code_texts(queryset)
    fields = [column.field for column in SCALAR_COLUMNS]
    for pk, *values in queryset.values_list("pk", *fields):
        row = dict(zip(fields, values))
        for column in CODE_COLUMNS:
            row[column.field] = codes[column.field].get(pk, "")
        sheet.row([row[column.field] for column in COLUMNS])
    sheet.finish()
    write_codes_sheet(workbook)
    workbook.save(path_or_stream)


def code_texts(queryset):
    """``{field: {initiative pk: "code; code"}}`` for every CODES column, a few queries in all."""
    labels = {
        ORGANISATION: {o.pk: ((o.name.casefold(),), o.name) for o in Organisation.objects.all()},
        OBJECTIVE: {o.pk: ((o.strategy_id, o.position), o.code) for o in Objective.objects.all()},
    }
    for term in Term.objects.all():
        labels.setdefault(term.vocabulary, {})[term.pk] = ((term.position, term.code), term.code)
    texts = {}
    for column in CODE_COLUMNS:
        field = Initiative._meta.get_field(column.field)
        through = field.remote_field.through
        pairs = through.objects.filter(**{f"{field.m2m_field_name()}__in": queryset.values("pk")}).values_list(
            f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        )
        linked = defaultdict(list)
        known = labels.get(column.vocabulary, {})
        for initiative_id, target_id in pairs:
            if target_id in known:
                linked[initiative_id].append(known[target_id])
        texts[column.field] = {
            pk: CODE_SEPARATOR.join(code for _key, code in sorted(items)) for pk, items in linked.items()
        }
    return texts


def write_codes_sheet(workbook):
    sheet = SheetWriter(workbook, CODES_SHEET, [18, 30, 40, 40, 40])
    sheet.header(["vocabulary", "code", "label_nl", "label_fr", "label_en"])
    for row in code_rows():
        sheet.row(row)
    sheet.finish()


def code_rows():
    """Every code the coded and choice columns accept, with its labels, in column order."""
    for column in COLUMNS:
        if column.kind == CHOICE:
            rows = choice_rows(column.model_field.choices)
        elif column.vocabulary == ORGANISATION:
            rows = [(name, "", "", "") for name in Organisation.objects.order_by("name").values_list("name", flat=True)]
        elif column.vocabulary == OBJECTIVE:
            rows = objective_rows()
        elif column.vocabulary:
            terms = Term.objects.filter(vocabulary=column.vocabulary).order_by("position")
            rows = [(t.code, t.label_nl, t.label_fr, t.label_en) for t in terms]
        else:
            rows = []
        for row in rows:
            yield (column.header, *row)


def choice_rows(choices):
    rows = []
    for value, label in choices:
        texts = []
        for language in CONTENT_LANGUAGES:
            with translation.override(language):
                texts.append(str(label))
        rows.append((value, *texts))
    return rows


def objective_rows():
    strategy = current_strategy()
    objectives = strategy.objectives.order_by("position") if strategy else []
    return [(o.code, o.title_nl, o.title_fr, o.title_en) for o in objectives]


def export_analysis(path_or_stream, document=None):
    """Write the analysis workbook: every published list (of ``document``, or all) and every objective."""
    workbook = Workbook(write_only=True)
    today = timezone.localdate().isoformat()
    write_lists_sheet(workbook, analyse(document), today)
    write_objectives_sheet(workbook, today)
    workbook.save(path_or_stream)


def write_lists_sheet(workbook, results, today):
    note = _(
        "Counts computed by widmonitor from the registry on %(date)s; stated counts come from the "
        "report section named in each row. Shaded cells: the computed and the stated count differ."
    ) % {"date": today}
    sheet = SheetWriter(workbook, ANALYSIS_SHEET, [18, 9, 9, 40, 8, 10, 9, 9, 9, 9, 9, 9, 9, 9, 8, 60, 60], note)
    sheet.header(
        [
            _("document"), _("section"), _("objective"), _("objective title"), _("bullets"),
            _("distinct initiatives"), _("computed private"), _("computed public"), _("computed mixed"),
            _("computed unknown"), _("stated total"), _("stated private"), _("stated public"),
            _("stated mixed"), _("differs"), _("discrepancies"), _("note"),
        ]
    )  # fmt: skip
    for result in results:
        fills = set()
        if result.stated["total"] is not None and result.stated["total"] != result.bullets:
            fills |= {4, 10}
        for offset, sector in enumerate((Sector.PRIVATE, Sector.PUBLIC, Sector.MIXED)):
            if result.stated[sector] is not None and result.stated[sector] != result.computed[sector]:
                fills |= {6 + offset, 11 + offset}
        sheet.row(
            [
                result.document,
                result.section,
                result.objective_code,
                result.objective_title,
                result.bullets,
                result.initiatives,
                *[result.computed[sector] for sector in SECTORS],
                result.stated["total"],
                *[result.stated[sector] for sector in (Sector.PRIVATE, Sector.PUBLIC, Sector.MIXED)],
                _("yes") if result.discrepancies else _("no"),
                "\n".join(result.discrepancies),
                result.note,
            ],
            fills,
        )
    sheet.finish()


def write_objectives_sheet(workbook, today):
    note = _(
        "Counts computed by widmonitor from the registry on %(date)s: the initiatives linked to each "
        "objective and sub-objective, by sector type. An objective's row counts the initiatives linked to "
        "it or to any of its sub-objectives, each once. Rejected records are not counted."
    ) % {"date": today}
    sheet = SheetWriter(workbook, BY_OBJECTIVE_SHEET, [18, 8, 60, 9, 9, 9, 9, 9], note)
    sheet.header(
        [_("strategy"), _("code"), _("objective"), _("private"), _("public"), _("mixed"), _("unknown"), _("total")]
    )
    objectives = list(Objective.objects.select_related("strategy").order_by("strategy__code", "position"))
    linked = initiatives_by_objective(objectives)
    for objective in objectives:
        sectors = linked.get(objective.pk, {})
        counts = [sum(1 for sector in sectors.values() if sector == s) for s in SECTORS]
        sheet.row([objective.strategy.code, objective.code, objective.title, *counts, len(sectors)])
    sheet.finish()


def initiatives_by_objective(objectives):
    """``{objective pk: {initiative pk: sector}}``, an objective including its sub-objectives' links."""
    parents = {o.pk: o.parent_id for o in objectives}
    through = Initiative.objectives.through
    pairs = through.objects.exclude(initiative__moderation=Moderation.REJECTED).values_list(
        "objective_id", "initiative_id", "initiative__sector"
    )
    linked = defaultdict(dict)
    for objective_id, initiative_id, sector in pairs:
        linked[objective_id][initiative_id] = sector
        if parents.get(objective_id):
            linked[parents[objective_id]][initiative_id] = sector
    return linked
