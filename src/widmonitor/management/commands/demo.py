import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from widmonitor.serving import AddressError, served_url


class Command(BaseCommand):
    help = (
        "Set up the database with the bundled data, create a demo administrator on first run, "
        "and serve the platform (default http://127.0.0.1:8000)."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", help="Port or address:port to serve on, as for `widmonitor serve`.")
        parser.add_argument("--no-serve", action="store_true", help="Set up only; do not start the server.")

    def handle(self, addrport=None, no_serve=False, **options):
        try:
            url = served_url(addrport)
        except AddressError as error:
            raise CommandError(str(error)) from error
        call_command("setup", verbosity=options["verbosity"])
        self.ensure_demo_admin(url)
        if not no_serve:
            call_command("serve", *([addrport] if addrport else []), use_reloader=False)

    def ensure_demo_admin(self, url):
        users = get_user_model().objects
        password_file = settings.HOME_DIR / "demo-admin-password.txt"
        if not users.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            users.create_superuser("admin", "", password)
            password_file.touch(mode=0o600)
            password_file.write_text(password + "\n")
        if password_file.exists():
            self.stdout.write(
                f"Back office: {url}admin/  user admin, password {password_file.read_text().strip()} "
                f"(kept in {password_file})"
            )
