from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from widmonitor.initiatives.models import PublishedList
from widmonitor.initiatives.xlsx_export import export_analysis, export_overview
from widmonitor.languages import add_language_argument


class Command(BaseCommand):
    help = (
        "Export the overview workbook (one row per initiative, re-importable with `widmonitor import`) "
        "and/or the analysis workbook (computed against stated counts of every published list)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--overview", metavar="FILE.xlsx", help="Write the overview workbook here.")
        parser.add_argument("--analysis", metavar="FILE.xlsx", help="Write the analysis workbook here.")
        parser.add_argument("--document", help="Only the published lists of this document, e.g. wid-report-2022.")
        add_language_argument(parser, "Language of the analysis workbook's labels and titles")

    def handle(self, overview=None, analysis=None, document=None, language=None, **options):
        if not overview and not analysis:
            raise CommandError("Nothing to export: give --overview FILE.xlsx, --analysis FILE.xlsx or both.")
        if document and not PublishedList.objects.filter(document=document).exists():
            raise CommandError(
                f"There is no published list of document {document!r}; "
                "run `widmonitor analysis` to see the documents loaded."
            )
        try:
            if overview:
                export_overview(overview)
                self.stdout.write(f"Wrote the overview to {overview}.")
            if analysis:
                with translation.override(language):
                    export_analysis(analysis, document=document)
                self.stdout.write(f"Wrote the analysis to {analysis}.")
        except OSError as error:
            raise CommandError(f"Could not write the file: {error.strerror} ({error.filename}).") from error
