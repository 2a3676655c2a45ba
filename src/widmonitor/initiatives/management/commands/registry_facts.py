from django.core.management.base import BaseCommand

from widmonitor.initiatives.fact_coverage import coverage, organisation_coverage
from widmonitor.initiatives.models import FactPage

HEADER = ("field", "have", "source doc.", *FactPage.Kind.values, "no page found", "not stated", "pages differ", "not searched", "confirmed", "contradicted")


def table(rows):
    lines = [HEADER]
    for row in rows:
        lines.append(
            (
                row.field,
                str(row.have),
                str(row.from_source),
                *(str(row.from_pages[kind]) for kind in FactPage.Kind.values),
                *(str(n) for n in (row.no_page_found, row.not_stated, row.pages_differ, row.not_searched, row.confirmed, row.contradicted)),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    return ["  ".join(value.rjust(width) if i else value.ljust(width) for i, (value, width) in enumerate(zip(line, widths))).rstrip() for line in lines]


class Command(BaseCommand):
    help = (
        "Print, per field, how many published initiatives (then organisations) have it and from which kind of "
        "source: the record's own source document, or a public page by kind (news, own-site, event-listing, "
        "public-body, other); for those without it, whether a search found no page, found pages that do not "
        "state it or that differ, or nobody searched. 'confirmed' and 'contradicted' count own values that a "
        "page states too, or states otherwise."
    )

    def handle(self, **options):
        initiatives = coverage()
        organisations = organisation_coverage()
        self.stdout.write(f"Published initiatives ({initiatives[0].records}):")
        for line in table(initiatives):
            self.stdout.write("  " + line)
        self.stdout.write("")
        self.stdout.write(f"Organisations ({organisations[0].records}):")
        for line in table(organisations):
            self.stdout.write("  " + line)
        self.stdout.write("")
        self.stdout.write(
            "have = source doc. + pages (news ... other); source doc.: the record's own value (its source document or a person); "
            "ages and places come from pages only."
        )
