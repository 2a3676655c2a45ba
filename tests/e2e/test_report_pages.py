"""The report pages in Chromium: axe-core finds no serious or critical violation, in nl, fr and en, and no CSP breach."""

import base64

import pytest
from django.conf import settings

from widmonitor.indicators import store
from widmonitor.indicators.published import load_published
from widmonitor.initiatives.registry_loader import load_registry
from widmonitor.reports import editions
from widmonitor.reports.bundled import load_bundled
from widmonitor.reports.render import render_html
from widmonitor.strategy.loader import load_strategy
from widmonitor.vocabularies.loader import load_vocabularies

from .conftest import TEXT_OUTSIDE_ITS_CHART, serious_violations

PAGES = ["/{lang}/reports/", "/{lang}/reports/2022/"]


@pytest.fixture
def published_2022(transactional_db, monkeypatch):
    """The bundled data, as `widmonitor setup` loads it, with the 2022 edition published (its files are not made:
    these tests read the pages, and a thread making PDFs would only slow them)."""
    monkeypatch.setattr(editions, "in_background", lambda function, *args: None)
    load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
    load_strategy(settings.CONFIG_DIR / "strategies" / "belgium-wid-2021.yaml")
    load_registry(sorted((settings.DATA_DIR / "registry").glob("*.yaml")))
    store.load_bundled()
    load_published()
    load_bundled()
    editions.publish(2022, None)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_no_serious_or_critical_violation_on_the_report_pages(audited, axe_source, live_server, published_2022, language):
    found = {}
    for template in PAGES:
        url = template.format(lang=language)
        audited.goto(live_server.url + url)
        serious = serious_violations(audited, axe_source)
        if serious:
            found[url] = serious
    audited.set_content(render_html(editions.published_report(2022), language))  # the standalone HTML file
    serious = serious_violations(audited, axe_source)
    if serious:
        found["the HTML file"] = serious
    assert found == {}


def test_the_report_page_shows_its_charts_without_breaking_the_content_security_policy(page, live_server, published_2022):
    violations = []
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective));")
    page.goto(live_server.url + "/en/reports/2022/")
    violations = page.evaluate("window.__csp")
    images = page.locator(".chart-figure img")
    assert images.count() > 0
    assert all(width > 0 for width in images.evaluate_all("nodes => nodes.map(n => n.naturalWidth)"))
    assert violations == []


def test_on_a_phone_the_report_s_charts_are_not_shrunk(phone, live_server, published_2022):
    """An image is drawn at most at its own size: the phone's picture source keeps the charts' 12 px text."""
    phone.goto(live_server.url + "/nl/reports/2022/")
    images = phone.locator(".chart-figure img")
    assert images.count() > 0
    scales = images.evaluate_all("nodes => nodes.map(n => n.getBoundingClientRect().width / n.naturalWidth)")
    assert min(scales) >= 0.999
    for source in images.evaluate_all("nodes => nodes.map(n => n.currentSrc)"):  # each chart as drawn, to look inside it
        phone.set_content(f'<body style="margin:0">{base64.b64decode(source.split(",", 1)[1]).decode("utf-8")}</body>')
        assert phone.evaluate(TEXT_OUTSIDE_ITS_CHART) == []
