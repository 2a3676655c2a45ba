from django.core.management.base import BaseCommand, CommandError

from widmonitor.languages import interface_codes
from widmonitor.reports.build import UnknownYear, report_years
from widmonitor.reports.editions import FORMATS, write_files


class Command(BaseCommand):
    help = (
        "Write the annual report of a year: HTML, PDF and the xlsx annexes, in one or every language. "
        "A published edition is written from its frozen data; another year is computed now (a draft)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="The report's year, e.g. 2022.")
        parser.add_argument("--lang", default="all", help=f"{', '.join(interface_codes())} or all (default: all).")
        parser.add_argument("--format", default="all", help=f"{', '.join(FORMATS)} or all (default: all).")
        parser.add_argument("--out", default=".", metavar="DIR", help="The folder to write into (default: the current one).")

    def handle(self, *args, **options):
        year, lang, format_, out = options["year"], options["lang"], options["format"], options["out"]
        languages = interface_codes() if lang == "all" else [lang]
        if lang != "all" and lang not in interface_codes():
            raise CommandError(f"Unknown language {lang!r}: give one of {', '.join(interface_codes())}, or all.")
        formats = FORMATS if format_ == "all" else (format_,)
        if format_ != "all" and format_ not in FORMATS:
            raise CommandError(f"Unknown format {format_!r}: give one of {', '.join(FORMATS)}, or all.")
        try:
            paths = write_files(year, languages, formats, out)
        except UnknownYear:
            years = report_years()
            if not years:
                raise CommandError("No strategy is loaded: run `widmonitor setup` first.") from None
            raise CommandError(f"There is no report for {year}: give a year from {years[0]} to {years[-1]}.") from None
        except OSError as error:
            raise CommandError(f"Could not write the report: {error.strerror} ({error.filename}).") from error
        for path in paths:
            self.stdout.write(str(path))
        self.stdout.write(f"Wrote {len(paths)} file(s) of the {year} report to {out}.")
