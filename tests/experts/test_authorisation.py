"""Who may invite experts and edit profiles: experts are not partners, partners do not edit experts."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from widmonitor.experts.models import INVITATIONS_PER_HOUR, ExpertProfile

from .conftest import client_of


def invitation(number=1):
    return {"email": f"invited{number}@example.org", "name": f"Invited {number}", "language": "en"}


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("another expert", 403), ("partner", 302), ("moderator", 302), ("administrator", 302)],
)
def test_who_may_invite_an_expert_from_the_partner_pages(people, role, status):
    response = client_of(people[role]).post(reverse("expert_invitations:invite"), invitation())

    assert response.status_code == status
    invited = ExpertProfile.objects.filter(user__email="invited1@example.org").first()
    if role in ("anonymous", "another expert"):
        assert invited is None and not mail.outbox
        if role == "anonymous":
            assert response["Location"].startswith(reverse("partners:login"))
    else:
        assert invited.invited_by == people[role] and invited.user.groups.filter(name="experts").exists()
        assert not invited.user.has_usable_password()
        assert invited not in ExpertProfile.objects.public()  # invited is not consenting


@pytest.mark.parametrize(("role", "status"), [("partner", 302), ("another expert", 302), ("moderator", 200), ("administrator", 200)])
def test_who_may_invite_from_the_back_office(people, role, status):
    client = client_of(people[role])

    page = client.get(reverse("admin:experts_expertprofile_invite"))
    client.post(reverse("admin:experts_expertprofile_invite"), invitation())

    assert page.status_code == status
    assert ExpertProfile.objects.filter(user__email="invited1@example.org").exists() == (status == 200)


def test_an_address_with_an_account_cannot_be_invited(people):
    response = client_of(people["partner"]).post(reverse("expert_invitations:invite"), {"email": "Moderator@example.org", "name": "X", "language": "en"})

    assert response.status_code == 400
    assert "moderator@example.org already has an account" in response.content.decode()


def test_invitations_beyond_the_hourly_limit_are_refused(people):
    client = client_of(people["partner"])
    for number in range(INVITATIONS_PER_HOUR):
        client.post(reverse("expert_invitations:invite"), invitation(number))

    response = client.post(reverse("expert_invitations:invite"), invitation(99))

    assert response.status_code == 429
    assert f"You have invited {INVITATIONS_PER_HOUR} experts in the last hour" in response.content.decode()
    assert ExpertProfile.objects.filter(invited_by=people["partner"]).count() == INVITATIONS_PER_HOUR


@pytest.mark.parametrize("role", ["partner", "moderator", "administrator"])
def test_no_one_but_the_expert_reaches_her_own_pages(people, expert, role):
    client = client_of(people[role])

    for name in ("me", "consent", "download"):
        assert client.get(reverse(f"experts:{name}")).status_code == 403
    assert client.post(reverse("experts:withdraw")).status_code == 403
    assert client.post(reverse("experts:me"), {"name": "Changed", "bio_language": "en"}).status_code == 403
    assert ExpertProfile.objects.get(pk=expert.pk).name == "Ann Expert"
    assert expert in ExpertProfile.objects.public()


def test_an_anonymous_visitor_is_sent_to_the_experts_login(expert, anonymous):
    response = anonymous.get(reverse("experts:me"))

    assert response.status_code == 302 and response["Location"].startswith(reverse("experts:login"))


def test_an_expert_edits_only_her_own_profile(people, expert):
    other = client_of(people["another expert"])

    other.post(reverse("experts:me"), {"name": "Bea Edited", "bio_language": "en"})

    assert ExpertProfile.objects.get(pk=expert.pk).name == "Ann Expert"
    assert ExpertProfile.objects.get(user=people["another expert"]).name == "Bea Edited"


def test_an_expert_cannot_reach_the_partner_pages_or_the_back_office(expert, expert_client):
    assert expert_client.get(reverse("partners:overview")).status_code == 403
    assert expert_client.get(reverse("partners:submit")).status_code == 403
    assert expert_client.get(reverse("admin:index")).status_code == 302
    assert expert_client.get(reverse("admin:experts_expertprofile_changelist")).status_code == 302


def test_an_expert_cannot_log_in_to_the_back_office(expert):
    response = Client().post(reverse("admin:login"), {"username": "ann", "password": "pass-1234-pass"})

    assert "the back office is for the working group" in response.content.decode()


def test_a_moderator_reads_profiles_in_the_back_office_but_does_not_edit_them(people, expert):
    client = client_of(people["moderator"])

    page = client.get(reverse("admin:experts_expertprofile_change", args=[expert.pk]))
    client.post(reverse("admin:experts_expertprofile_change", args=[expert.pk]), {"name": "Changed"})

    assert page.status_code == 200
    assert ExpertProfile.objects.get(pk=expert.pk).name == "Ann Expert"


def test_moderators_enter_panel_records_and_partners_may_not(people):
    assert client_of(people["moderator"]).get(reverse("admin:experts_panelrecord_add")).status_code == 200
    assert client_of(people["partner"]).get(reverse("admin:experts_panelrecord_add")).status_code == 302


def test_a_post_without_the_csrf_token_is_refused(expert):
    client = Client(enforce_csrf_checks=True)
    client.force_login(expert.user)

    assert client.post(reverse("experts:withdraw")).status_code == 403
    assert expert in ExpertProfile.objects.public()
