"""The job-ad checker in a real browser: paste an ad, submit with the keyboard alone, see the highlights; axe-clean."""

import pytest

from .conftest import serious_violations

AD = "Développeur (h/f/x)\nNous cherchons une personne ambitieuse et compétitive, qui aime la collaboration avec notre équipe."


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


def test_a_visitor_pastes_an_ad_and_submits_it_with_the_keyboard_alone(page, live_server, db, expect):
    page.goto(f"{live_server.url}/en/job-ad-checker/")
    tab_to(page, "id_text")
    page.keyboard.insert_text(AD)  # what pasting does
    page.keyboard.press("Tab")  # the language: left on "Detect it"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    result = page.locator("#jobad-result")
    expect(result.locator("mark.jobad-masculine", has_text="ambitieuse")).to_be_visible()
    expect(result.locator("mark.jobad-masculine", has_text="compétitive")).to_be_visible()
    expect(result.locator("mark.jobad-feminine", has_text="collaboration")).to_be_visible()
    expect(result.locator(".jobad-verdict")).to_contain_text("Masculine-coded")
    expect(page.locator("#id_text")).to_have_value(AD)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_checker_and_its_result_have_no_serious_accessibility_violation(audited, axe_source, live_server, db, language):
    audited.goto(f"{live_server.url}/{language}/job-ad-checker/")
    found = {"form": serious_violations(audited, axe_source)}
    audited.locator("#id_text").fill(AD)
    audited.locator(".jobad-form button[type=submit]").click()
    audited.locator("#jobad-result").wait_for()
    found["result"] = serious_violations(audited, axe_source)
    assert found == {"form": [], "result": []}
