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


# --- the initiatives that fit, her choices and the PDF (fictional tagged records of tests/selfcheck/test_fitting.py) ---

from ..selfcheck.test_fitting import tagged_registry  # noqa: E402, F401  (a fixture)

FIRST_FIT = {"nl": "Communicating online", "fr": "Coding club for girls", "en": "Communicating online"}  # the lowest area first
DEVELOPS = {"nl": "ontwikkelt wat u kunt verbeteren", "fr": "développe ce que vous pouvez améliorer", "en": "develops what you can improve"}
FREE_FIT = {"nl": "Safe online: a workshop", "fr": "Coding club for girls", "en": "Poster campaign on passwords"}  # en: the only free one, no course


def complete_with_the_keyboard(page, url, language):
    page.goto(f"{url}/{language}/self-check/")
    tab_to(page, "selfcheck-start")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    while page.locator("h1").inner_text() != RESULT[language]:
        answer_page_with_the_keyboard(page)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_she_sees_the_initiatives_that_fit_narrows_them_and_downloads_the_pdf_with_the_keyboard(page, live_server, tagged_registry, expect, language):
    import io

    from pypdf import PdfReader

    complete_with_the_keyboard(page, live_server.url, language)
    first = page.locator(".result-list .result").first
    expect(first.get_by_role("link")).to_contain_text(FIRST_FIT[language])  # the title in English, marked as such in nl and fr
    expect(first.locator("ul.reasons")).to_contain_text(DEVELOPS[language])

    tab_to(page, "fit-free")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the form's button
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".result-list .result").first.get_by_role("link")).to_contain_text(FREE_FIT[language])
    expect(page.locator("#fit-free")).to_be_checked()

    tab_to(page, "selfcheck-pdf")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    assert reader.pages[0].extract_text().startswith(RESULT[language]) and reader.trailer["/Root"]["/Lang"] == language


def test_the_result_with_initiatives_and_left_out_choices_has_no_serious_accessibility_violation(audited, axe_source, live_server, tagged_registry):
    audited.goto(f"{live_server.url}/en/self-check/")
    audited.locator("#selfcheck-start").click()
    while audited.locator("h1").inner_text() != RESULT["en"]:
        audited.locator("fieldset input[value=not-yet]").evaluate_all("radios => radios.forEach(r => r.checked = true)")
        audited.locator("button[value=next]").click()
    audited.select_option("#fit-language", "de")  # nothing in German: the page says what it left out
    audited.locator("button[value=fit]").click()
    assert audited.locator(".relaxed li").count() >= 1 and audited.locator(".result-list .result").count() >= 1
    assert serious_violations(audited, axe_source) == []


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_result_page_is_no_wider_than_a_390_pixel_phone(browser, live_server, db, language):
    from ..selfcheck.test_pages import all_answers

    phone = browser.new_context(viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(f"{live_server.url}/{language}/self-check/")
    fields = {**all_answers("yes", c1_1=["yes", "not-yet"]), "go": "next", "page": ""}
    with page.expect_navigation():
        page.evaluate(
            """fields => { const form = document.querySelector("form[method=post]");
            for (const [name, value] of Object.entries(fields)) {
              const input = document.createElement("input"); input.type = "hidden"; input.name = name; input.value = value; form.append(input); }
            form.querySelectorAll("[name=go], [name=page]").forEach(e => { if (!(e.name in fields) || e.type !== "hidden") e.remove(); });
            HTMLFormElement.prototype.submit.call(form); }""",
            fields,
        )
    assert page.locator("h1").inner_text() == RESULT[language]
    width = page.evaluate("document.documentElement.scrollWidth")
    phone.close()
    assert width <= 390
