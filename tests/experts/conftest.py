"""Experts (synthetic people, made up for the tests), their topics, and a client per role."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

from widmonitor.experts.models import ExpertProfile
from widmonitor.experts.topics import load_topics
from widmonitor.vocabularies.models import Term


@pytest.fixture
def topics(vocabularies):
    return load_topics(settings.DATA_DIR / "experts" / "topics.yaml")


def make_expert(username, name="Test Expert", consent=True, languages=("en",), topics=("cybersecurity",), region="brussels", **fields):
    """A synthetic expert with an account in the experts group; consenting unless ``consent`` is false."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pass-1234-pass")
    user.groups.add(Group.objects.get(name="experts"))
    expert = ExpertProfile.objects.create(
        user=user, name=name, region=Term.objects.get(vocabulary="region", code=region) if region else None, **fields
    )
    expert.languages.set(Term.objects.filter(vocabulary="language", code__in=languages))
    expert.topics.set(expert.topics.model.objects.filter(code__in=topics))
    if consent:
        expert.give_consent()
    return expert


def client_of(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def expert(topics):
    return make_expert("ann", name="Ann Expert", willing_to_speak=True)


@pytest.fixture
def expert_client(expert):
    return client_of(expert.user)


def account(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pass-1234-pass", **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def people(topics, django_user_model):
    """``{role: user}`` for the authorisation matrix (anonymous: None)."""
    return {
        "anonymous": None,
        "partner": account(django_user_model, "partner-x", "partners"),
        "moderator": account(django_user_model, "moderator", "moderators", is_staff=True),
        "administrator": django_user_model.objects.create_superuser("root", "root@example.org", "pass-1234-pass"),
        "another expert": make_expert("bea", name="Bea Other").user,
    }
