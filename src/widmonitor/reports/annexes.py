"""Annex 2 of a report: the analysis workbook, from the report itself (so a frozen edition keeps it).

Sheet "Analysis": every list the compared edition printed, its stated counts beside the computed
ones (as ``widmonitor export --analysis``). Sheet "By objective": the report's counts of the
year by objective and sub-objective and sector type. Sheet names and headers are in the annex's language.
"""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from widmonitor.initiatives.analysis import discrepancies
from widmonitor.initiatives.xlsx_export import (
    BY_OBJECTIVE_SHEET,
    SECTORS,
    SheetWriter,
    write_lists_sheet,
)


def list_analyses(report):
    results = []
    for stated in report.stated_lists:
        objective = report.objective(stated.objective_code)
        result = stated.analysis(str(objective.title) if objective else "")
        result.discrepancies = discrepancies(result)
        results.append(result)
    return results


def analysis_workbook(report, language):
    """The analysis workbook of ``report`` with its labels in ``language``, as bytes."""
    with translation.override(language):
        workbook = Workbook(write_only=True)
        built = report.built_at[:10]
        write_lists_sheet(workbook, list_analyses(report), built)
        write_objectives_sheet(workbook, report, built)
        stream = io.BytesIO()
        workbook.save(stream)
    return stream.getvalue()


def write_objectives_sheet(workbook, report, built):
    note = _(
        "Initiatives running in %(year)s, computed by widmonitor from the registry on %(date)s, by objective and "
        "sub-objective and sector type. An objective's first row counts the initiatives linked to it directly; "
        "its \"serving\" total also counts those linked to any of its sub-objectives, each once."
    ) % {"year": report.year, "date": built}
    sheet = SheetWriter(workbook, BY_OBJECTIVE_SHEET, [8, 60, 9, 9, 9, 9, 9, 12], note)
    sheet.header([_("code"), _("objective"), _("private"), _("public"), _("mixed"), _("unknown"), _("total"), _("serving")])
    for objective in report.objectives:
        counts = [objective.counts.get(sector, 0) for sector in SECTORS]
        sheet.row([objective.code, str(objective.title), *counts, len(objective.listed), objective.serving_total])
    sheet.finish()
