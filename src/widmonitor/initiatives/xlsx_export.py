"""The two workbooks that replace the report's annexes: the overview and the analysis.

The overview (annex 1) has one row per initiative in the layout of ``xlsx_columns`` and a
"Codes" sheet listing what each coded column accepts; it is the file ``import_overview``
reads back. The analysis (annex 2) sets the counts computed from the registry beside the
counts the report stated. Contact details are personal data and are never exported.
"""

from collections import defaultdict

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from widmonitor.actors.models import Organisation
from widmonitor.languages import content_codes, content_languages
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Sector
from widmonitor.vocabularies.models import Term

from .analysis import analyse, list_note
from .models import Initiative
from .safe_xlsx import write_cell
from .writes import links_of
from .xlsx_columns import (
    CHOICE,
    CODE_SEPARATOR,
    CODES,
    CODES_SHEET,
    CURATORS_COLUMNS,
    INITIATIVES_SHEET,
    OBJECTIVE,
    ORGANISATION,
    TRANSLATED,
    Layout,
)

BOLD = Font(bold=True)
ITALIC = Font(italic=True)
DIFFERS = PatternFill("solid", fgColor="FFC7CE")
ANALYSIS_SHEET = gettext_lazy("Analysis")  # annex 2's sheets, named in the reader's language
BY_OBJECTIVE_SHEET = gettext_lazy("By objective")
SECTORS = (Sector.PRIVATE, Sector.PUBLIC, Sector.MIXED, Sector.UNKNOWN)


class SheetWriter:
    """One write-only sheet: widths and frozen header first, then rows, then the autofilter."""

    def __init__(self, workbook, title, widths, note=None):
        self.ws = workbook.create_sheet(str(title))
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


def export_overview(path_or_stream, queryset=None, public=False):
    """Write the overview workbook of ``queryset`` (default: every initiative), ordered by uid.

    ``public``: for readers outside the back office (the annual report's annex 1), without the
    curators' provenance notes, which the back office's round-trip keeps.
    """
    queryset = (Initiative.objects.all() if queryset is None else queryset).order_by("uid")
    layout = Layout(leave_out=CURATORS_COLUMNS if public else ())
    workbook = Workbook(write_only=True)
    sheet = SheetWriter(workbook, INITIATIVES_SHEET, [column.width for column in layout.columns])
    sheet.header([column.header for column in layout.columns])
    codes = code_texts(layout, queryset.values_list("pk", flat=True))
    fields = list(dict.fromkeys(column.field for column in layout.scalar_columns))
    for pk, *values in queryset.values_list("pk", *fields):
        row = dict(zip(fields, values))
        cells = []
        for column in layout.columns:
            if column.kind == CODES:
                cells.append(codes[column.field].get(pk, ""))
            elif column.kind == TRANSLATED:
                cells.append((row[column.field] or {}).get(column.language, ""))
            else:
                cells.append(row[column.field])
        sheet.row(cells)
    sheet.finish()
    write_codes_sheet(workbook, layout)
    workbook.save(path_or_stream)


def code_texts(layout, pks):
    """``{field: {initiative pk: "code; code"}}`` for every CODES column, a few queries in all.

    Only codes the import accepts are written: objectives of the strategy the platform runs.
    """
    labels = {
        ORGANISATION: {pk: ((slug,), slug) for pk, slug in Organisation.objects.values_list("pk", "slug")},
        OBJECTIVE: {o.pk: ((o.position,), o.code) for o in Objective.objects.current()},
    }
    for term in Term.objects.all():
        labels.setdefault(term.vocabulary, {})[term.pk] = ((term.position, term.code), term.code)
    pks = set(pks)
    texts = {}
    for column in layout.code_columns:
        known = labels.get(column.vocabulary, {})
        linked = defaultdict(list)
        for initiative_id, targets in links_of(column.field).items():
            if initiative_id in pks:
                linked[initiative_id] = [known[target] for target in targets if target in known]
        texts[column.field] = {
            pk: CODE_SEPARATOR.join(code for _key, code in sorted(items)) for pk, items in linked.items()
        }
    return texts


def write_codes_sheet(workbook, layout):
    languages = content_codes()
    sheet = SheetWriter(workbook, CODES_SHEET, [18, 30, *[40] * len(languages)])
    sheet.header(["vocabulary", "code", *[f"label_{code}" for code in languages]])
    for row in code_rows(layout, languages):
        sheet.row(row)
    sheet.finish()


def code_rows(layout, languages):
    """Every code the coded and choice columns accept, with its labels, in column order."""
    for column in layout.columns:
        if column.kind == CHOICE:
            rows = choice_rows(column, languages)
        elif column.vocabulary == ORGANISATION:
            rows = translated_rows(Organisation.objects.order_by("slug"), "slug", "name", languages)
        elif column.vocabulary == OBJECTIVE:
            rows = translated_rows(Objective.objects.current(), "code", "title", languages)
        elif column.vocabulary:
            rows = translated_rows(Term.objects.of(column.vocabulary).order_by("position"), "code", "label", languages)
        else:
            rows = []
        for row in rows:
            yield (column.header, *row)


def translated_rows(records, code, field, languages):
    """``(code, text in each language)`` per record; a missing translation is left empty."""
    return [(getattr(r, code), *(getattr(r, field).get(language, "") for language in languages)) for r in records]


def choice_rows(column, languages):
    if column.field == "original_language":
        return [(language.code, *[language.name] * len(languages)) for language in content_languages()]
    rows = []
    for value, label in column.model_field.choices:
        texts = []
        for language in languages:
            with translation.override(language):
                texts.append(str(label))
        rows.append((value, *texts))
    return rows


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
        if result.stated["total"] is not None and result.stated["total"] != result.initiatives:
            fills |= {5, 10}
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
                list_note(result.note),
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
    objectives = list(Objective.objects.current().select_related("strategy"))
    linked = initiatives_by_objective(objectives)
    for objective in objectives:
        sectors = linked.get(objective.pk, {})
        counts = [sum(1 for sector in sectors.values() if sector == s) for s in SECTORS]
        sheet.row([objective.strategy.code, objective.code, str(objective.text("title")), *counts, len(sectors)])
    sheet.finish()


def initiatives_by_objective(objectives):
    """``{objective pk: {initiative pk: sector}}``, an objective including its sub-objectives' links."""
    parents = {o.pk: o.parent_id for o in objectives}
    through = Initiative.objectives.through
    pairs = through.objects.filter(initiative__in=Initiative.objects.counted()).values_list(
        "objective_id", "initiative_id", "initiative__sector"
    )
    linked = defaultdict(dict)
    for objective_id, initiative_id, sector in pairs:
        linked[objective_id][initiative_id] = sector
        if parents.get(objective_id):
            linked[parents[objective_id]][initiative_id] = sector
    return linked
