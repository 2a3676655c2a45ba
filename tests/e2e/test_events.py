"""In a real browser: a partner submits an event, a moderator publishes it, the public finds it in the calendar and
the feed; the calendar, the map and the event page pass axe-core in Dutch, French and English."""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from icalendar import Calendar

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import PartnerMembership
from widmonitor.vocabularies.loader import load_vocabularies

from .conftest import serious_violations

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("WIDMONITOR_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture
def accounts(transactional_db, django_user_model, settings):
    load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
    organisation = Organisation(slug="org-x", name={"en": "Organisation X"}, original_language="en")
    organisation.save()
    save_initiative(
        Initiative(uid="x-coding-club", title={"en": "X coding club"}, original_language="en", moderation="published"),
        {"organisations": [organisation]},
        reason="Test record",
    )
    partners, _ = Group.objects.get_or_create(name="partners")
    partner = django_user_model.objects.create_user("partner-x", "partner-x@example.org", "partner-pass-1234")
    partner.groups.add(partners)
    PartnerMembership.objects.create(user=partner, organisation=organisation)
    django_user_model.objects.create_superuser("root", "root@example.org", "admin-pass-1234")


def submit_and_publish(browser, live_server):
    from playwright.sync_api import expect

    partner = browser.new_page(viewport={"width": 1280, "height": 900})
    partner.goto(f"{live_server.url}/en/partner/")
    partner.get_by_label("Username").fill("partner-x")
    partner.get_by_label("Password").fill("partner-pass-1234")
    partner.get_by_role("button", name="Log in").click()
    partner.get_by_role("link", name="Your events").click()
    partner.get_by_role("link", name="Submit an event").click()
    partner.get_by_label("Initiative").select_option(label="X coding club")
    partner.locator("input[name=title_en]").fill("Girls CTF in Namur")
    partner.get_by_label("Original language").select_option("en")
    partner.get_by_label("Starts").fill("2027-10-31T10:00")
    partner.get_by_label("Ends").fill("2027-10-31T16:00")
    partner.get_by_label("Municipality").fill("Namur")
    partner.get_by_label("Province").select_option("WNA")
    partner.get_by_label("girls", exact=True).check()
    partner.get_by_role("button", name="Submit for moderation").click()
    expect(partner.get_by_text("A moderator will review your event")).to_be_visible()
    expect(partner.get_by_role("cell", name="submitted")).to_be_visible()

    moderator = browser.new_page()
    moderator.goto(f"{live_server.url}/admin/events/event/?moderation__exact=submitted")
    moderator.get_by_label("Username").fill("root")
    moderator.get_by_label("Password").fill("admin-pass-1234")
    moderator.get_by_role("button", name="Log in").click()
    moderator.get_by_role("row", name="Girls CTF in Namur").get_by_role("checkbox").check()
    moderator.locator("select[name=action]").select_option("publish")
    moderator.locator("button[name=index]").click()
    expect(moderator.get_by_text("1 event published.")).to_be_visible()


def test_a_partner_submits_an_event_a_moderator_publishes_it_and_the_public_finds_it(browser, live_server, accounts):
    from playwright.sync_api import expect

    submit_and_publish(browser, live_server)
    public = browser.new_page(viewport={"width": 1280, "height": 900})
    public.goto(f"{live_server.url}/en/events/?month=2027-10")
    public.get_by_label("Namur", exact=True).check()
    public.get_by_role("button", name="Show events").click()
    link = public.get_by_role("link", name="Girls CTF in Namur")
    expect(link).to_be_visible()
    link.click()
    expect(public.get_by_text("Sunday 31 October 2027, 10:00–16:00")).to_be_visible()
    feed = public.request.get(f"{live_server.url}/en/events/feed.ics?month=2027-10&province=WNA")
    (entry,) = Calendar.from_ical(feed.body()).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Girls CTF in Namur"
    assert entry["DTSTART"].to_ical() == b"20271031T090000Z"  # winter time again that morning: UTC+1


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_calendar_the_map_and_the_event_page_pass_axe(browser, live_server, accounts, audited, axe_source, language):
    from widmonitor.events.models import Event

    submit_and_publish(browser, live_server)
    uid = Event.objects.get().uid
    for path in ("events/?month=2027-10", "events/map/?month=2027-10", f"events/{uid}/", "events/?month=2027-13"):
        audited.goto(f"{live_server.url}/{language}/{path}")
        assert audited.locator("html").get_attribute("lang") == language
        assert serious_violations(audited, axe_source) == [], path
        audited.keyboard.press("Tab")  # the skip link first: the page is usable from the keyboard
        assert audited.evaluate("document.activeElement.className") == "skip-link"
    for width, name in ((1280, "desktop"), (390, "phone")):
        audited.set_viewport_size({"width": width, "height": 900})
        audited.goto(f"{live_server.url}/{language}/events/?month=2027-10")
        assert audited.evaluate("document.documentElement.scrollWidth") <= width
        shot(audited, f"events-calendar-{language}-{width}")
        audited.goto(f"{live_server.url}/{language}/events/map/?month=2027-10")
        assert audited.evaluate("document.documentElement.scrollWidth") <= width
        shot(audited, f"events-map-{language}-{width}")
