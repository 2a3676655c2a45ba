"""Two programmes (A and B) of two initiatives, a cycle of each, synthetic mentors and mentees, and a client per role."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from widmonitor.experts.topics import load_topics
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.mentoring.consent import POOL
from widmonitor.mentoring.models import Cycle, Matcher, Profile, Programme

from ..partners.conftest import account, client_of, make_organisation

TODAY = date(2026, 12, 7)


@pytest.fixture
def topics(vocabularies):
    return load_topics(settings.DATA_DIR / "experts" / "topics.yaml")


def make_programme(uid, name, organisation):
    initiative = save_initiative(
        Initiative(uid=uid, title={"en": f"{name} initiative"}, original_language="en", moderation="published"),
        {"organisations": [organisation]},
        reason="Test record",
    )
    return Programme.objects.create(initiative=initiative, name=name)


def make_cycle(programme, name="Spring", opens=None, open_applications=True):
    opens = opens or timezone.localdate() - timedelta(days=10)
    return Cycle.objects.create(
        programme=programme, name=name, opens_on=opens, closes_on=opens + timedelta(days=30),
        matching_on=opens + timedelta(days=35), open_applications=open_applications,
    )


@pytest.fixture
def programmes(topics):
    org_a, org_b = make_organisation("org-a", "Organisation A"), make_organisation("org-b", "Organisation B")
    return make_programme("a-mentoring", "Programme A", org_a), make_programme("b-mentoring", "Programme B", org_b)


@pytest.fixture
def cycles(programmes):
    return make_cycle(programmes[0]), make_cycle(programmes[1])


def applicant(cycle, role, name, languages=("fr",), topics=("cybersecurity",), capacity=None, pool=False, gender="woman",
              age_band="26-45", confirmed=True, **fields):
    """A synthetic mentor or mentee who applied to ``cycle``, consented, and (by default) confirmed her address."""
    profile = Profile.objects.create(
        role=role, name=name, email=f"{name.lower().replace(' ', '.')}@example.org", language=fields.pop("language", "fr"),
        topics=list(topics), languages=list(languages), province=fields.pop("province", "liege"),
        capacity=capacity if capacity is not None else (1 if role == "mentor" else 0), **fields,
    )
    profile.give_consent()
    if pool:
        profile.give_consent(POOL)
    if confirmed:
        profile.confirm()
    profile.participations.create(cycle=cycle, role=role, gender=gender, age_band=age_band)
    return profile


@pytest.fixture
def people(cycles, django_user_model):
    """``{role: user}`` for the authorisation matrix; mentors and mentees have no account (anonymous: None)."""
    a, _b = cycles
    matcher = account(django_user_model, "matcher-a", "partners")
    Matcher.objects.create(user=matcher, programme=a.programme)
    return {
        "anonymous": None,
        "partner": account(django_user_model, "partner", "partners"),
        "matcher of A": matcher,
        "moderator": account(django_user_model, "moderator", "moderators", is_staff=True),
        "administrator": django_user_model.objects.create_superuser("root", "root@example.org", "pass-1234-pass"),
    }


@pytest.fixture
def matcher_client(people):
    return client_of(people["matcher of A"])
