"""The published reports on the portal; moderators and administrators also see the live drafts.

A published edition's downloads are its kept files (``editions.stored_file``); a draft's are built at each download.
"""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from widmonitor.opendata import datasets
from widmonitor.opendata.schema_org import dataset_json_ld

from . import editions
from .access import may_preview
from .build import UnknownYear, build_report, report_years
from .models import Edition
from .render import view

KINDS = {"html": "html", "pdf": "pdf", "annex1.xlsx": "overview", "annex2.xlsx": "analysis"}  # download -> file kind


def language():
    return get_language().split("-")[0]


def visible_report(request, year):
    """``(report, draft)`` of ``year``: the published edition for anyone, the live draft for moderators only."""
    frozen = editions.published_report(year)
    if frozen is not None:
        return frozen, False
    if not may_preview(request.user):
        raise Http404(_("No report of this year is published."))
    try:
        return build_report(year), True
    except UnknownYear:
        raise Http404(_("There is no report for this year.")) from None


def report_list(request):
    published = list(Edition.objects.published())
    drafts = []
    if may_preview(request.user):
        done = {edition.year for edition in published}
        drafts = [year for year in report_years() if year not in done]
    return render(request, "reports/list.html", {"editions": published, "drafts": drafts})


def downloads(year):
    labels = {"html": _("HTML file"), "pdf": _("PDF"), "annex1.xlsx": _("Annex 1: overview (xlsx)"), "annex2.xlsx": _("Annex 2: analysis (xlsx)")}
    return [(labels[kind], reverse("reports:download", args=[year, kind])) for kind in KINDS]


def edition(request, year):
    report, draft = visible_report(request, year)
    context = {**view(report, language(), draft), "downloads": downloads(year)}
    if not draft:
        context["json_ld"] = dataset_json_ld(datasets.report(Edition.objects.published().get(year=year)), request)
    return render(request, "reports/edition.html", context)


def download(request, year, kind):
    if kind not in KINDS:
        raise Http404(_("No such download."))
    edition = Edition.objects.published().filter(year=year).first()
    if edition is not None:
        return attachment(year, language(), KINDS[kind], edition=edition)
    report, draft = visible_report(request, year)
    return attachment(year, language(), KINDS[kind], report=report, draft=draft)


def attachment(year, language, kind, edition=None, report=None, draft=False):
    """The download of one file of ``year``'s report: ``edition``'s kept file if it is published, else built from ``report``."""
    name, content_type = editions.file_name(year, language, kind), editions.CONTENT_TYPES[kind]
    stored = editions.stored_file(edition, language, kind) if edition is not None else None
    if stored is not None:
        return FileResponse(stored.file.open("rb"), as_attachment=True, filename=name, content_type=content_type)
    if report is None:  # published again while its file was made: the edition as it is now
        report, draft = editions.report_for(year)
    response = HttpResponse(editions.render_file(report, language, kind, draft), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
