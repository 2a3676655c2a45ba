"""What `widmonitor check --deploy` adds to Django's deployment checks: one warning per setting a
production site gets wrong, each naming the ``WIDMONITOR_*`` variable (or the command) that puts it right.

Django's own warnings about HTTPS, DEBUG and the secret key name settings an operator cannot set
directly (they follow ``WIDMONITOR_HTTPS``, ``WIDMONITOR_DEBUG``, ``WIDMONITOR_SECRET_KEY``), so
settings.py silences those and W001-W004 say the same in the platform's own terms.
"""

import os
from email.utils import parseaddr
from fnmatch import fnmatch
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.checks import Tags, Warning, register
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from .serving import NOT_COLLECTED

SECRET_KEY_MIN_LENGTH, SECRET_KEY_MIN_CHARACTERS = 50, 5  # Django's own measure of a strong key (security.W009)
PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")
UNSENT_MAIL_BACKENDS = ("console", "dummy", "locmem", "filebased")  # e-mail printed, dropped, kept in memory or written to files


def deploy_check(function):
    return register(Tags.security, deploy=True)(function)


def logs_dir():
    """Where the platform writes its error log (``$WIDMONITOR_HOME/logs``)."""
    return settings.HOME_DIR / "logs"


@deploy_check
def secret_key(app_configs, **kwargs):
    if not settings.SECRET_KEY_GIVEN:
        return [
            Warning(
                f"WIDMONITOR_SECRET_KEY is not set, so the key generated into {settings.HOME_DIR / 'secret.key'} signs "
                "sessions and password links: set WIDMONITOR_SECRET_KEY to at least 50 random characters kept outside the "
                "server (python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), so that every host and a "
                "restored site share it.",
                id="widmonitor.W001",
            )
        ]
    key = settings.SECRET_KEY
    if len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < SECRET_KEY_MIN_CHARACTERS or key.startswith("django-insecure-"):
        return [
            Warning(
                f"WIDMONITOR_SECRET_KEY is weak ({len(key)} characters, {len(set(key))} different): set it to at least "
                "50 random characters (python3 -c 'import secrets; print(secrets.token_urlsafe(50))').",
                id="widmonitor.W002",
            )
        ]
    return []


@deploy_check
def debug(app_configs, **kwargs):
    if settings.DEBUG:
        return [
            Warning(
                "WIDMONITOR_DEBUG is on, so an error page shows the settings and the code to any visitor: set "
                "WIDMONITOR_DEBUG=0 (the default).",
                id="widmonitor.W003",
            )
        ]
    return []


@deploy_check
def https(app_configs, **kwargs):
    if not settings.HTTPS:
        return [
            Warning(
                "WIDMONITOR_HTTPS is off, so cookies may travel unencrypted and nothing redirects to HTTPS: serve the "
                "site over HTTPS (the reverse proxy) and set WIDMONITOR_HTTPS=1.",
                id="widmonitor.W004",
            )
        ]
    return []


@deploy_check
def database(app_configs, **kwargs):
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        return [
            Warning(
                "The database is SQLite, which lets one writer in at a time: set "
                "WIDMONITOR_DATABASE_URL=postgres://user:password@host:5432/name (PostgreSQL) and run `widmonitor setup`.",
                id="widmonitor.W005",
            )
        ]
    return []


@deploy_check
def cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PER_PROCESS_CACHES:
        return [
            Warning(
                "The cache is each process's own (WIDMONITOR_CACHE_URL is locmem://), so with more than one worker "
                "(`widmonitor serve --workers N`) each counts limits alone: set WIDMONITOR_CACHE_URL=redis://host:6379/0 "
                "or db://widmonitor_cache.",
                id="widmonitor.W006",
            )
        ]
    return []


@deploy_check
def site_url(app_configs, **kwargs):
    if not settings.SITE_URL_GIVEN:
        return [
            Warning(
                "WIDMONITOR_SITE_URL is not set, so links in e-mails name the address the server listens on, not the "
                "one visitors use: set it to the public address, e.g. https://widmonitor.example.be.",
                id="widmonitor.W007",
            )
        ]
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme != "https":
        return [
            Warning(
                f"WIDMONITOR_SITE_URL is {settings.SITE_URL!r}, so links in e-mails (password links among them) are "
                "not encrypted: give its https:// address.",
                id="widmonitor.W008",
            )
        ]
    if parts.hostname and not host_allowed(parts.hostname):
        return [
            Warning(
                f"WIDMONITOR_SITE_URL's host {parts.hostname!r} is not in WIDMONITOR_ALLOWED_HOSTS "
                f"({','.join(settings.ALLOWED_HOSTS)}), so the platform refuses its own address: add it there.",
                id="widmonitor.W009",
            )
        ]
    return []


def host_allowed(host):
    return any(
        allowed == "*" or allowed == host or (allowed.startswith(".") and (host.endswith(allowed) or host == allowed[1:]))
        for allowed in settings.ALLOWED_HOSTS
    )


@deploy_check
def email(app_configs, **kwargs):
    warnings = []
    module = settings.EMAIL_BACKEND.rpartition(".")[0].rpartition(".")[2]  # django.core.mail.backends.console.EmailBackend: console
    if module in UNSENT_MAIL_BACKENDS:
        warnings.append(
            Warning(
                f"E-mail is not sent ({settings.EMAIL_BACKEND}), so invitations, password links and moderation notices "
                "reach nobody: set WIDMONITOR_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend (it hands them "
                "to the mail server on localhost:25).",
                id="widmonitor.W010",
            )
        )
    if parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] in ("localhost", ""):
        warnings.append(
            Warning(
                f"WIDMONITOR_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}, an address no mail server accepts mail from "
                "and nobody can answer: set it to an address of the site's domain.",
                id="widmonitor.W011",
            )
        )
    return warnings


@deploy_check
def static_files(app_configs, **kwargs):
    if not isinstance(staticfiles_storage, ManifestFilesMixin):  # under DEBUG, read from the apps (W003 says more)
        return []
    manifest = staticfiles_storage.read_manifest()
    if manifest is None:
        return [
            Warning(
                f"The static files are not collected into {settings.STATIC_ROOT}, so every page fails: run "
                "`widmonitor setup`.",
                id="widmonitor.W012",
            )
        ]
    collected = set(staticfiles_storage.load_manifest()[0])  # the manifest's paths, as the file says now
    missing = sorted(
        path
        for finder in finders.get_finders()
        for path, _storage in finder.list(["CVS", ".*", "*~"])
        if path not in collected and not any(fnmatch(os.path.basename(path), pattern) for pattern in NOT_COLLECTED)
    )
    if missing:
        return [
            Warning(
                f"{len(missing)} static file(s) of this version are not collected (e.g. {missing[0]}), so pages that "
                "use them fail: run `widmonitor setup` again after an upgrade.",
                id="widmonitor.W013",
            )
        ]
    return []


@deploy_check
def writable_dirs(app_configs, **kwargs):
    warnings = []
    logs = logs_dir()
    if not writable(logs):
        warnings.append(
            Warning(
                f"{logs} is not writable by this user, so server errors are not logged there: create it and give it "
                "to the user the server runs as.",
                id="widmonitor.W014",
            )
        )
    home = settings.HOME_DIR
    if home.is_dir() and home.stat().st_mode & 0o077:
        warnings.append(
            Warning(
                f"{home} (WIDMONITOR_HOME) is open to other users of the machine, and it holds uploads, the secret key "
                f"and the SQLite database: chmod 700 {home}.",
                id="widmonitor.W015",
            )
        )
    return warnings


def writable(path):
    """Whether this user can write into ``path``, or create it: its nearest existing ancestor is writable."""
    while not path.exists():
        if path.parent == path:
            return False
        path = path.parent
    return path.is_dir() and os.access(path, os.W_OK | os.X_OK)


@deploy_check
def migrations(app_configs, **kwargs):
    try:
        loader = MigrationExecutor(connection).loader
        graph, applied = loader.graph, loader.applied_migrations
        # every migration the leaves need and the database lacks, a hole below an applied one too
        # (Django's migration_plan only looks at the leaves: a later migration applied hides an earlier one missing)
        pending = list(dict.fromkeys(node for leaf in graph.leaf_nodes() for node in graph.forwards_plan(leaf) if node not in applied))
    except DatabaseError as error:
        return [
            Warning(
                f"The database cannot be reached ({str(error).strip()}): check WIDMONITOR_DATABASE_URL and that the "
                "server runs.",
                id="widmonitor.W016",
            )
        ]
    if pending:
        app_label, name = pending[0]
        return [
            Warning(
                f"{len(pending)} migration(s) of this version are not applied to the database (the first: "
                f"{app_label}.{name}): run `widmonitor setup`.",
                id="widmonitor.W017",
            )
        ]
    return []


@deploy_check
def contact(app_configs, **kwargs):
    if not settings.CONTACT["operator"] or not settings.CONTACT["email"]:
        return [
            Warning(
                "The contact, privacy and accessibility pages name nobody to write to: set WIDMONITOR_OPERATOR (who runs "
                "the site, e.g. 'FOD Economie – Women in Digital working group') and WIDMONITOR_CONTACT_EMAIL.",
                id="widmonitor.W018",
            )
        ]
    return []
