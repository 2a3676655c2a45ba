import pytest
from django.core.exceptions import ImproperlyConfigured

from widmonitor.settings import database_from_url, envbool, envemail, envurl


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "sqlite:////tmp/a.sqlite3",
            {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": "/tmp/a.sqlite3",
                "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
                "CONN_MAX_AGE": 60,
            },
        ),
        (
            "postgres://wid:s%40cret@127.0.0.1:5433/widmonitor",
            {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "widmonitor",
                "USER": "wid",
                "PASSWORD": "s@cret",
                "HOST": "127.0.0.1",
                "PORT": "5433",
                "CONN_MAX_AGE": 60,
                "CONN_HEALTH_CHECKS": True,
            },
        ),
    ],
)
def test_it_reads_database_urls(url, expected):
    assert database_from_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [("mysql://x/y", "must start with sqlite:/// or postgres://"), ("postgres://u@h:5432/", "names no database")],
)
def test_it_rejects_bad_database_urls(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        database_from_url(url)


def test_it_rejects_a_boolean_it_cannot_read(monkeypatch):
    monkeypatch.setenv("WIDMONITOR_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="WIDMONITOR_DEBUG must be a boolean"):
        envbool("WIDMONITOR_DEBUG", "0")


def run_settings(env, tmp_path):
    """The settings module as a process with ``env`` would read it."""
    import json
    import subprocess
    import sys

    code = (
        "import json, widmonitor.settings as s; print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.DEBUG]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env={"WIDMONITOR_HOME": str(tmp_path), **env}, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_https_turns_on_secure_cookies_redirects_and_hsts(tmp_path):
    assert run_settings({}, tmp_path) == [False, False, False, 0, False]
    assert run_settings({"WIDMONITOR_HTTPS": "1"}, tmp_path) == [True, True, True, 31_536_000, False]


@pytest.mark.parametrize("value", ["wid@example.org", ""])
def test_a_contact_address_is_an_email_address_or_nothing(monkeypatch, value):
    monkeypatch.setenv("WIDMONITOR_CONTACT_EMAIL", value)
    assert envemail("WIDMONITOR_CONTACT_EMAIL", "") == value


@pytest.mark.parametrize("value", ["wid", "wid@", "@example.org", "wid@localhost", "a b@example.org", "a@b@example.org"])
def test_a_contact_address_that_is_not_one_is_refused(monkeypatch, value):
    monkeypatch.setenv("WIDMONITOR_CONTACT_EMAIL", value)
    with pytest.raises(ImproperlyConfigured, match="WIDMONITOR_CONTACT_EMAIL must be an e-mail address"):
        envemail("WIDMONITOR_CONTACT_EMAIL", "")


@pytest.mark.parametrize("value", ["creativecommons.org/licenses/by/4.0/", "ftp://example.org/licence", "https://"])
def test_a_licence_address_must_be_a_web_address(monkeypatch, value):
    monkeypatch.setenv("WIDMONITOR_DATA_LICENCE_URL", value)
    with pytest.raises(ImproperlyConfigured, match="WIDMONITOR_DATA_LICENCE_URL must be a web address"):
        envurl("WIDMONITOR_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/")
