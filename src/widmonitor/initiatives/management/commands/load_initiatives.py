from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from widmonitor.initiatives.facts_loader import load_facts
from widmonitor.initiatives.registry_loader import load_registry
from widmonitor.problems import Problems

from .load_facts import bundled_facts, summary_lines


class Command(BaseCommand):
    help = (
        "Load organisations, initiatives and published lists from registry files "
        "(default: every data/registry/*.yaml, then the public facts of data/registry/facts/*.yaml, all in one "
        "transaction). Records already in the database are kept unless --update."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Registry files, loaded together in one transaction.")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite records that exist with the file's version (their history keeps the old one).",
        )

    def handle(self, paths, update, **options):
        bundled = not paths
        paths = paths or sorted((settings.DATA_DIR / "registry").glob("*.yaml"))
        progress = None if options["verbosity"] == 0 else lambda items, **kw: tqdm(items, leave=False, **kw)
        try:
            with transaction.atomic():
                summary = load_registry(paths, update=update, progress=progress)
                facts = load_facts(bundled_facts()) if bundled else None
        except Problems as error:
            raise CommandError(f"Nothing was loaded; fix the files and run again.\n{error}") from error
        self.stdout.write(
            f"Loaded {', '.join(summary.files)}: {summary.initiatives_created} initiatives created, "
            f"{summary.initiatives_updated} updated, {summary.initiatives_kept} kept as they were; "
            f"{summary.organisations_created} organisations created; "
            f"{summary.lists} published lists with {summary.entries} entries."
        )
        if facts is not None:
            for line in summary_lines(facts):
                self.stdout.write(line)
