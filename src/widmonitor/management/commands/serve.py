from django.contrib.staticfiles.management.commands.runserver import (
    Command as RunserverCommand,
)


class Command(RunserverCommand):
    help = "Serve the platform (default http://127.0.0.1:8000), static files included, for local use."
    default_addr = "127.0.0.1"
    default_port = "8000"

    def handle(self, *args, **options):
        options["insecure_serving"] = True
        super().handle(*args, **options)
