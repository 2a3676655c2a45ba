import pytest
from django.core.exceptions import ImproperlyConfigured

from widmonitor.settings import database_from_url, envbool


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////tmp/a.sqlite3", {"ENGINE": "django.db.backends.sqlite3", "NAME": "/tmp/a.sqlite3"}),
        (
            "postgres://wid:s%40cret@127.0.0.1:5433/widmonitor",
            {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "widmonitor",
                "USER": "wid",
                "PASSWORD": "s@cret",
                "HOST": "127.0.0.1",
                "PORT": "5433",
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
