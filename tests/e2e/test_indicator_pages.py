"""The indicator pages in Chromium: the charts draw under the Content-Security-Policy, and axe-core is content."""

import pytest
from django.conf import settings

from widmonitor.indicators import store
from widmonitor.indicators.published import load_published
from widmonitor.strategy.loader import load_strategy
from widmonitor.vocabularies.loader import load_vocabularies

from .conftest import TEXT_OUTSIDE_ITS_CHART, serious_violations

PAGES = ["/{lang}/indicators/", "/{lang}/indicators/wid_ius_abs/?compare=FR", "/{lang}/indicators/wid_sse_gpg/", "/{lang}/indicators/wid_ui_iu/"]


@pytest.fixture
def indicator_data(transactional_db):
    load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
    load_strategy(settings.CONFIG_DIR / "strategies" / "belgium-wid-2021.yaml")
    store.load_bundled()
    load_published()


@pytest.mark.parametrize("path", ["/en/indicators/wid_ius_abs/", "/fr/indicators/wid_sse_gpg/"])
def test_the_charts_draw_without_breaking_the_content_security_policy(page, live_server, indicator_data, path):
    messages, errors = [], []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text} {message.location.get('url', '')}"))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    response = page.goto(live_server.url + path)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("[data-chart='chart-over-time'] svg .mark-line path", timeout=10000)
    page.wait_for_selector("[data-chart='chart-by-country'] svg .mark-rect path", timeout=10000)
    assert page.evaluate("window.__csp") == []
    assert errors == []
    problems = [m for m in messages if "Content Security Policy" in m or m.startswith(("error", "warning"))]
    assert [m for m in problems if not m.endswith("/favicon.ico")] == []
    assert page.locator("[data-chart-error]").count() == 0


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_no_serious_or_critical_violation_on_the_indicator_pages(audited, axe_source, live_server, indicator_data, language):
    found = {}
    for template in PAGES:
        url = template.format(lang=language)
        audited.goto(live_server.url + url)
        if "wid_ius_abs" in url:
            audited.wait_for_selector("[data-chart] svg", timeout=10000)
        serious = serious_violations(audited, axe_source)
        if serious:
            found[url] = serious
    assert found == {}


CHART_TEXT_SIZES = """() => [...document.querySelectorAll('[data-chart] svg text')].filter(t => t.textContent.trim()).map(t => {
  const m = t.getScreenCTM();  // the chart's own scale, rotated axis titles included
  return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)];
})"""


@pytest.mark.parametrize("path", ["/nl/indicators/wid_ius_abs/?compare=FR", "/fr/indicators/ict_specialists_women/", "/fr/indicators/wid_sse_gpg/", "/en/indicators/gpg_ict/"])
def test_on_a_phone_every_chart_text_is_at_least_12_px(phone, live_server, indicator_data, path):
    phone.goto(live_server.url + path)
    phone.wait_for_function("() => [...document.querySelectorAll('[data-chart]')].every(e => e.querySelector('svg text'))", timeout=10000)
    assert phone.locator("[data-chart-error]").count() == 0
    sizes = phone.evaluate(CHART_TEXT_SIZES)
    assert len(sizes) > 20
    assert [(text, round(size, 1)) for text, size in sizes if size < 12] == []
    assert phone.evaluate(TEXT_OUTSIDE_ITS_CHART) == []

