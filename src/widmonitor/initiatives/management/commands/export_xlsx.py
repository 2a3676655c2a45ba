import io
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from widmonitor.initiatives.models import PublishedList
from widmonitor.initiatives.xlsx_export import export_analysis, export_overview
from widmonitor.languages import interface_codes


def write_workbook(path, write):
    """Build the workbook in memory, then write the file: a failed write leaves no half-written file."""
    buffer = io.BytesIO()
    write(buffer)
    Path(path).write_bytes(buffer.getvalue())


class Command(BaseCommand):
    help = (
        "Export the overview workbook (one row per initiative, re-importable with `widmonitor import`) "
        "and/or the analysis workbook (computed against stated counts of every published list)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--overview", metavar="FILE.xlsx", help="Write the overview workbook here.")
        parser.add_argument("--analysis", metavar="FILE.xlsx", help="Write the analysis workbook here.")
        parser.add_argument("--document", help="Only the published lists of this document, e.g. wid-report-2022.")
        parser.add_argument(
            "--language",
            choices=interface_codes(),
            help="Language of the analysis workbook's labels and titles (default: %s). The overview holds "
            "every content language in its own columns." % settings.LANGUAGE_CODE,
        )

    def handle(self, overview=None, analysis=None, document=None, language=None, **options):
        if not overview and not analysis:
            raise CommandError("Nothing to export: give --overview FILE.xlsx, --analysis FILE.xlsx or both.")
        if language and not analysis:
            raise CommandError(
                "--language sets the language of the analysis workbook; the overview has a column per content "
                "language already. Leave --language out, or add --analysis FILE.xlsx."
            )
        if document and not PublishedList.objects.filter(document=document).exists():
            raise CommandError(
                f"There is no published list of document {document!r}; "
                "run `widmonitor analysis` to see the documents loaded."
            )
        try:
            if overview:
                write_workbook(overview, export_overview)
                self.stdout.write(f"Wrote the overview to {overview}.")
            if analysis:
                with translation.override(language or settings.LANGUAGE_CODE):
                    write_workbook(analysis, lambda stream: export_analysis(stream, document=document))
                self.stdout.write(f"Wrote the analysis to {analysis}.")
        except OSError as error:
            raise CommandError(f"Could not write the file: {error.strerror} ({error.filename}).") from error
