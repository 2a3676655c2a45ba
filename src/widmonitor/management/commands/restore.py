from django.core.management.base import BaseCommand, CommandError

from widmonitor import backups


class Command(BaseCommand):
    help = (
        "Replace the database and the files of WIDMONITOR_HOME with a backup made by `widmonitor backup`: all of it or "
        "nothing. Refuses a backup of another widmonitor version or a database that already holds records, unless --force. "
        "Stop the server first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="The archive written by `widmonitor backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that holds records, and restore a backup of an earlier version (then run `widmonitor setup`).",
        )

    def handle(self, file, force=False, **options):
        try:
            summary = backups.restore(file, force=force)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(f"Restored {summary}")
            if summary.behind:
                self.stdout.write(f"Run `widmonitor setup` now: the restored database lacks {len(summary.behind)} migration(s) of this version.")
