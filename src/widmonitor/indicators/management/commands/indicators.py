from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from tqdm import tqdm

from widmonitor.indicators.catalogue import load_catalogue
from widmonitor.indicators.fetch import eurostat
from widmonitor.indicators.models import Observation
from widmonitor.indicators.published import load_published
from widmonitor.indicators.store import load_bundled
from widmonitor.problems import Problems


class Command(BaseCommand):
    help = "Fetch and load indicator data (Eurostat, or the bundled files with --offline), or list the indicators."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True, metavar="{fetch,list}")
        fetch = commands.add_parser("fetch", help="load the data of the indicators CODES (default: all)")
        fetch.add_argument("codes", nargs="*", metavar="CODES", help="indicator codes of config/indicators.yaml")
        fetch.add_argument("--offline", action="store_true", help="load the bundled files of data/eurostat, no network")
        fetch.add_argument("--since", type=int, default=2010, help="first year asked from Eurostat (default 2010)")
        commands.add_parser("list", help="the indicators, their data and how many observations are stored")

    def handle(self, subcommand, **options):
        if subcommand == "list":
            return self.list()
        progress = None if options["verbosity"] == 0 else lambda items, **kw: tqdm(items, leave=False, **kw)
        codes = options["codes"]
        try:
            if options["offline"]:
                summary = load_bundled(codes, progress=progress)
            else:
                summary = eurostat.fetch(codes, since=options["since"], progress=progress)
            summary.add(load_published(codes=codes))
        except Problems as error:
            raise CommandError(f"Stopped: fix the problem below and run again (sources loaded before it are kept).\n{error}") from error
        self.stdout.write(
            f"Loaded {len(summary.sources)} source(s): {summary.created} observations created, "
            f"{summary.revised} revised (old values kept), {summary.unchanged} unchanged."
            + (f" Up to date, not fetched: {', '.join(summary.up_to_date)}." if summary.up_to_date else "")
            + (f" No data yet: {', '.join(summary.no_data)}." if summary.no_data else "")
        )
        if summary.left_out:
            self.stdout.write(
                f"{summary.left_out} cell(s) of a bundled file left out: a file listed before it in config/indicators.yaml "
                f"gives them too ({len(summary.conflicts)} with a different value)."
            )
        for conflict in summary.conflicts:
            self.stdout.write(f"  Conflict: {conflict}.")

    def list(self):
        try:
            catalogue = load_catalogue()
        except Problems as error:
            raise CommandError(f"The indicator catalogue has problems; fix config/indicators.yaml.\n{error}") from error
        counts = {}
        for row in Observation.objects.values("indicator", "source__kind").annotate(count=Count("id")):
            counts.setdefault(row["indicator"], {})[row["source__kind"]] = row["count"]
        for indicator in catalogue:
            stored = counts.get(indicator.code, {})
            self.stdout.write(
                f"{indicator.code:24} {indicator.data:8} {indicator.source.dataset or '-':18} "
                f"{stored.get('eurostat', 0):6} from Eurostat, {stored.get('document', 0):3} published"
            )
