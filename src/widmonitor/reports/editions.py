"""Editions: the report of a year as published (its frozen snapshot) or as a draft computed now; publishing; the files.

A published edition's files (HTML, PDF and annex 2 per language, annex 1) are made from its
snapshot once it is published and kept (``EditionFile``); a download reads them. A file missing
from the storage is made again from the snapshot at its first download and kept. Drafts are
built at each download.
"""

import base64
import io
import logging
import threading
from functools import partial
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import connections, transaction
from django.utils import timezone

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.languages import interface_codes

from .annexes import analysis_workbook
from .build import build_report
from .models import Edition, EditionFile
from .render import render_html, render_pdf
from .report import Report

logger = logging.getLogger("widmonitor.reports")

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
    """Annex 1: the overview workbook of the initiatives the report names that are published now (no contact details,
    no curators' notes)."""
    stream = io.BytesIO()
    export_overview(stream, Initiative.objects.published().filter(uid__in=list(report.initiatives)), public=True)
    return stream.getvalue()


def annex_overview(report):
    """Annex 1 of the report's year: as kept at publication, else computed now."""
    edition = Edition.objects.published().filter(year=report.year).first()
    if edition and edition.snapshot.get("overview"):
        return base64.b64decode(edition.snapshot["overview"])
    return overview_bytes(report)


@transaction.atomic
def publish(year, user):
    """Build ``year``'s report now and freeze it, with its overview workbook; returns the edition.

    Its files are made once the publication is committed (``store_files``), in the background: a PDF
    takes seconds, and neither the moderator's request nor another writer should wait for them (a file
    asked for before it is made is made then). The files of an earlier publication go.
    """
    report = build_report(year)
    edition, _created = Edition.objects.select_for_update().get_or_create(year=year)
    edition.snapshot = {"report": report.to_json(), "overview": base64.b64encode(overview_bytes(report)).decode("ascii")}
    edition.published_at = timezone.now()
    edition.published_by = user if user is not None and user.pk else None
    edition.save()
    drop_files(edition)
    transaction.on_commit(partial(in_background, store_files, edition.pk, edition.published_at))
    return edition


def in_background(function, *args):
    """Run ``function(*args)`` in a thread of its own, with its own database connection; errors are logged."""

    def run():
        try:
            function(*args)
        except Exception:  # noqa: BLE001 - nothing else would see it; a file not made is made at its first download
            logger.exception("%s%r failed", function.__name__, args)
        finally:
            connections.close_all()  # this thread's

    thread = threading.Thread(target=run, name=f"widmonitor-{function.__name__}")
    thread.start()
    return thread


def unpublish(year):
    for edition in Edition.objects.filter(year=year):
        drop_files(edition)
    Edition.objects.filter(year=year).update(published_at=None, published_by=None, snapshot=None)


def drop_files(edition):
    """Forget the stored files of ``edition``; they leave the storage once this is committed."""
    stored = list(edition.files.all())
    edition.files.all().delete()
    transaction.on_commit(lambda: [item.file.delete(save=False) for item in stored])


def published_files():
    """``[(language, kind)]`` of a published edition's files; annex 1 is one file for every language."""
    return [("", "overview"), *((language, kind) for language in interface_codes() for kind in ("html", "pdf", "analysis"))]


def store_files(pk, published_at):
    """Make and keep the files of the edition ``pk`` as published at ``published_at`` (if it still is); returns them."""
    edition = Edition.objects.filter(pk=pk, published_at=published_at).first()
    if edition is None:  # withdrawn, or published again, meanwhile
        return []
    return [stored_file(edition, language, kind) for language, kind in published_files()]


def stored_file(edition, language, kind):
    """The kept ``EditionFile`` of a published ``edition``: made from its snapshot (and kept) if it is not there yet.

    Returns None if the edition was withdrawn or published again while the file was being made.
    """
    language = "" if kind == "overview" else language
    found = edition.files.filter(published_at=edition.published_at, language=language, kind=kind).first()
    if found is not None and found.file.storage.exists(found.file.name):
        return found
    report = Report.from_json(edition.snapshot["report"])
    content = ContentFile(render_file(report, language, kind), name=file_name(edition.year, language, kind))
    made = EditionFile(edition=edition, published_at=edition.published_at, language=language, kind=kind)
    made.file.save(content.name, content, save=False)
    with transaction.atomic():
        current = Edition.objects.select_for_update().filter(pk=edition.pk, published_at=edition.published_at).exists()
        kept = EditionFile.objects.filter(edition=edition, published_at=edition.published_at, language=language, kind=kind)
        other = kept.first() if current else None
        if other is not None and other.file.name != made.file.name and other.file.storage.exists(other.file.name):
            # made at the same time by another download
            result = other
        elif current:
            kept.delete()  # a row whose file was lost from the storage
            made.save()
            result = made
        else:
            result = None
    if result is not made:
        made.file.delete(save=False)
    return result


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
    """Write the report of ``year`` in each language and format into ``out_dir``; returns the paths written.

    A published edition's files are copied from those kept (made first if missing); a draft's are built now.
    """
    edition = Edition.objects.published().filter(year=year).first()
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
        stored = stored_file(edition, language, kind) if edition else None
        if stored is not None:
            with stored.file.open("rb") as kept:
                path.write_bytes(kept.read())
        else:
            path.write_bytes(render_file(report, language, kind, draft))
        written.append(path)
    return written
