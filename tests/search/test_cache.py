"""Repeated searches come from the cache, and a change made by another process is seen at once."""

import subprocess
import sys
import textwrap

import pytest

SERVER = textwrap.dedent(
    """
    import re, sys
    import django
    django.setup()
    from django.test import Client
    import widmonitor.portal.views as views

    calls = 0
    search = views.search

    def counted(*args, **kwargs):
        global calls
        calls += 1
        return search(*args, **kwargs)

    views.search = counted
    client = Client()
    for url in sys.stdin:
        html = client.get(url.strip()).content.decode()
        found = re.search(r'<h2 id="results-title"[^>]*>(\\d+) ', html)
        print(found.group(1) if found else 0, calls, flush=True)
    """
)


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    subprocess.run([sys.executable, "-m", "widmonitor.cli", "setup", "-v", "0"], env=environment(home), check=True, capture_output=True)
    return home


def environment(home):
    return {
        "WIDMONITOR_HOME": str(home),
        "WIDMONITOR_ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "widmonitor.settings",
        "PATH": "/usr/bin:/bin",
    }


def test_a_repeated_search_is_cached_until_another_process_changes_the_registry(home):
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], env=environment(home), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )

    def ask(url):
        server.stdin.write(url + "\n")
        server.stdin.flush()
        return tuple(int(n) for n in server.stdout.readline().split())

    try:
        url = "/en/initiatives/?q=coderdojo"
        found, calls = ask(url)
        assert found >= 2 and calls == 1
        assert ask(url) == (found, 1)  # from the cache: no search ran
        reject = (
            "import django; django.setup(); "
            "from widmonitor.initiatives.models import Initiative; "
            "from widmonitor.system_user import command_line_user; "
            "Initiative.objects.filter(uid='coderdojo-leren-programmeren').reject(command_line_user(), 'Test')"
        )
        subprocess.run([sys.executable, "-c", reject], env=environment(home), check=True, capture_output=True)
        assert ask(url) == (found - 1, 2)  # the other process's change is seen, by a new search
    finally:
        server.stdin.close()
        server.wait(timeout=30)
