"""Giving a finished self-check to the statistics in a real browser: an unticked opt-in, refused without it; axe-clean."""

import pytest

from widmonitor.selfcheck.models import SharedCheck

from .conftest import serious_violations

RESULT = {"nl": "Uw resultaat van de zelftest", "fr": "Le résultat de votre autodiagnostic", "en": "Your self-check result"}
THANKS = {"nl": "Bedankt", "fr": "Merci", "en": "Thank you"}


def to_the_result(page, url, language):
    page.goto(f"{url}/{language}/self-check/")
    page.locator("#selfcheck-start").click()
    while page.locator("h1").inner_text() != RESULT[language]:
        page.locator("fieldset input[value=not-yet]").evaluate_all("radios => radios.forEach(r => r.checked = true)")
        page.locator("button[value=next]").click()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_she_gives_her_self_check_to_the_statistics_only_by_ticking_the_box(audited, axe_source, live_server, db, language):
    to_the_result(audited, live_server.url, language)
    assert not audited.locator("#share-consent").is_checked()
    found = {"result": serious_violations(audited, axe_source)}
    audited.select_option("#share-age_band", "26-45")
    audited.select_option("#share-region", "brussels")
    audited.locator(".selfcheck-share-form button[type=submit]").click()  # the box left unticked
    assert SharedCheck.objects.count() == 0
    assert audited.locator("#share-consent-error").is_visible()
    found["refused"] = serious_violations(audited, axe_source)
    audited.select_option("#share-age_band", "26-45")
    audited.select_option("#share-region", "brussels")
    audited.locator("#share-consent").check()
    audited.locator(".selfcheck-share-form button[type=submit]").click()
    assert audited.locator("h1").inner_text() == THANKS[language]
    found["thanks"] = serious_violations(audited, axe_source)
    audited.goto(f"{live_server.url}/{language}/self-check/statistics/")
    found["statistics"] = serious_violations(audited, axe_source)
    assert found == {"result": [], "refused": [], "thanks": [], "statistics": []}
    assert list(SharedCheck.objects.values_list("age_band", "gender", "region")) == [("26-45", "", "brussels")]
