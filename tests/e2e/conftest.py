"""Browser tests: Debian's chromium driven by Playwright, against Django's live server.

Marked ``e2e`` and left out of the default run (the README's test command needs no browser);
``.ci/run`` installs chromium, Playwright and axe-core and runs them with ``pytest -m e2e``.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

AXE = Path(os.environ.get("WIDMONITOR_AXE", settings.REPO_DIR / "node_modules" / "axe-core" / "axe.min.js"))


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
