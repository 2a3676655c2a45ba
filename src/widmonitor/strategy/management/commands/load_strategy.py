from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from widmonitor.problems import Problems
from widmonitor.strategy.loader import load_strategy


class Command(BaseCommand):
    help = "Create or update a strategy (objectives and sub-objectives) from a YAML file."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="Strategy file (default: config/strategies/<WIDMONITOR_STRATEGY>.yaml, i.e. belgium-wid-2021.yaml).",
        )

    def handle(self, path=None, **options):
        path = path or settings.CONFIG_DIR / "strategies" / f"{settings.STRATEGY}.yaml"
        try:
            strategy = load_strategy(path)
        except Problems as error:
            raise CommandError(f"The strategy was not loaded; fix the file and run again.\n{error}") from error
        objectives = strategy.objectives.top_level().count()
        subs = strategy.objectives.sub_objectives().count()
        self.stdout.write(f"Loaded {strategy.code}: {objectives} objectives, {subs} sub-objectives.")
