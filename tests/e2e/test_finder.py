"""The finder in a real browser, answered with the keyboard alone."""

import pytest

MAX_TABS = 80  # more than the finder's controls: a focus that never arrives fails the test


@pytest.fixture
def expect():
    """Playwright's assertions, imported here: the default run (no browser) collects this module too."""
    from playwright.sync_api import expect

    return expect


def tab_to(page, selector):
    """Press Tab until ``selector`` has the focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_visitor_answers_the_finder_with_the_keyboard_alone(page, live_server, fictional_registry, expect):
    page.goto(f"{live_server.url}/en/finder/")

    tab_to(page, "#finder-region")
    page.keyboard.type("Brussels")  # a closed select takes the typed option
    tab_to(page, "#finder-free")
    page.keyboard.press("Space")
    tab_to(page, "form.finder button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="2 initiatives fit")).to_be_visible()  # free of charge is strict
    result = page.locator(".finder-results .result").first  # the region ranks: the one in Brussels first
    expect(result.get_by_role("link")).to_have_text("Girls learn to code")
    expect(result.locator("ul.reasons")).to_contain_text("in Brussels")
    expect(result.locator("ul.reasons")).to_contain_text("free")
    assert "region=brussels" in page.url and "free=1" in page.url  # the answers are a shareable link


def test_the_finders_results_are_reached_by_keyboard_after_submitting(page, live_server, fictional_registry, expect):
    page.goto(f"{live_server.url}/en/finder/?free=1#finder-results")

    tab_to(page, ".finder-results .result a")

    expect(page.locator(":focus")).to_have_text("Girls learn to code")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/en/initiatives/girls-code/")
