from django.contrib.staticfiles.management.commands.runserver import (
    Command as RunserverCommand,
)
from django.core.management.base import CommandError

from widmonitor import deploy_checks, serving


class Command(RunserverCommand):
    help = (
        "Serve the platform (default http://127.0.0.1:8000): Django's development server for local use, "
        "or gunicorn with --workers N in production. Links in e-mails follow the address served unless "
        "WIDMONITOR_SITE_URL is set."
    )
    default_addr = serving.DEFAULT_ADDRESS
    default_port = serving.DEFAULT_PORT

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--workers",
            type=int,
            metavar="N",
            help="Serve with gunicorn and N worker processes (production: e.g. 2 per CPU core), not the development server.",
        )

    def handle(self, *args, **options):
        addrport = options.get("addrport")
        try:
            serving.follow_served_address(addrport)
        except serving.AddressError as error:
            raise CommandError(str(error)) from error
        if serving.static_files_missing():
            raise CommandError("The static files are not collected yet: run `widmonitor setup` first.")
        if options.get("workers") is not None:
            if options["workers"] < 1:
                raise CommandError(f"--workers must be at least 1, not {options['workers']}.")
            if options["workers"] > 1:
                for warning in deploy_checks.cache(None):  # limits would count per worker
                    self.stderr.write(f"Warning: {warning.msg}")
            serving.run_gunicorn(addrport, options["workers"])
            return
        super().handle(*args, **options)  # under DEBUG the development server serves the static files, else WhiteNoise
