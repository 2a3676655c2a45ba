"""The self-check in a real browser: completed with the keyboard alone in nl, fr and en; axe-clean on every kind of page."""

import pytest

from .conftest import serious_violations

RESULT = {"nl": "Uw resultaat van de zelftest", "fr": "Le résultat de votre autodiagnostic", "en": "Your self-check result"}


@pytest.fixture
def expect():
    """Playwright's assertions, imported here: the default run (no browser) collects this module too."""
    from playwright.sync_api import expect

    return expect


def tab_to(page, element_id, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def answer_page_with_the_keyboard(page):
    """Tab into each statement's group; Space says "yes" (for 1.1 only), the right arrow "not yet"; Enter goes on."""
    radios = page.locator("fieldset input[type=radio][value=yes]")
    tab_to(page, radios.first.get_attribute("id"))
    for index in range(radios.count()):
        if index:
            page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.name")
        page.keyboard.press("Space" if name.startswith("c1.1-") else "ArrowRight")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the form's first button: Next


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_she_completes_the_self_check_with_the_keyboard_alone(page, live_server, db, expect, language):
    page.goto(f"{live_server.url}/{language}/self-check/")
    tab_to(page, "selfcheck-start")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    pages = 0
    while page.locator("h1").inner_text() != RESULT[language]:
        answer_page_with_the_keyboard(page)
        pages += 1
        assert pages <= 15
    assert pages == 7  # area 1 at three levels (1.1 answered yes), then one page per other area
    expect(page.locator(".selfcheck-table").first).to_be_visible()
    expect(page.locator("#selfcheck-next-title")).to_be_visible()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_kind_of_self_check_page_has_no_serious_accessibility_violation(audited, axe_source, live_server, db, language):
    audited.goto(f"{live_server.url}/{language}/self-check/")
    found = {"introduction": serious_violations(audited, axe_source)}
    audited.locator("#selfcheck-start").click()
    found["step"] = serious_violations(audited, axe_source)
    audited.locator("button[value=next]").click()  # nothing answered: the page names what is missing
    found["missing"] = serious_violations(audited, axe_source)
    while audited.locator("h1").inner_text() != RESULT[language]:
        audited.locator("fieldset input[value=not-yet]").evaluate_all("radios => radios.forEach(r => r.checked = true)")
        audited.locator("button[value=next]").click()
    found["result"] = serious_violations(audited, axe_source)
    assert found == {"introduction": [], "step": [], "missing": [], "result": []}
