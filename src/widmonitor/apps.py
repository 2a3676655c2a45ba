import os

from django.apps import AppConfig
from django.db.backends.signals import connection_created


def keep_sqlite_private(sender, connection, **kwargs):
    """The SQLite database holds contact details and accounts: readable by its owner only, like the secret key."""
    if connection.vendor == "sqlite":
        name = str(connection.settings_dict["NAME"])
        if name and not name.startswith(":memory:") and "mode=memory" not in name and os.path.exists(name):
            os.chmod(name, 0o600)


class WidmonitorConfig(AppConfig):
    name = "widmonitor"
    verbose_name = "widmonitor"

    def ready(self):
        from . import integer_lookups

        integer_lookups.register()
        connection_created.connect(keep_sqlite_private, dispatch_uid="widmonitor.keep_sqlite_private")
        from . import deploy_checks  # noqa: F401  (registers the checks of `widmonitor check --deploy`)
