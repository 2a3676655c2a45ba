"""`widmonitor check --deploy`: Django's deployment checks and the platform's own, one actionable sentence each."""

import os
import re
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from widmonitor import deploy_checks

STRONG_KEY = "k3Yq9-xVb7_rT2mW8nZ4pL6sD1fG5hJ0cA8eR3tU7iO9yB2vN6mX4kQ1wE5zS0"
PRODUCTION = {
    "WIDMONITOR_SECRET_KEY": STRONG_KEY,
    "WIDMONITOR_HTTPS": "1",
    "WIDMONITOR_CACHE_URL": "redis://127.0.0.1:6379/0",
    "WIDMONITOR_SITE_URL": "https://widmonitor.example.be",
    "WIDMONITOR_ALLOWED_HOSTS": "widmonitor.example.be",
    "WIDMONITOR_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "WIDMONITOR_FROM_EMAIL": "widmonitor@example.be",
    "WIDMONITOR_OPERATOR": "FOD Economie",
    "WIDMONITOR_CONTACT_EMAIL": "wid@example.be",
}


def check_deploy(home, **env):
    """The ids `widmonitor check --deploy` names, run as a process would with ``env`` (and SQLite in ``home``)."""
    home.mkdir(mode=0o700, exist_ok=True)
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "WIDMONITOR_HOME": str(home), **env}
    if "PYTHONPATH" in os.environ:
        environment["PYTHONPATH"] = os.environ["PYTHONPATH"]
    result = subprocess.run(
        [sys.executable, "-m", "widmonitor.cli", "check", "--deploy"], env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return set(re.findall(r"\((\w+\.\w\d{3})\)", result.stderr + result.stdout))


def test_the_demo_settings_get_a_warning_for_everything_production_needs(tmp_path):
    assert check_deploy(tmp_path / "home") == {
        "widmonitor.W001",  # secret key generated
        "widmonitor.W004",  # HTTPS off
        "widmonitor.W005",  # SQLite
        "widmonitor.W006",  # per-process cache
        "widmonitor.W007",  # no site URL
        "widmonitor.W010",  # e-mail printed
        "widmonitor.W011",  # from @localhost
        "widmonitor.W012",  # static files not collected
        "widmonitor.W017",  # migrations not applied
        "widmonitor.W018",  # nobody named to write to
    }


def test_production_settings_leave_only_what_the_database_and_setup_must_do(tmp_path):
    """Django's warnings on HSTS, cookies and the key are silenced when WIDMONITOR_HTTPS and the key put them right."""
    assert check_deploy(tmp_path / "home", **PRODUCTION) == {"widmonitor.W005", "widmonitor.W012", "widmonitor.W017"}


def test_debug_mode_is_named_by_the_variable_that_turns_it_off(tmp_path):
    assert "widmonitor.W003" in check_deploy(tmp_path / "home", WIDMONITOR_DEBUG="1", **PRODUCTION)


@pytest.mark.parametrize(
    ("key", "expected"),
    [("short-key", ["widmonitor.W002"]), ("a" * 60, ["widmonitor.W002"]), ("django-insecure-" + STRONG_KEY, ["widmonitor.W002"]), (STRONG_KEY, [])],
)
def test_a_weak_secret_key_is_named(settings, key, expected):
    settings.SECRET_KEY_GIVEN, settings.SECRET_KEY = True, key
    assert [w.id for w in deploy_checks.secret_key(None)] == expected


@pytest.mark.parametrize(
    ("given", "url", "hosts", "expected"),
    [
        (False, "http://127.0.0.1:8000", ["127.0.0.1"], ["widmonitor.W007"]),
        (True, "http://widmonitor.example.be", ["widmonitor.example.be"], ["widmonitor.W008"]),
        (True, "https://widmonitor.example.be", ["other.example.be"], ["widmonitor.W009"]),
        (True, "https://widmonitor.example.be", [".example.be"], []),
        (True, "https://widmonitor.example.be", ["widmonitor.example.be"], []),
    ],
)
def test_the_site_url_must_be_given_https_and_allowed(settings, given, url, hosts, expected):
    settings.SITE_URL_GIVEN, settings.SITE_URL, settings.ALLOWED_HOSTS = given, url, hosts
    assert [w.id for w in deploy_checks.site_url(None)] == expected


@pytest.mark.parametrize(
    ("backend", "sender", "expected"),
    [
        ("django.core.mail.backends.console.EmailBackend", "wid@example.be", ["widmonitor.W010"]),
        ("django.core.mail.backends.locmem.EmailBackend", "wid@example.be", ["widmonitor.W010"]),
        ("django.core.mail.backends.smtp.EmailBackend", "Widmonitor <widmonitor@localhost>", ["widmonitor.W011"]),
        ("django.core.mail.backends.smtp.EmailBackend", "Widmonitor <wid@example.be>", []),
    ],
)
def test_e_mail_must_leave_from_an_address_that_can_be_answered(settings, backend, sender, expected):
    settings.EMAIL_BACKEND, settings.DEFAULT_FROM_EMAIL = backend, sender
    assert [w.id for w in deploy_checks.email(None)] == expected


@pytest.mark.parametrize(
    ("backend", "expected"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", ["widmonitor.W006"]),
        ("django.core.cache.backends.redis.RedisCache", []),
        ("django.core.cache.backends.db.DatabaseCache", []),
    ],
)
def test_the_cache_must_be_shared_by_the_workers(settings, backend, expected):
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "widmonitor_cache"}}
    assert [w.id for w in deploy_checks.cache(None)] == expected


@pytest.fixture
def manifest_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}


def test_static_files_not_collected_or_out_of_date_are_named(manifest_storage, settings):
    assert [w.id for w in deploy_checks.static_files(None)] == ["widmonitor.W012"]

    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["redoc.standalone.js*", "widmonitor/portal.css"])
    warnings = deploy_checks.static_files(None)
    assert [w.id for w in warnings] == ["widmonitor.W013"]
    assert "1 static file(s) of this version are not collected (e.g. widmonitor/portal.css)" in warnings[0].msg

    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["redoc.standalone.js*"])
    assert deploy_checks.static_files(None) == []


def test_a_logs_folder_the_server_cannot_write_and_an_open_home_are_named(settings, tmp_path):
    settings.HOME_DIR = tmp_path / "home"
    settings.HOME_DIR.mkdir(mode=0o700)
    assert deploy_checks.writable_dirs(None) == []  # the logs folder can be made

    (settings.HOME_DIR / "logs").write_text("a file where the folder should be")
    settings.HOME_DIR.chmod(0o755)
    assert [w.id for w in deploy_checks.writable_dirs(None)] == ["widmonitor.W014", "widmonitor.W015"]


def test_unapplied_migrations_are_named(db):
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    assert deploy_checks.migrations(None) == []

    MigrationRecorder(connection).record_unapplied("reach", "0002_moderator_permissions")  # as before an upgrade's `setup`
    warnings = deploy_checks.migrations(None)
    assert [w.id for w in warnings] == ["widmonitor.W017"]
    assert "1 migration(s) of this version are not applied to the database (the first: reach.0002_moderator_permissions)" in warnings[0].msg


def test_check_deploy_fails_on_warnings_when_asked_to(settings, db):
    settings.DEBUG = True
    with pytest.raises(SystemCheckError, match=r"widmonitor\.W003"):
        call_command("check", "--deploy", "--fail-level", "WARNING")


@pytest.mark.parametrize(
    ("operator", "email", "expected"),
    [("", "", ["widmonitor.W018"]), ("FOD Economie", "", ["widmonitor.W018"]), ("FOD Economie", "wid@example.be", [])],
)
def test_the_pages_must_name_who_runs_the_site_and_where_to_write(settings, operator, email, expected):
    settings.CONTACT = {"operator": operator, "email": email}
    assert [w.id for w in deploy_checks.contact(None)] == expected
