"""A visitor in a real browser: searching with facets, switching language, using only the keyboard."""

import re

import pytest


@pytest.fixture
def expect():
    """Playwright's assertions, imported here: the default run (no browser) collects this module too."""
    from playwright.sync_api import expect

    return expect


def test_a_visitor_narrows_a_search_with_facets_and_shares_it(page, live_server, fictional_registry, expect):
    page.goto(f"{live_server.url}/en/")
    page.get_by_label("Search the initiatives").fill("women")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("2 initiatives"))).to_be_visible()
    page.locator("summary", has_text="Region").click()  # a folded facet opens
    page.get_by_role("link", name=re.compile(r"^Wallonia \(1\)")).click()
    expect(page).to_have_url(re.compile(r"/en/initiatives/\?q=women&region=wallonia$"))
    expect(page.get_by_role("heading", level=2, name=re.compile("1 initiative"))).to_be_visible()
    expect(page.get_by_role("link", name="Training for women web developers")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Wallonia \(1\) — chosen; select to remove")).click()
    expect(page.get_by_role("heading", level=2, name=re.compile("2 initiatives"))).to_be_visible()


def test_the_language_switch_keeps_the_search(page, live_server, fictional_registry, expect):
    page.goto(f"{live_server.url}/en/initiatives/?q=intelligence")
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/initiatives/\?q=intelligence$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("link", name="Matériel pédagogique sur l'intelligence artificielle pour les enseignants")).to_be_visible()


def test_the_keyboard_alone_reaches_the_content_and_a_result(page, live_server, fictional_registry, expect):
    page.goto(f"{live_server.url}/nl/initiatives/?q=programmeren")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "main"
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Meisjes leren programmeren":
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Meisjes leren programmeren")).to_be_visible()


def test_the_search_works_on_a_phone_with_results_before_the_facets(phone, live_server, fictional_registry):
    phone.goto(f"{live_server.url}/fr/initiatives/?audience=women")
    results = phone.get_by_role("heading", level=2, name=re.compile("3 initiatives")).bounding_box()  # teachers-ai: 4.2 implies women
    facets = phone.get_by_role("heading", level=2, name="Affiner").bounding_box()
    assert results["y"] < facets["y"]
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width} px wide on a 360 px screen"
