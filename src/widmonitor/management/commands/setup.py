from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db.migrations.exceptions import InconsistentMigrationHistory

from widmonitor.reports.bundled import load_bundled as load_report_texts
from widmonitor.sitepages.loader import load_site_pages
from widmonitor.search import index
from widmonitor.serving import NOT_COLLECTED


class Command(BaseCommand):
    help = (
        "Prepare the database: apply migrations, then load the controlled lists, the strategy, "
        "the bundled registry and its public facts, the indicator data, expert topics and the texts of past reports; collect "
        "the static files. "
        "Safe to run again: existing records are kept."
    )

    def handle(self, **options):
        verbosity = options["verbosity"]
        try:
            call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        except InconsistentMigrationHistory as error:
            raise CommandError(
                "This database was made by a pre-release version of widmonitor whose tables differ; "
                f"move {settings.DATABASES['default']['NAME']} aside and run again to start afresh."
            ) from error
        if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
            call_command("createcachetable", verbosity=max(verbosity - 1, 0))
        call_command("load_vocabularies", verbosity=verbosity)
        call_command("load_strategy", verbosity=verbosity)
        call_command("load_initiatives", verbosity=verbosity)
        call_command("load_expert_topics", verbosity=verbosity)
        call_command("erase_withdrawn_experts", verbosity=verbosity)
        call_command("indicators", "fetch", "--offline", verbosity=verbosity)
        blocks, meetings, supporters = load_report_texts()
        if verbosity:
            self.stdout.write(
                f"Annual reports: {blocks} text blocks, {meetings} meetings and {supporters} supporting organisations of past editions added."
            )
        pages = load_site_pages()
        if verbosity:
            self.stdout.write(f"Site pages: {len(pages.created)} added from data/pages, {len(pages.kept)} kept as edited.")
        index.refresh()  # whatever a load kept as it was is findable too
        if isinstance(staticfiles_storage, ManifestFilesMixin):  # not under DEBUG: the apps' files are read as they are
            # compressed copies named by their content's hash
            call_command("collectstatic", interactive=False, ignore_patterns=NOT_COLLECTED, verbosity=max(verbosity - 1, 0))
