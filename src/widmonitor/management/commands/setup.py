from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Prepare the database: apply migrations, then load the controlled lists, the strategy "
        "and the bundled registry. Safe to run again: existing records are kept."
    )

    def handle(self, **options):
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        call_command("load_vocabularies", verbosity=verbosity)
        call_command("load_strategy", verbosity=verbosity)
        call_command("load_initiatives", verbosity=verbosity)
