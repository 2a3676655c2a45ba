"""Editions: the report of a year as published (its frozen snapshot) or as a draft computed now; publishing; the files."""

import base64
import io
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_export import export_overview

from .annexes import analysis_workbook
from .build import build_report
from .models import Edition
from .render import render_html, render_pdf
from .report import Report

FORMATS = ("html", "pdf", "xlsx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf", "overview": XLSX, "analysis": XLSX}


def published_report(year):
    """The frozen report of a published ``year``, or None."""
    edition = Edition.objects.published().filter(year=year).first()
    return Report.from_json(edition.snapshot["report"]) if edition else None


def report_for(year):
    """``(report, is_draft)``: the published edition's snapshot, else a draft built now."""
    frozen = published_report(year)
    return (frozen, False) if frozen else (build_report(year), True)


def overview_bytes(report):
    """Annex 1: the overview workbook of the initiatives the report names (no contact details, no curators' notes)."""
    stream = io.BytesIO()
    export_overview(stream, Initiative.objects.filter(uid__in=list(report.initiatives)), public=True)
    return stream.getvalue()


def annex_overview(report):
    """Annex 1 of the report's year: as kept at publication, else computed now."""
    edition = Edition.objects.published().filter(year=report.year).first()
    if edition and edition.snapshot.get("overview"):
        return base64.b64decode(edition.snapshot["overview"])
    return overview_bytes(report)


@transaction.atomic
def publish(year, user):
    """Build ``year``'s report now and freeze it, with its overview workbook; returns the edition."""
    report = build_report(year)
    edition, _created = Edition.objects.select_for_update().get_or_create(year=year)
    edition.snapshot = {"report": report.to_json(), "overview": base64.b64encode(overview_bytes(report)).decode("ascii")}
    edition.published_at = timezone.now()
    edition.published_by = user if user is not None and user.pk else None
    edition.save()
    return edition


def unpublish(year):
    Edition.objects.filter(year=year).update(published_at=None, published_by=None, snapshot=None)


def file_name(year, language, kind):
    names = {
        "html": f"widmonitor-report-{year}-{language}.html",
        "pdf": f"widmonitor-report-{year}-{language}.pdf",
        "overview": f"widmonitor-report-{year}-annex1-overview.xlsx",
        "analysis": f"widmonitor-report-{year}-annex2-analysis-{language}.xlsx",
    }
    return names[kind]


def render_file(report, language, kind, draft=False):
    """The bytes of one file: html, pdf, overview or analysis (annexes 1 and 2)."""
    if kind == "html":
        return render_html(report, language, draft=draft).encode("utf-8")
    if kind == "pdf":
        return render_pdf(report, language, draft=draft)
    if kind == "overview":
        return annex_overview(report)
    if kind == "analysis":
        return analysis_workbook(report, language)
    raise ValueError(kind)


def write_files(year, languages, formats, out_dir):
    """Write the report of ``year`` in each language and format into ``out_dir``; returns the paths written."""
    report, draft = report_for(year)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = []
    if "xlsx" in formats:
        jobs.append((languages[0], "overview"))
    for language in languages:
        jobs += [(language, fmt) for fmt in ("html", "pdf") if fmt in formats]
        if "xlsx" in formats:
            jobs.append((language, "analysis"))
    written = []
    for language, kind in jobs:
        path = out_dir / file_name(year, language, kind)
        path.write_bytes(render_file(report, language, kind, draft))
        written.append(path)
    return written
