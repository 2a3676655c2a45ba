"""A withdrawn profile is erased after WIDMONITOR_EXPERT_ERASE_DAYS: personal fields, history rows and account."""

import json
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from widmonitor.experts.models import ExpertProfile, erase_withdrawn
from widmonitor.settings import envint

from .conftest import make_expert

PAYLOAD_FIELDS = {"title": "Data scientist", "organisation_name": "Synthetic Lab", "bio": "A synthetic bio.", "links": "https://example.org/ann"}


@pytest.fixture
def withdrawn(topics, settings):
    """An expert who withdrew her consent 31 days ago, with an edit in her history."""
    settings.EXPERT_ERASE_DAYS = 30
    expert = make_expert("fay", name="Fay Withdrawn", **PAYLOAD_FIELDS)
    expert.bio = "An edited synthetic bio."
    expert.save()
    expert.withdraw_consent()
    expert.consents.update(withdrawn_at=timezone.now() - timedelta(days=31))
    return expert


def test_a_profile_withdrawn_longer_ago_than_the_delay_is_erased(withdrawn):
    user_pk = withdrawn.user.pk
    assert withdrawn.history.count() >= 2

    assert erase_withdrawn() == 1

    erased = ExpertProfile.objects.get(pk=withdrawn.pk)
    assert erased.erased_at is not None
    assert [getattr(erased, name) for name in ("name", "title", "organisation_name", "bio", "links")] == [""] * 5
    assert erased.user is None and erased.region is None
    assert not erased.topics.exists() and not erased.languages.exists()
    assert not ExpertProfile.history.filter(id=withdrawn.pk).exists()
    assert not get_user_model().objects.filter(pk=user_pk).exists()
    assert erased.consents.count() == 1  # the consent events stay, without personal data


def test_nothing_of_the_profile_is_left_to_find_in_the_history(withdrawn):
    erase_withdrawn()

    assert not ExpertProfile.history.filter(name="Fay Withdrawn").exists()
    assert not ExpertProfile.history.filter(bio__contains="synthetic bio").exists()


def test_a_profile_withdrawn_more_recently_is_kept(withdrawn):
    withdrawn.consents.update(withdrawn_at=timezone.now() - timedelta(days=29))

    assert erase_withdrawn() == 0
    assert ExpertProfile.objects.get(pk=withdrawn.pk).name == "Fay Withdrawn"


def test_consenting_again_cancels_the_erasure(withdrawn):
    withdrawn.give_consent()

    assert erase_withdrawn() == 0
    assert withdrawn in ExpertProfile.objects.public()


def test_a_profile_that_never_consented_is_not_erased(topics, settings):
    settings.EXPERT_ERASE_DAYS = 0
    make_expert("gina", consent=False)

    assert erase_withdrawn() == 0


def test_the_delay_follows_the_setting(withdrawn, settings):
    settings.EXPERT_ERASE_DAYS = 60

    assert erase_withdrawn() == 0
    assert withdrawn.erase_due_on().date() == (timezone.now() - timedelta(days=31) + timedelta(days=60)).date()


def test_an_account_that_is_also_a_partner_keeps_its_account_and_loses_the_experts_group(withdrawn):
    from django.contrib.auth.models import Group

    user = withdrawn.user
    user.groups.add(Group.objects.get(name="partners"))

    erase_withdrawn()

    user.refresh_from_db()
    assert list(user.groups.values_list("name", flat=True)) == ["partners"]


def test_the_command_erases_and_says_how_many(withdrawn, capsys):
    call_command("erase_withdrawn_experts")

    assert capsys.readouterr().out.strip() == "Erased 1 expert profile(s) withdrawn more than 30 days ago."


@pytest.mark.parametrize("value", ["-1", "thirty", "1.5"])
def test_the_delay_setting_must_be_a_whole_number(monkeypatch, value):
    monkeypatch.setenv("WIDMONITOR_EXPERT_ERASE_DAYS", value)

    with pytest.raises(ImproperlyConfigured, match="WIDMONITOR_EXPERT_ERASE_DAYS must be a whole number of at least 0"):
        envint("WIDMONITOR_EXPERT_ERASE_DAYS", "30")


def test_the_delay_setting_defaults_to_30_days(monkeypatch):
    monkeypatch.delenv("WIDMONITOR_EXPERT_ERASE_DAYS", raising=False)

    assert envint("WIDMONITOR_EXPERT_ERASE_DAYS", "30") == 30


def log_entry(by, about, text, message=""):
    return LogEntry.objects.create(
        user=by, content_type=ContentType.objects.get_for_model(about), object_id=str(about.pk), object_repr=text,
        action_flag=CHANGE, change_message=message,
    )


def test_her_name_and_address_leave_the_back_office_log(withdrawn, people):
    ExpertProfile.objects.filter(pk=withdrawn.pk).update(name="Zoë Withdrawn")
    moderator, consent = people["moderator"], withdrawn.consents.get()
    about_her = [
        log_entry(moderator, withdrawn, "Zoë Withdrawn", json.dumps([{"changed": {"fields": ["Name"]}}])),
        log_entry(moderator, withdrawn, "Zoë Withdrawn", json.dumps([{"added": {"name": "consent", "object": "Consent of Zoë Withdrawn, 2025-01-01"}}])),
        log_entry(moderator, consent, "Consent of Zoë Withdrawn, 2025-01-01"),
        log_entry(moderator, withdrawn.user, "fay", json.dumps([{"changed": {"fields": ["Email address"]}}])),
    ]
    elsewhere = log_entry(moderator, moderator, "moderator", "Asked fay@example.org about the panel.")

    erase_withdrawn()

    label = f"erased profile #{withdrawn.pk}"
    assert [(entry.object_repr, entry.change_message) for entry in LogEntry.objects.filter(pk__in=[e.pk for e in about_her]).order_by("pk")] == [
        (label, '[{"changed": {"fields": ["Name"]}}]'),
        (label, f'[{{"added": {{"name": "consent", "object": "Consent of {label}, 2025-01-01"}}}}]'),
        (label, ""),
        (label, '[{"changed": {"fields": ["Email address"]}}]'),
    ]
    assert LogEntry.objects.get(pk=elsewhere.pk).change_message == f"Asked {label} about the panel."
    everything = " ".join(f"{entry.object_repr} {entry.change_message}" for entry in LogEntry.objects.all())
    assert "Zo" not in everything and "fay@example.org" not in everything


def test_her_logins_leave_the_login_throttle_log(withdrawn, people):
    her_browser, other = Client(REMOTE_ADDR="198.51.100.23"), Client(REMOTE_ADDR="198.51.100.24")
    login = reverse("experts:login")
    her_browser.post(login, {"username": "fay", "password": "pass-1234-pass"})
    her_browser.post(login, {"username": "FAY@example.org", "password": "a-typo"})
    other.post(login, {"username": "bea", "password": "a-typo"})
    assert AccessLog.objects.filter(username="fay").exists() and AccessAttempt.objects.filter(username="FAY@example.org").exists()

    erase_withdrawn()

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert not model.objects.filter(ip_address="198.51.100.23").exists(), model.__name__
    assert AccessAttempt.objects.filter(username="bea", ip_address="198.51.100.24").exists()
