from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from widmonitor.problems import Problems
from widmonitor.vocabularies.loader import load_vocabularies


class Command(BaseCommand):
    help = "Create or update the controlled lists (audiences, regions, languages, formats) from a YAML file, and the DigComp 2.2 list from data/selfcheck/digcomp22.yaml."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Lists file (default: config/vocabularies.yaml).")

    def handle(self, path=None, **options):
        try:
            counts = load_vocabularies(path or settings.CONFIG_DIR / "vocabularies.yaml")
        except Problems as error:
            raise CommandError(f"The lists were not loaded; fix the file and run again.\n{error}") from error
        self.stdout.write("Loaded lists: " + ", ".join(f"{count} {name}" for name, count in counts.items()) + ".")
