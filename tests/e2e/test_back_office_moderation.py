"""In a real browser at 1280 px: the moderator's dashboard, a proposal's diff with its buttons, and the proposal queue
showing its status and moderation columns without scrolling sideways, long titles and addresses included."""

import pytest
from django.contrib.auth.models import Group, Permission

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import PartnerMembership, Proposal

from .test_partner_submits_moderator_publishes import shot

pytestmark = pytest.mark.e2e
LONG_TITLE = "Highlighting female role models and contributing to InspiringFifty and Women in Big Data"
LONG_ADDRESS = "katrien.vandenbroucke-dewilde@digitale-inclusie.example.be"  # invited partners' user names are their addresses

# every header of the queue's table that ends right of the table's visible box, and whether the box scrolls sideways
OUTSIDE = """() => {
  const box = document.querySelector('#changelist .results');
  const right = box.getBoundingClientRect().right;
  const out = [...box.querySelectorAll('thead th')].filter(th => th.getBoundingClientRect().right > right + 1).map(th => th.className);
  return {out, scrolls: box.scrollWidth > box.clientWidth, columns: [...box.querySelectorAll('thead th')].map(th => th.className)};
}"""


def moderators():
    """The group as its migrations make it, for what these tests do (a transactional test starts from an empty database)."""
    group, _created = Group.objects.get_or_create(name="moderators")
    codenames = ["view_proposal", "change_proposal", "view_initiative", "change_initiative", "view_outcome", "change_outcome", "add_edition", "view_edition"]
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    return group


@pytest.fixture
def queue(transactional_db, django_user_model):
    organisation = Organisation(slug="org-x", name={"en": "Organisation X"}, original_language="en")
    organisation.save()
    record = Initiative(uid="role-models", title={"en": LONG_TITLE, "nl": "Vrouwelijke rolmodellen in de kijker"}, original_language="en", moderation="published")
    save_initiative(record, {"organisations": [organisation]}, None, "Test record")
    partner = django_user_model.objects.create_user(LONG_ADDRESS, LONG_ADDRESS, "partner-pass-1234")
    partner.groups.add(Group.objects.get_or_create(name="partners")[0])
    PartnerMembership.objects.create(user=partner, organisation=organisation)
    moderator = django_user_model.objects.create_user("moderator", "moderator@example.org", "moderator-pass-1234", is_staff=True)
    moderator.groups.add(moderators())
    title = {"en": LONG_TITLE + " events", "nl": "Vrouwelijke rolmodellen in de schijnwerpers"}
    pending = Proposal.objects.create(initiative=record, author=partner, data={"title": title, "url": "https://example.org/role-models"}, seen_version=record.version)
    rejected = Proposal.objects.create(initiative=record, author=partner, data={"url": "https://example.org/old"}, seen_version=record.version)
    rejected.reject(moderator, "Not the initiative's address.")
    return pending


def log_in(page, live_server, path):
    page.goto(f"{live_server.url}{path}")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("moderator-pass-1234")
    page.get_by_role("button", name="Log in").click()


def test_the_proposal_queue_shows_status_and_moderation_without_scrolling_at_1280_px(page, live_server, queue):
    log_in(page, live_server, "/admin/partners/proposal/")

    page.wait_for_selector("#changelist .results")
    found = page.evaluate(OUTSIDE)

    shot(page, "moderator-proposal-list")
    assert {"column-status", "column-moderation"} <= {word for name in found["columns"] for word in name.split()}
    assert found["out"] == [] and not found["scrolls"]


def test_a_moderator_reads_the_diff_and_accepts_from_the_proposal_page(page, live_server, queue):
    from playwright.sync_api import expect

    log_in(page, live_server, "/admin/")
    shot(page, "moderator-dashboard")
    page.get_by_role("link", name=f"Proposal #{queue.pk}: {LONG_TITLE}").click()
    expect(page.locator(".wm-diff ins").first).to_have_text("added: schijnwerpers (end of addition)")  # Dutch, then English
    expect(page.locator(".wm-diff ins").nth(1)).to_have_text("added: events (end of addition)")
    assert page.locator(".wm-diff del").first.evaluate("node => getComputedStyle(node).textDecorationLine") == "line-through"
    assert page.locator(".wm-diff ins").first.evaluate("node => getComputedStyle(node).textDecorationLine") == "underline"
    shot(page, "moderator-proposal-diff")

    page.get_by_role("button", name="Accept: apply it to the record").click()

    expect(page.get_by_text(f"Proposal #{queue.pk} is accepted: the record shows it.")).to_be_visible()
    assert Initiative.objects.get(uid="role-models").url == "https://example.org/role-models"
