from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from widmonitor.experts.topics import load_topics
from widmonitor.problems import Problems


class Command(BaseCommand):
    help = "Create or update the expertise topics of the expert directory from a YAML file."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Topics file (default: data/experts/topics.yaml).")

    def handle(self, path=None, **options):
        try:
            count = load_topics(path or settings.DATA_DIR / "experts" / "topics.yaml")
        except Problems as error:
            raise CommandError(f"The topics were not loaded; fix the file and run again.\n{error}") from error
        self.stdout.write(f"Loaded {count} expertise topics.")
