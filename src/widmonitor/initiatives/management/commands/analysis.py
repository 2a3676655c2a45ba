from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from widmonitor.initiatives.analysis import analyse, list_note
from widmonitor.languages import add_language_argument
from widmonitor.vocabularies.choices import Sector


def cell(value):
    return "-" if value is None else str(value)


def stated_total(result):
    """The stated total, or in brackets the total its breakdown implies when none is stated."""
    if result.stated["total"] is None and result.stated_breakdown_total is not None:
        return f"({result.stated_breakdown_total})"
    return cell(result.stated["total"])


class Command(BaseCommand):
    help = (
        "Print, for every published list, the counts computed from the registry beside the counts "
        "the report stated, then every discrepancy."
    )

    def add_arguments(self, parser):
        parser.add_argument("--document", help="Only the lists of this document, e.g. wid-report-2022.")
        add_language_argument(parser, "Language of objective titles and discrepancy sentences")

    def handle(self, document=None, language=None, **options):
        with translation.override(language):
            self.print_analysis(analyse(document))

    def print_analysis(self, results):
        if not results:
            raise CommandError(
                "There are no published lists to analyse; run `widmonitor load-initiatives` first."
            )
        header = ("section", "obj.", "bullets", "initiatives", "stated", "stated pr/pu/mx", "computed pr/pu/mx/unk")
        rows = [header]
        for r in results:
            rows.append(
                (
                    r.section,
                    r.objective_code,
                    str(r.bullets),
                    str(r.initiatives),
                    stated_total(r),
                    "/".join(cell(r.stated[s]) for s in (Sector.PRIVATE, Sector.PUBLIC, Sector.MIXED)),
                    "/".join(str(r.computed[s]) for s in (Sector.PRIVATE, Sector.PUBLIC, Sector.MIXED, Sector.UNKNOWN)),
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        for row in rows:
            self.stdout.write("  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip())
        self.stdout.write("(n): no total stated; the total the stated breakdown by type implies.")
        flagged = [r for r in results if r.discrepancies]
        self.stdout.write("")
        self.stdout.write(f"Discrepancies: {sum(len(r.discrepancies) for r in flagged)} in {len(flagged)} of {len(results)} lists.")
        for r in flagged:
            self.stdout.write(f"{r.document} {r.section} ({r.objective_code} {r.objective_title}):")
            for sentence in r.discrepancies:
                self.stdout.write(f"  - {sentence}")
            if r.note:
                self.stdout.write(f"    note: {list_note(r.note)}")
