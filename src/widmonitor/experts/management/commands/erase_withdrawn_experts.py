from django.conf import settings
from django.core.management.base import BaseCommand

from widmonitor.experts.models import erase_withdrawn


class Command(BaseCommand):
    help = (
        "Erase the expert profiles whose consent was withdrawn more than WIDMONITOR_EXPERT_ERASE_DAYS days ago: "
        "their personal fields, their history and their account. Run it daily (setup runs it too)."
    )

    def handle(self, **options):
        count = erase_withdrawn()
        self.stdout.write(
            f"Erased {count} expert profile(s) withdrawn more than {settings.EXPERT_ERASE_DAYS} days ago."
        )
