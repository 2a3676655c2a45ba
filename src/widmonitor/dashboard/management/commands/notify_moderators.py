from django.core.management.base import BaseCommand, CommandError

from widmonitor.dashboard.digest import notify_moderators


class Command(BaseCommand):
    help = (
        "E-mail each moderator what waits in the back office (proposals, submitted initiatives, outcomes, and the "
        "editions to publish), in her language: at most once a day, and only when a partner waits for an answer. "
        "Run it daily."
    )

    def handle(self, *args, **options):
        run = notify_moderators()
        self.stdout.write(run.summary())
        if run.failed:
            raise CommandError(
                f"The e-mail to {', '.join(run.failed)} could not be sent (see the log); run the command again to retry."
            )
