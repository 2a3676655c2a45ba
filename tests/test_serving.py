"""Production's way in: `widmonitor setup`, then `widmonitor serve --workers N` (gunicorn, DEBUG off).

The static files (the site's CSS, the API docs' scripts) are served by WhiteNoise under names that
carry their content's hash, compressed, and cached by browsers for a year.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.core.management import call_command
from django.core.management.commands.runserver import Command as RunserverCommand

from widmonitor import serving
from widmonitor.partners.emails import send_invitation

YEAR_IMMUTABLE = re.compile(r"(^|,\s*)max-age=315360000\b.*\bimmutable\b")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def widmonitor(*args):
    return [sys.executable, "-m", "widmonitor.cli", *args]


def wait_until_listening(port, server, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stdout.read()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"nothing listens on port {port} after {seconds} s")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The address of a platform set up in a home of its own and served by gunicorn with two workers."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "WIDMONITOR_HOME": str(tmp_path_factory.mktemp("home")),
        "WIDMONITOR_DEBUG": "0",
        "WIDMONITOR_ALLOWED_HOSTS": "127.0.0.1",
    }
    subprocess.run(widmonitor("setup", "-v", "0"), env=environment, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        widmonitor("serve", "--workers", "2", f"127.0.0.1:{port}"),
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_listening(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=60)


def get(url, **headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=60) as response:
        return response.status, response.headers, response.read()


def linked(site, page, pattern):
    """The address of the file that ``page``'s HTML links with ``pattern`` (one group: the path)."""
    _status, _headers, html = get(site + page)
    found = re.search(pattern, html.decode())
    assert found, f"{page} links no {pattern}"
    return site + found.group(1)


def test_gunicorn_serves_the_sites_css_compressed_and_cached_for_a_year(site):
    css = linked(site, "/en/", r'<link rel="stylesheet" href="(/static/widmonitor/portal\.[0-9a-f]{12}\.css)">')

    status, headers, body = get(css, **{"Accept-Encoding": "gzip"})

    assert status == 200 and headers["Server"].startswith("gunicorn")
    assert headers["Content-Type"].startswith("text/css")
    assert headers["Content-Encoding"] == "gzip" and body[:2] == b"\x1f\x8b"
    assert YEAR_IMMUTABLE.search(headers["Cache-Control"]), headers["Cache-Control"]


@pytest.mark.parametrize("name", ["swagger-ui-bundle", "swagger-ui-init"])
def test_gunicorn_serves_the_api_docs_scripts_cached_for_a_year(site, name):
    script = linked(site, "/api/docs", rf'<script src="(/static/ninja/{name}\.[0-9a-f]{{12}}\.js)"></script>')

    status, headers, body = get(script)

    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert len(body) > 1000
    assert YEAR_IMMUTABLE.search(headers["Cache-Control"]), headers["Cache-Control"]


@pytest.fixture
def serving_stopped(monkeypatch):
    """`widmonitor serve` does all but serve: the addresses it would have served on are recorded."""
    served = []
    monkeypatch.setattr(RunserverCommand, "run", lambda command, **options: served.append(f"{command.addr}:{command.port}"))
    monkeypatch.setattr(serving, "run_gunicorn", lambda addrport, workers: served.append((addrport, workers)))
    return served


def invitation_link(django_user_model, mailoutbox):
    partner, _new = django_user_model.objects.get_or_create(username="an@example.org", email="an@example.org")
    send_invitation(partner, None)
    return re.search(r"^http\S+$", mailoutbox[-1].body, re.M).group()


@pytest.mark.parametrize("args", [["8123"], ["127.0.0.1:8123", "--workers", "3"]])
def test_links_in_e_mails_start_with_the_site_url_if_set_else_the_address_served(
    args, settings, serving_stopped, db, django_user_model, mailoutbox
):
    settings.SITE_URL_GIVEN, settings.SITE_URL = True, "https://widmonitor.example.be"
    call_command("serve", *args)
    assert invitation_link(django_user_model, mailoutbox).startswith("https://widmonitor.example.be/en/partner/")

    settings.SITE_URL_GIVEN, settings.SITE_URL = False, "http://127.0.0.1:8000"
    call_command("serve", *args)
    assert invitation_link(django_user_model, mailoutbox).startswith("http://127.0.0.1:8123/en/partner/")

    assert serving_stopped == 2 * [("127.0.0.1:8123", 3) if "--workers" in args else "127.0.0.1:8123"]


@pytest.mark.parametrize(
    ("cache", "workers", "warned"),
    [("locmem.LocMemCache", "3", True), ("locmem.LocMemCache", "1", False), ("redis.RedisCache", "3", False)],
)
def test_serving_several_workers_with_a_cache_of_each_its_own_warns_that_limits_count_per_worker(
    settings, serving_stopped, capsys, cache, workers, warned
):
    settings.CACHES = {"default": {"BACKEND": f"django.core.cache.backends.{cache}", "LOCATION": "redis://127.0.0.1:1/0"}}
    call_command("serve", "127.0.0.1:8123", "--workers", workers)
    assert ("each counts limits alone: set WIDMONITOR_CACHE_URL=redis://" in capsys.readouterr().err) is warned
