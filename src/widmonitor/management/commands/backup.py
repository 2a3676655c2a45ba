from django.core.management.base import BaseCommand, CommandError

from widmonitor import backups


class Command(BaseCommand):
    help = (
        "Write the database and the files of WIDMONITOR_HOME (uploads; not the static files, logs or secret key) into "
        "one archive with a manifest, while the site runs. Restore it with `widmonitor restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--out",
            metavar="FILE",
            help="The archive to write (.tar.gz, readable by its owner only); default $WIDMONITOR_HOME/backups/widmonitor-DATE-TIME.tar.gz.",
        )

    def handle(self, out=None, **options):
        try:
            summary = backups.backup(out)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"]:
            self.stdout.write(f"Backed up to {summary}")
