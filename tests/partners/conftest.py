"""Two organisations, a record of each, a partner for each, a moderator and an administrator: each with a client."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import PartnerMembership


def make_organisation(slug, name):
    organisation = Organisation(slug=slug, name={"en": name}, original_language="en")
    organisation.save()
    return organisation


@pytest.fixture
def organisations(db):
    return make_organisation("org-x", "Organisation X"), make_organisation("org-y", "Organisation Y")


@pytest.fixture
def records(organisations):
    """A published record of X and a draft record of Y."""
    org_x, org_y = organisations
    x = save_initiative(
        Initiative(uid="x-coding-club", title={"en": "X coding club"}, original_language="en", moderation="published"),
        {"organisations": [org_x]},
        reason="Test record",
    )
    y = save_initiative(
        Initiative(uid="y-draft", title={"en": "Y draft"}, original_language="en", moderation="draft"),
        {"organisations": [org_y]},
        reason="Test record",
    )
    return x, y


def account(django_user_model, username, group=None, organisation=None, **extra):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pass-1234-pass", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if organisation:
        PartnerMembership.objects.create(user=user, organisation=organisation)
    return user


def client_of(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def people(organisations, django_user_model):
    """``{role: user}`` for every role of the authorisation matrix (anonymous: None)."""
    org_x, org_y = organisations
    return {
        "anonymous": None,
        "partner of X": account(django_user_model, "partner-x", "partners", org_x),
        "partner of Y": account(django_user_model, "partner-y", "partners", org_y),
        "moderator": account(django_user_model, "moderator", "moderators", is_staff=True),
        "administrator": django_user_model.objects.create_superuser("root", "root@example.org", "pass-1234-pass"),
    }


@pytest.fixture
def partner_x(people):
    return client_of(people["partner of X"])


@pytest.fixture
def moderator_client(people):
    return client_of(people["moderator"])


def initiative_form(organisation, title="A new club", **extra):
    """POST data of the partner's initiative form, for ``organisation``."""
    return {
        "title_nl": "",
        "title_fr": "",
        "title_en": title,
        "summary_en": "Free lessons.",
        "original_language": "en",
        "organisations": [organisation.pk],
        "starts": "2025",
        "ends": "",
        "url": "https://example.org",
        **extra,
    }
