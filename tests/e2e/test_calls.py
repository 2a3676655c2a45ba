"""A call for projects in a real browser: an organisation applies, two reviewers score, the manager decides, the
public sees the funded project; axe-clean on every page of calls in nl, fr and en.

The call is an example made up for the tests, not a real call.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from widmonitor.actors.models import Organisation
from widmonitor.calls.models import Application, Call, CallRole, Criterion, Score
from widmonitor.partners.models import PartnerMembership
from widmonitor.strategy.loader import load_strategy
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.loader import load_vocabularies
from widmonitor.vocabularies.models import Term

from .conftest import serious_violations

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("WIDMONITOR_SCREENSHOTS")  # a folder to keep screenshots in, to look at
PASSWORD = "pass-1234-pass"


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture
def expect():
    from playwright.sync_api import expect

    return expect


@pytest.fixture
def world(transactional_db, django_user_model):
    load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
    load_strategy(settings.CONFIG_DIR / "strategies" / "belgium-wid-2021.yaml")
    now = timezone.now()
    call = Call.objects.create(
        slug="example-call", title={"en": "Example call (made up for the tests)", "nl": "Voorbeeldoproep (verzonnen voor de tests)", "fr": "Appel d'exemple (inventé pour les tests)"},
        description={"en": "Not a real call."}, original_language="en", budget=1_000_000, min_grant=50_000, max_grant=500_000,
        opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1), published=True, gap_weight=20,
    )  # fmt: skip
    call.sub_objectives.set(Objective.objects.current().filter(code__in=["1.3", "2.1"]))
    Criterion.objects.create(call=call, position=1, name={"en": "Reach among women"}, guidance={"en": "0: none; 5: most"}, weight=60)
    Criterion.objects.create(call=call, position=2, name={"en": "Feasibility"}, guidance={"en": "0: unclear; 5: solid"}, weight=40)
    organisation = Organisation(slug="org-x", name={"en": "Organisation X"}, original_language="en")
    organisation.save()
    partners, _ = Group.objects.get_or_create(name="partners")
    people = {}
    for name in ("partner-x", "reviewer-1", "reviewer-2", "manager"):
        people[name] = django_user_model.objects.create_user(name, f"{name}@example.org", PASSWORD)
    people["partner-x"].groups.add(partners)
    PartnerMembership.objects.create(user=people["partner-x"], organisation=organisation)
    for name in ("reviewer-1", "reviewer-2"):
        CallRole.objects.create(user=people[name], call=call, role=CallRole.Role.REVIEWER)
    CallRole.objects.create(user=people["manager"], call=call, role=CallRole.Role.MANAGER)
    return {"call": call, "organisation": organisation, "people": people}


def log_in(page, url, username):
    page.goto(url)  # the login page, which comes back to ``url``
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(url)


def test_an_organisation_applies_two_reviewers_score_and_the_manager_decides(browser, live_server, world, expect, sent_mail):
    base = f"{live_server.url}/en"
    applicant = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(applicant, f"{base}/partner/calls/", "partner-x")
    applicant.get_by_role("link", name="Start an application").click()
    applicant.locator("select[name=organisation]").select_option(label="Organisation X")
    applicant.get_by_label("Project title").fill("Robot clubs for girls in libraries")
    applicant.get_by_label("Language of the application").select_option("en")
    applicant.get_by_label("Project description").fill("Weekly robot clubs in ten libraries.")
    applicant.get_by_label("Amount requested (euros)").fill("120000")
    applicant.get_by_label("1.3", exact=False).first.check()
    applicant.get_by_label("girls", exact=True).check()
    applicant.get_by_label("Wallonia").check()
    applicant.get_by_label("Expected participants").fill("600")
    applicant.get_by_label("Of whom women and girls").fill("450")
    applicant.get_by_role("button", name="Save the draft").click()
    expect(applicant.get_by_text("Your draft is saved.")).to_be_visible()
    applicant.get_by_role("button", name="Submit the application").click()
    expect(applicant.get_by_text("Your application is submitted.")).to_be_visible()
    application = Application.objects.get()
    assert application.status == "submitted" and application.history.count() == 3  # two saves, then submitted

    for reviewer, values in (("reviewer-1", ("4", "3")), ("reviewer-2", ("2", "5"))):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        log_in(page, f"{base}/calls/example-call/review/", reviewer)
        page.get_by_role("link", name="Robot clubs for girls in libraries").click()
        expect(page.get_by_role("heading", name="Gaps it would fill")).to_be_visible()
        fields = page.locator("input[type=number]")
        fields.nth(0).fill(values[0])
        fields.nth(1).fill(values[1])
        page.get_by_label("Comment on “Reach among women”").fill(f"Comment of {reviewer}")
        page.get_by_role("button", name="Save my scores").click()
        expect(page.get_by_text("Your scores are saved.")).to_be_visible()
        page.close()
    assert Score.objects.count() == 4

    world["call"].closes_at = timezone.now()  # the deadline passes: the manager decides
    world["call"].save()
    manager = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(manager, f"{base}/calls/example-call/ranking/", "manager")
    expect(manager.get_by_text("2–4, sd 1.00, 2 scores")).to_be_visible()
    expect(manager.get_by_text("Comment of reviewer-2")).to_be_visible()
    manager.get_by_label("funded", exact=True).check()
    manager.get_by_label("Amount granted (euros)").fill("100000")
    manager.get_by_label("Reasons").fill("Fills a gap in Wallonia.")
    manager.get_by_role("button", name="Record the decision").click()
    expect(manager.get_by_text("The applicant is told by e-mail.")).to_be_visible()
    assert [m.subject for m in sent_mail()] == ["Your application “Robot clubs for girls in libraries” is funded"]
    assert Application.objects.get().initiative.moderation == "submitted"

    public = browser.new_page()
    public.goto(f"{base}/calls/funded/")
    expect(public.get_by_role("cell", name="Robot clubs for girls in libraries")).to_be_visible()
    expect(public.get_by_role("cell", name="100,000")).to_be_visible()


@pytest.fixture
def reviewed(world):
    """A submitted application scored by both reviewers (one criterion left by the second), straight in the database."""
    call, organisation, people = world["call"], world["organisation"], world["people"]
    application = Application.objects.create(
        call=call, organisation=organisation, created_by=people["partner-x"], title="Robot clubs for girls in libraries", language="en",
        summary="Weekly robot clubs in ten libraries.", budget=120000, expected_participants=600, expected_women=450,
        status="submitted", submitted_at=timezone.now(),
    )  # fmt: skip
    application.sub_objectives.set(call.sub_objectives.all())
    application.audiences.set(Term.objects.filter(vocabulary="audience", code__in=["girls", "age-12-18"]))
    application.regions.set(Term.objects.filter(vocabulary="region", code__in=["wallonia", "brussels"]))
    criteria = list(call.criteria.all())
    for reviewer, values in (("reviewer-1", (4, 3)), ("reviewer-2", (2,))):
        for criterion, value in zip(criteria, values):
            Score.objects.create(application=application, criterion=criterion, reviewer=people[reviewer], value=value, comment="Clear plan.")
    return application


def pages_of(role, application):
    if role == "partner-x":
        return ["/partner/calls/", "/partner/calls/example-call/apply/", f"/partner/calls/applications/{application.pk}/"]
    if role == "reviewer-1":
        return ["/calls/example-call/review/", f"/calls/example-call/review/{application.pk}/"]
    if role == "manager":
        return ["/calls/example-call/ranking/"]
    return ["/calls/", "/calls/example-call/", "/calls/funded/"]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_every_page_of_calls_has_no_serious_accessibility_violation(browser, axe_source, live_server, reviewed, language):
    found = {}
    for role in ("anonymous", "partner-x", "reviewer-1", "manager"):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        page = context.new_page()
        paths = pages_of(role, reviewed)
        if role != "anonymous":
            log_in(page, f"{live_server.url}/{language}{paths[0]}", role)
        for path in paths:
            response = page.goto(f"{live_server.url}/{language}{path}")
            assert response.status == 200, path
            found[path] = serious_violations(page, axe_source)
        context.close()
    assert found == {path: [] for path in found}


@pytest.mark.parametrize("width", [1280, 390])
def test_the_reviewers_and_managers_pages_fit_the_screen(browser, live_server, reviewed, width):
    for role, path, name in (
        ("reviewer-1", f"/en/calls/example-call/review/{reviewed.pk}/", "calls-reviewer"),
        ("manager", "/en/calls/example-call/ranking/", "calls-manager"),
    ):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        log_in(page, f"{live_server.url}{path}", role)
        shot(page, f"{name}-{width}")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        context.close()
