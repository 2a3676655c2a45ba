"""Mentoring in a real browser, in nl, fr and en: a mentor and a mentee apply and confirm, the matcher runs, adjusts and
confirms, both accept; every page on the way has no serious axe-core violation."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from widmonitor.actors.models import Organisation
from widmonitor.experts.topics import load_topics
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.mentoring.models import Cycle, Matcher, Pair, Programme
from widmonitor.vocabularies.loader import load_vocabularies

from .conftest import serious_violations

APPLIED = {"nl": "Controleer uw e-mail", "fr": "Consultez vos e-mails", "en": "Check your e-mail"}


@pytest.fixture
def cycle(transactional_db, django_user_model):
    """A programme of a published initiative, an open cycle, and its matcher (synthetic, made up for the test)."""
    load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
    load_topics(settings.DATA_DIR / "experts" / "topics.yaml")
    organisation = Organisation(slug="org-m", name={"en": "Organisation M"}, original_language="en")
    organisation.save()
    initiative = save_initiative(
        Initiative(uid="m-mentoring", title={"en": "M mentoring"}, original_language="en", moderation="published"),
        {"organisations": [organisation]},
        reason="Test record",
    )
    programme = Programme.objects.create(initiative=initiative, name="Programme M")
    today = timezone.localdate()
    matcher = django_user_model.objects.create_user("matcher", "matcher@example.org", "matcher-pass-1234")
    matcher.groups.add(Group.objects.get_or_create(name="partners")[0])  # a transactional test empties the tables
    Matcher.objects.create(user=matcher, programme=programme)
    return Cycle.objects.create(
        programme=programme, name="Spring", opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=20),
        matching_on=today + timedelta(days=21),
    )


def path_of(link):
    """The path of a link in an e-mail (made with the site's address, not the live server's)."""
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def last_link_to(sent_mail, address):
    message = [m for m in sent_mail() if m.to == [address]][-1]
    return path_of(re.search(r"https?://\S+", message.body).group(0))


def apply(page, base, cycle, role, name, language, found, axe_source, sent_mail):
    page.goto(f"{base}/{language}/mentoring/cycles/{cycle.pk}/apply/{role}/")
    found[f"{role} form"] = serious_violations(page, axe_source)
    page.fill("#id_name", name)
    page.fill("#id_email", f"{name.lower()}@example.org")
    for value in ("en", language):
        page.check(f"input[name=languages][value={value}]")
    page.check("input[name=topics][value=cybersecurity]")
    page.select_option("#id_province", "liege")
    if role == "mentor":
        page.select_option("#id_capacity", "2")
    page.check("#id_consent")
    page.locator("main form button[type=submit]").click()
    assert page.locator("h1").inner_text() == APPLIED[language]
    found[f"{role} applied"] = serious_violations(page, axe_source)
    page.goto(base + last_link_to(sent_mail, f"{name.lower()}@example.org"))
    found["confirmation"] = serious_violations(page, axe_source)
    page.locator("main form button[type=submit]").click()
    found["her page"] = serious_violations(page, axe_source)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_mentor_and_a_mentee_apply_the_matcher_adjusts_and_confirms_and_both_accept(
    audited, axe_source, live_server, cycle, language, sent_mail
):
    base, found = live_server.url, {}
    apply(audited, base, cycle, "mentee", "Mia", language, found, axe_source, sent_mail)
    apply(audited, base, cycle, "mentor", "Mona", language, found, axe_source, sent_mail)

    audited.goto(f"{base}/{language}/partner/login/")
    audited.fill("input[name=username]", "matcher")
    audited.fill("input[name=password]", "matcher-pass-1234")
    audited.locator("main form button[type=submit]").click()
    audited.goto(f"{base}/{language}/partner/mentoring/programmes/{cycle.programme.pk}/")
    audited.locator("details summary").first.click()  # the form to add a cycle, opened
    found["the programme's page"] = serious_violations(audited, axe_source)
    audited.goto(f"{base}/{language}/partner/mentoring/cycles/{cycle.pk}/")
    found["matcher, before a run"] = serious_violations(audited, axe_source)
    audited.locator("#run-matching").click()
    assert audited.locator(".mentoring-proposal tbody tr").count() == 1
    found["matcher, a proposal"] = serious_violations(audited, axe_source)
    audited.locator(".mentoring-proposal button[value=fix]").click()  # she fixes the pair: run 2 keeps it
    assert audited.locator(".mentoring-proposal button[value=unfix]").count() == 1
    audited.locator("#confirm-run").click()
    found["matcher, confirmed"] = serious_violations(audited, axe_source)
    pair = Pair.objects.get()
    assert (pair.run.version, pair.mentee.profile.name, pair.mentor.profile.name) == (2, "Mia", "Mona")

    for name in ("mia", "mona"):
        audited.goto(base + last_link_to(sent_mail, f"{name}@example.org"))
        found[f"{name}'s match"] = serious_violations(audited, axe_source)
        audited.locator("button[value=accept]").click()
    pair.refresh_from_db()
    assert pair.status == Pair.Status.ACTIVE
    found["a running pair"] = serious_violations(audited, axe_source)
    assert {page: problems for page, problems in found.items() if problems} == {}
