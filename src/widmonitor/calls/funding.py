"""A funded project: the initiative it becomes, and the public list of funded projects (page, CSV, JSON).

The initiative is created awaiting moderation (``Moderation.SUBMITTED``), linked to the
applicant organisation, with the application's texts, sub-objectives, audiences and regions; its
funding (amount, call, year) stays on the application (``Application.initiative``), and its
organisation reports its reach yearly through the reach app like for any of its initiatives.
The public list holds only the project's title, its organisation, the amount and the call:
never the application's texts, budget, scores, reasons or who applied.
"""

import csv
import io

from django.utils.translation import gettext as _

from widmonitor.api.downloads import formula_safe
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.vocabularies.choices import Moderation

from .models import Application

COLUMNS = ("project", "organisation", "amount_eur", "call", "call_title", "year")


def create_initiative(application, manager):
    initiative = Initiative(
        title={application.language: application.title},
        summary={application.language: application.summary},
        original_language=application.language,
        moderation=Moderation.SUBMITTED,
        created_by=application.created_by,
        provenance_note=_("Funded by the call for projects “%(call)s” (%(year)s).") % {"call": application.call, "year": application.call.year},
    )
    relations = {
        "organisations": [application.organisation_id],
        "objectives": list(application.sub_objectives.values_list("pk", flat=True)),
        "audiences": list(application.audiences.values_list("pk", flat=True)),
        "regions": list(application.regions.values_list("pk", flat=True)),
    }
    reason = _("Funded by the call “%(call)s”") % {"call": application.call}
    return save_initiative(initiative, relations, manager, reason)


def funded_rows():
    """One dict per funded project of a published call, in the active language; ``COLUMNS`` only."""
    applications = Application.objects.funded().select_related("call", "organisation").order_by("-call__closes_at", "organisation__name", "title")
    return [
        {
            "project": application.title,
            "organisation": str(application.organisation),
            "amount_eur": application.amount,
            "call": application.call.slug,
            "call_title": str(application.call),
            "year": application.call.year,
        }
        for application in applications
    ]


def as_csv(rows):
    out = io.StringIO()
    out.write("\ufeff")  # Excel reads UTF-8 with it (see api.downloads)
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_safe(value) for key, value in row.items()})
    return out.getvalue()


def csv_safe(value):
    """A text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) stays text, as in the registry's CSV."""
    return formula_safe(value) if isinstance(value, str) else value
