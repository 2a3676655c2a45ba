"""axe-core finds no serious or critical violation on any public page type, in nl, fr and en."""

import pytest

from widmonitor.sitepages.loader import load_site_pages

from .conftest import serious_violations


@pytest.fixture
def site_pages(db):
    return load_site_pages()

PAGES = [
    "/{lang}/",
    "/{lang}/initiatives/",
    "/{lang}/initiatives/?q=zzzz",
    "/{lang}/initiatives/?q=progammeren",  # "did you mean"
    "/{lang}/initiatives/?audience=women&region=wallonia",
    "/{lang}/initiatives/mentoring-network/",
    "/{lang}/strategy/",
    "/{lang}/strategy/1/",
    "/{lang}/strategy/1.2/",
    "/{lang}/organisations/nobody/",
    "/{lang}/coverage/",
    "/{lang}/reach/",
    "/{lang}/finder/",
    "/{lang}/finder/?situation=job-seeker&free=on",
    "/{lang}/partner/login/",
    "/{lang}/about/",
    "/{lang}/privacy/",
    "/{lang}/accessibility/",
    "/{lang}/licence/",
    "/{lang}/no-such-page/",
]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_no_serious_or_critical_violation_on_any_public_page(
    audited, axe_source, live_server, fictional_registry, site_pages, language
):
    found = {}
    for template in PAGES:
        url = template.format(lang=language)
        audited.goto(live_server.url + url)
        serious = serious_violations(audited, axe_source)
        if serious:
            found[url] = serious
    assert found == {}


PARTNER_PAGES = [
    "/{lang}/partner/",
    "/{lang}/partner/initiatives/new/",
    "/{lang}/partner/initiatives/mentoring-network/propose/",
    "/{lang}/partner/password-reset/",
    "/{lang}/partner/events/",
    "/{lang}/partner/events/new/",
    "/{lang}/partner/events/upload/",
    "/{lang}/partner/calls/",
    "/{lang}/partner/mentoring/",
    "/{lang}/self-check/partner/mentoring-network/",
]


@pytest.fixture
def partner_of_the_mentoring_network(fictional_registry, django_user_model):
    from django.contrib.auth.models import Group

    from widmonitor.actors.models import Organisation
    from widmonitor.initiatives.models import Initiative
    from widmonitor.partners.models import PartnerMembership

    organisation = Organisation(slug="org-m", name={"en": "Mentoring organisation"}, original_language="en")
    organisation.save()
    Initiative.objects.get(uid="mentoring-network").organisations.add(organisation)
    partner = django_user_model.objects.create_user("partner-m", "partner-m@example.org", "partner-pass-1234")
    partner.groups.add(Group.objects.get_or_create(name="partners")[0])
    PartnerMembership.objects.create(user=partner, organisation=organisation)
    return partner


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_no_serious_or_critical_violation_on_the_partner_pages(audited, axe_source, live_server, partner_of_the_mentoring_network, language):
    audited.goto(f"{live_server.url}/{language}/partner/login/")
    audited.locator("#id_username").fill("partner-m")
    audited.locator("#id_password").fill("partner-pass-1234")
    audited.locator("form button[type=submit], form input[type=submit]").last.click()
    audited.wait_for_url(f"{live_server.url}/{language}/partner/")
    found = {}
    for template in PARTNER_PAGES:
        url = template.format(lang=language)
        response = audited.goto(live_server.url + url)
        assert response.status == 200, url
        serious = serious_violations(audited, axe_source)
        if serious:
            found[url] = serious
    assert found == {}


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_partner_pages_fit_a_phone_screen(audited, live_server, partner_of_the_mentoring_network, language):
    audited.set_viewport_size({"width": 390, "height": 800})
    audited.goto(f"{live_server.url}/{language}/partner/login/")
    audited.locator("#id_username").fill("partner-m")
    audited.locator("#id_password").fill("partner-pass-1234")
    audited.locator("form button[type=submit], form input[type=submit]").last.click()
    audited.wait_for_url(f"{live_server.url}/{language}/partner/")
    wide = {}
    for template in PARTNER_PAGES:
        audited.goto(live_server.url + template.format(lang=language))
        width = audited.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[template] = width
    assert wide == {}
