"""Nothing about an expert is public without her recorded consent; withdrawing hides her at once."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from widmonitor.experts.consent import CURRENT_WORDING
from widmonitor.experts.models import Consent, ExpertProfile

from .conftest import make_expert

PANEL = {"women": 0, "men": 3, "non_binary": 0, "not_stated": 0, "topics": ["cybersecurity"], "language": "en"}


def shown_everywhere(client, expert):
    """Whether ``expert`` appears in the directory, on her profile page and among the panel check's suggestions."""
    directory = client.get(reverse("experts:directory")).content.decode()
    profile = client.get(reverse("experts:profile", args=[expert.pk]))
    suggestions = client.get(reverse("panels:check"), PANEL).content.decode()
    return expert.name in directory, profile.status_code == 200, expert.name in suggestions


def test_a_profile_without_consent_is_nowhere_public(topics, anonymous):
    expert = make_expert("cleo", name="Cleo Noconsent", consent=False, willing_to_speak=True)

    assert expert not in ExpertProfile.objects.public()
    assert shown_everywhere(anonymous, expert) == (False, False, False)


def test_a_consenting_profile_is_public_everywhere(topics, anonymous):
    expert = make_expert("dina", name="Dina Consents", willing_to_speak=True)

    assert expert in ExpertProfile.objects.public()
    assert shown_everywhere(anonymous, expert) == (True, True, True)


def test_withdrawing_hides_the_profile_at_once(expert, expert_client, anonymous):
    assert shown_everywhere(anonymous, expert) == (True, True, True)

    response = expert_client.post(reverse("experts:withdraw"))

    assert response.status_code == 302
    assert expert not in ExpertProfile.objects.public()
    assert shown_everywhere(anonymous, expert) == (False, False, False)


def test_consent_is_recorded_as_an_event_with_the_wording_version(expert_client, expert):
    expert_client.post(reverse("experts:withdraw"))
    expert_client.post(reverse("experts:consent"), {"agree": "on"})

    consents = list(expert.consents.order_by("given_at"))
    assert [c.wording_version for c in consents] == [CURRENT_WORDING, CURRENT_WORDING]
    assert consents[0].withdrawn_at is not None and consents[1].withdrawn_at is None
    assert expert in ExpertProfile.objects.public()


def test_consent_needs_the_box_ticked(topics):
    expert = make_expert("ella", consent=False)
    from .conftest import client_of

    response = client_of(expert.user).post(reverse("experts:consent"), {})

    assert response.status_code == 400
    assert not expert.consents.exists()


def test_withdrawing_answers_only_a_post(expert_client, expert):
    assert expert_client.get(reverse("experts:withdraw")).status_code == 405
    assert expert in ExpertProfile.objects.public()


def test_an_expert_has_at_most_one_open_consent(expert):
    with pytest.raises(IntegrityError):
        Consent.objects.create(profile=expert, wording_version=CURRENT_WORDING)


def test_a_deactivated_account_is_not_public(expert):
    expert.user.is_active = False
    expert.user.save()

    assert expert not in ExpertProfile.objects.public()


def test_an_erased_profile_is_not_public_even_with_an_open_consent(expert):
    ExpertProfile.objects.filter(pk=expert.pk).update(erased_at="2026-01-01T00:00:00Z")

    assert expert not in ExpertProfile.objects.public()
