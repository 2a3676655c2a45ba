from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from widmonitor.initiatives.xlsx_import import import_overview
from widmonitor.system_user import USERNAME, command_line_user


class Command(BaseCommand):
    help = (
        "Import an overview workbook (the layout `widmonitor export --overview` writes): rows are matched "
        "on their id, new ids created, changed records updated; any problem and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", metavar="FILE.xlsx", help="The workbook to import.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; write nothing.")
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help=f"Record this user as the author of the changes (default: the account {USERNAME!r}).",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Write rows even where their record was changed after the file was exported (that change is replaced; "
            "the history keeps it).",
        )

    def handle(self, path, dry_run, user=None, overwrite=False, **options):
        if user is None:
            user = command_line_user()
        else:
            try:
                user = get_user_model().objects.get_by_natural_key(user)
            except get_user_model().DoesNotExist as error:
                raise CommandError(f"There is no user {user!r}; give the username of an existing account.") from error
        progress = None if options["verbosity"] == 0 else lambda rows, **kw: tqdm(rows, leave=False, **kw)
        report = import_overview(path, dry_run=dry_run, user=user, progress=progress, overwrite=overwrite)
        if report.errors:
            for error in report.errors:
                self.stderr.write(str(error))
            problems = f"{len(report.errors)} problem{'s' if len(report.errors) != 1 else ''}"
            raise CommandError(f"Nothing was imported: fix the {problems} listed above and import again.")
        self.stdout.write(f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged.")
        if dry_run:
            self.stdout.write("dry run: nothing written")
