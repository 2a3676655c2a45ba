"""Browser tests: Debian's chromium driven by Playwright, against Django's live server or a served site.

Marked ``e2e`` and left out of the default run (the README's test command needs no browser);
``.ci/run`` installs chromium, Playwright and axe-core and runs them with ``pytest -m e2e``.

By default the pages come from Django's live server, in this process. With
``WIDMONITOR_E2E_BASE_URL`` they come from a site served outside, as production serves it
(``.ci/e2e-served``: `widmonitor serve --workers 2`, DEBUG off, collected static files, PostgreSQL,
Redis), whose database and cache the tests share through the same ``WIDMONITOR_*`` variables:
what a test creates through the ORM the server sees, and its database is emptied after each
test, as the live server's is. So the tests refuse a database that holds records when they start.
"""

import email
import email.policy
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.test.utils import modify_settings

AXE = Path(os.environ.get("WIDMONITOR_AXE", settings.REPO_DIR / "node_modules" / "axe-core" / "axe.min.js"))
SERVED_AT = os.environ.get("WIDMONITOR_E2E_BASE_URL", "").rstrip("/")


class ServedSite:
    """A site served outside the tests, standing in for pytest-django's live server (its ``url``)."""

    def __init__(self, url):
        self.url = url
        self._live_server_modified_settings = modify_settings()  # pytest-django's helper turns it on and off around each test


if SERVED_AT:

    @pytest.fixture(scope="session")
    def live_server():
        return ServedSite(SERVED_AT)

    @pytest.fixture(scope="session")
    def django_db_setup(django_db_blocker):
        """The served site's own database, not a test database made for the run: emptied after each test, so it must hold nothing."""
        from widmonitor.backups import records

        with django_db_blocker.unblock():
            found = records()
        if found:
            pytest.exit(
                f"WIDMONITOR_E2E_BASE_URL: the database holds records ({', '.join(f'{n} {label}' for label, n in list(found.items())[:3])}), "
                "which the e2e tests would delete: serve them a database of their own, made by `widmonitor migrate`.",
                returncode=2,
            )

    @pytest.fixture(autouse=True)
    def fast_password_hashing_and_own_home():
        """The served site checks passwords with its own hashers and keeps files in its own home: the tests use the same."""


@dataclass(frozen=True)
class Sent:
    """An e-mail the site sent, as the tests read it: the same whether it stayed in this process or was written to a file."""

    subject: str
    to: list
    body: str


def read_mail_files(folder):
    """The messages Django's file-based backend wrote in ``folder`` (each file: messages, each ended by a line of 79 dashes)."""
    found = []
    for path in sorted(Path(folder).glob("*.log"), key=lambda path: path.stat().st_mtime_ns):
        for chunk in path.read_bytes().split(b"-" * 79 + b"\n"):
            if chunk.strip():
                message = email.message_from_bytes(chunk, policy=email.policy.default)
                body = message.get_body(preferencelist=("plain",)).get_content()
                subject = " ".join(str(message["subject"]).split())  # unfolded: a long encoded subject comes folded
                found.append(Sent(subject, [address.strip() for address in str(message["to"]).split(",")], body))
    return found


@pytest.fixture
def sent_mail():
    """A function giving the e-mail sent since the test began: Django's outbox under the live server, the served site's
    mail folder (WIDMONITOR_EMAIL_FILE_PATH, emptied first) under WIDMONITOR_E2E_BASE_URL."""
    if not SERVED_AT:
        from django.core import mail

        return lambda: [Sent(m.subject, list(m.to), m.body) for m in mail.outbox]
    folder = Path(settings.EMAIL_FILE_PATH)
    for old in folder.glob("*.log"):
        old.unlink()
    return lambda: read_mail_files(folder)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop runs beside the test's database calls
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "the e2e tests need Debian's chromium (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    assert AXE.is_file(), f"the accessibility tests need axe-core: npm install axe-core (looked for {AXE})"
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def audited(browser, axe_source):
    """A page in a context that lets axe-core's script in despite the Content-Security-Policy."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def serious_violations(page, axe_source):
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    page.evaluate(axe_source)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# every chart text that runs out of its chart (a legend cut at "To…", a title wider than the chart), and every chart wider than the screen
TEXT_OUTSIDE_ITS_CHART = """() => [...document.querySelectorAll('svg')].flatMap(svg => {
  const box = svg.getBoundingClientRect();
  const out = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).filter(t => {
    const r = t.getBoundingClientRect();
    return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
  }).map(t => t.textContent);
  return box.right > innerWidth ? [...out, 'the chart is wider than the screen'] : out;
})"""
