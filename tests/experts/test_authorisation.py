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


def answer_to_an_invitation(client, email):
    """What the inviting partner sees: the status, where she is sent, and the page there with the address left out."""
    response = client.post(reverse("expert_invitations:invite"), {"email": email, "name": "X", "language": "en"}, follow=True)
    page = response.content.decode().replace(email.lower(), "ADDRESS")
    return response.redirect_chain, response.status_code, page.replace("csrfmiddlewaretoken", "")


def test_the_partners_invitation_answers_the_same_whether_the_address_has_an_account_or_not(people, mailoutbox):
    client = client_of(people["partner"])

    with_account = answer_to_an_invitation(client, "Moderator@example.org")
    without_account = answer_to_an_invitation(client, "newcomer@example.org")

    assert with_account[:2] == without_account[:2] == ([(reverse("partners:overview"), 302)], 200)
    assert "Unless ADDRESS already has an account (which this page does not reveal), she is invited" in with_account[2]
    assert message_of(with_account[2]) == message_of(without_account[2])
    assert [message.to for message in mailoutbox] == [["newcomer@example.org"]]
    assert not ExpertProfile.objects.filter(user__username="moderator").exists()


def message_of(page):
    return page[page.index("Unless ADDRESS") :].split("<", 1)[0]


def test_the_back_office_tells_a_moderator_that_an_address_has_an_account(people):
    response = client_of(people["moderator"]).post(
        reverse("admin:experts_expertprofile_invite"), {"email": "Partner-X@example.org", "name": "X", "language": "en"}
    )

    assert "partner-x@example.org already has an account, so it cannot be invited as an expert." in response.content.decode()
    assert not ExpertProfile.objects.filter(name="X").exists()


def test_tries_with_addresses_that_have_accounts_count_against_the_invitation_limit(people):
    client = client_of(people["partner"])
    for _n in range(INVITATIONS_PER_HOUR):
        client.post(reverse("expert_invitations:invite"), {"email": "moderator@example.org", "name": "X", "language": "en"})

    response = client.post(reverse("expert_invitations:invite"), invitation(99))

    assert response.status_code == 429
    assert not ExpertProfile.objects.filter(invited_by=people["partner"]).exists()


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


def profile_form(expert, **changes):
    return {"name": expert.name, "bio_language": "en", "consents-TOTAL_FORMS": 0, "consents-INITIAL_FORMS": 0, **changes}


def test_an_administrator_reads_profiles_in_the_back_office_but_does_not_edit_them(people, expert):
    client = client_of(people["administrator"])

    page = client.get(reverse("admin:experts_expertprofile_change", args=[expert.pk]))
    client.post(reverse("admin:experts_expertprofile_change", args=[expert.pk]), profile_form(expert, name="Changed"))

    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert ExpertProfile.objects.get(pk=expert.pk).name == "Ann Expert"


@pytest.mark.parametrize("role", ["moderator", "administrator"])
def test_no_one_reverts_or_edits_a_profile_through_its_history_in_the_back_office(people, expert, role):
    earlier = expert.history.earliest()
    expert.name = "Ann Renamed"
    expert._change_reason = "Edited by the expert"
    expert.save()
    client = client_of(people[role])

    history_page = reverse("admin:experts_expertprofile_simple_history", args=[expert.pk, earlier.history_id])

    reading = client.get(history_page)
    client.post(history_page, profile_form(expert, name="Ann Expert"))
    client.post(history_page, profile_form(expert, name="Changed in the back office"))

    assert reading.status_code == 200 and "Ann Expert" in reading.content.decode()
    assert ExpertProfile.objects.get(pk=expert.pk).name == "Ann Renamed"
    assert expert.history.count() == 2


def test_moderators_enter_panel_records_and_partners_may_not(people):
    assert client_of(people["moderator"]).get(reverse("admin:experts_panelrecord_add")).status_code == 200
    assert client_of(people["partner"]).get(reverse("admin:experts_panelrecord_add")).status_code == 302


def test_a_post_without_the_csrf_token_is_refused(expert):
    client = Client(enforce_csrf_checks=True)
    client.force_login(expert.user)

    assert client.post(reverse("experts:withdraw")).status_code == 403
    assert expert in ExpertProfile.objects.public()
