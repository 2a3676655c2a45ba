"""In a real browser: a partner submits an initiative, a moderator publishes it, the public finds it."""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from widmonitor.actors.models import Organisation
from widmonitor.partners.models import PartnerMembership

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("WIDMONITOR_SCREENSHOTS")  # a folder to keep screenshots in, to look at


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture
def accounts(transactional_db, django_user_model):
    organisation = Organisation(slug="org-x", name={"en": "Organisation X"}, original_language="en")
    organisation.save()
    partners, _ = Group.objects.get_or_create(name="partners")
    partner = django_user_model.objects.create_user("partner-x", "partner-x@example.org", "partner-pass-1234")
    partner.groups.add(partners)
    PartnerMembership.objects.create(user=partner, organisation=organisation)
    django_user_model.objects.create_superuser("root", "root@example.org", "admin-pass-1234")


def test_a_partner_submits_a_moderator_publishes_and_the_public_finds_it(browser, live_server, accounts):
    from playwright.sync_api import expect

    partner = browser.new_page(viewport={"width": 1280, "height": 900})
    partner.goto(f"{live_server.url}/en/partner/")
    partner.get_by_label("Username").fill("partner-x")
    partner.get_by_label("Password").fill("partner-pass-1234")
    partner.get_by_role("button", name="Log in").click()
    expect(partner.get_by_role("heading", name="Partner pages")).to_be_visible()
    partner.get_by_role("link", name="Submit a new initiative").click()
    partner.get_by_label("English (en)").first.fill("Robot club for girls")
    partner.get_by_label("Original language").select_option("en")
    partner.get_by_label("Organisation X").check()
    shot(partner, "partner-submit-form")
    partner.get_by_role("button", name="Submit for moderation").click()
    expect(partner.get_by_text("A moderator will review your initiative")).to_be_visible()
    expect(partner.get_by_role("cell", name="submitted")).to_be_visible()
    shot(partner, "partner-home")

    moderator = browser.new_page()
    moderator.goto(f"{live_server.url}/admin/initiatives/initiative/?moderation__exact=submitted")
    moderator.get_by_label("Username").fill("root")
    moderator.get_by_label("Password").fill("admin-pass-1234")
    moderator.get_by_role("button", name="Log in").click()
    moderator.get_by_role("row", name="Robot club for girls").get_by_role("checkbox").check()
    moderator.locator("select[name=action]").select_option("publish")
    moderator.locator("button[name=index]").click()  # "Go"
    expect(moderator.get_by_text("1 initiative published.")).to_be_visible()

    public = browser.new_page()
    public.goto(f"{live_server.url}/en/initiatives/?q=robot")
    expect(public.get_by_role("link", name="Robot club for girls")).to_be_visible()


def test_the_partner_pages_fit_a_phone(phone, live_server, accounts):
    phone.goto(f"{live_server.url}/en/partner/login/")
    phone.get_by_label("Username").fill("partner-x")
    phone.get_by_label("Password").fill("partner-pass-1234")
    phone.get_by_role("button", name="Log in").click()
    phone.goto(f"{live_server.url}/en/partner/initiatives/new/")
    shot(phone, "partner-submit-phone")

    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
