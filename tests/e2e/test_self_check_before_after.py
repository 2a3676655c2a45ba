"""An initiative's before-and-after self-check in a real browser: the partner's page, a participant's start and end; axe-clean."""

import pytest
from django.contrib.auth.models import Group

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import PartnerMembership
from widmonitor.selfcheck.models import InitiativeCheck, Participation

from .conftest import serious_violations

pytestmark = pytest.mark.e2e

RESULT = {"nl": "Uw resultaat van de zelftest", "fr": "Le résultat de votre autodiagnostic", "en": "Your self-check result"}


@pytest.fixture
def club(transactional_db, django_user_model):
    """A fictional published club of a fictional organisation, its partner, and its before-and-after check."""
    organisation = Organisation(slug="org-x", name={"en": "Organisation X"}, original_language="en")
    organisation.save()
    club = save_initiative(
        Initiative(uid="x-coding-club", title={"en": "X coding club"}, original_language="en", moderation="published"),
        {"organisations": [organisation]},
        reason="Test record",
    )
    partner = django_user_model.objects.create_user("partner-x", "partner-x@example.org", "partner-pass-1234")
    partner.groups.add(Group.objects.get_or_create(name="partners")[0])
    PartnerMembership.objects.create(user=partner, organisation=organisation)
    return InitiativeCheck.objects.create(initiative=club)


def through_the_pages(page, language):
    while page.locator("h1").inner_text() != RESULT[language]:
        page.locator("fieldset input[value=not-yet]").evaluate_all("radios => radios.forEach(r => r.checked = true)")
        page.locator("button[value=next]").click()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_participant_keeps_her_start_and_pairs_her_end_with_her_code(audited, axe_source, live_server, club, language):
    link = f"{live_server.url}/{language}/self-check/i/{club.token}/"
    audited.goto(link)
    found = {"link": serious_violations(audited, axe_source)}
    audited.locator("form:has(input[value=before]) button").click()
    through_the_pages(audited, language)
    found["result"] = serious_violations(audited, axe_source)
    audited.locator("#pair-consent").check()
    audited.locator("#selfcheck-pair-title ~ form button[type=submit]").click()
    code = audited.locator(".selfcheck-code strong").inner_text()
    assert Participation.objects.get().code == code
    found["code"] = serious_violations(audited, axe_source)
    audited.goto(link)
    audited.fill("#code-code", "WRONG1")
    audited.locator("form:has(#code-code) button").click()
    found["wrong code"] = serious_violations(audited, axe_source)
    audited.fill("#code-code", code.lower())
    audited.locator("form:has(#code-code) button").click()
    through_the_pages(audited, language)
    audited.locator("#pair-consent").check()
    audited.locator("#selfcheck-pair-title ~ form button[type=submit]").click()
    assert Participation.objects.get().after is not None
    assert found == {"link": [], "result": [], "code": [], "wrong code": []}


def test_the_partners_before_and_after_page_is_accessible_and_fits_a_phone(browser, axe_source, live_server, club):
    context = browser.new_context(viewport={"width": 360, "height": 780}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/partner/login/")
    page.get_by_label("Username").fill("partner-x")
    page.get_by_label("Password").fill("partner-pass-1234")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/en/self-check/partner/x-coding-club/")
    assert club.token in page.locator(".selfcheck-link").inner_text()
    assert serious_violations(page, axe_source) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
