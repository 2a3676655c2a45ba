import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Set up the database with the bundled data, create a demo administrator on first run, "
        "and serve the platform on http://127.0.0.1:8000."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Set up only; do not start the server.")

    def handle(self, no_serve, **options):
        call_command("setup", verbosity=options["verbosity"])
        self.ensure_demo_admin()
        if not no_serve:
            call_command("serve", use_reloader=False)

    def ensure_demo_admin(self):
        users = get_user_model().objects
        password_file = settings.HOME_DIR / "demo-admin-password.txt"
        if not users.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            users.create_superuser("admin", "", password)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        if password_file.exists():
            self.stdout.write(
                f"Back office: http://127.0.0.1:8000/admin/  user admin, password {password_file.read_text().strip()} "
                f"(kept in {password_file})"
            )
