import os

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
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


class BackOfficeAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the back office's own site: the moderator's dashboard first, the apps ordered by task.

    Named in INSTALLED_APPS in place of ``django.contrib.admin``; not this app's own configuration (``default``).
    """

    default = False
    default_site = "widmonitor.back_office.BackOfficeSite"
