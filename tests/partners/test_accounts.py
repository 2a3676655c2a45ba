import re

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from widmonitor.partners.models import PartnerMembership

INVITE = reverse("admin:partners_partnermembership_invite")


def link_in(mail):
    return re.search(r"https?://[^/\s]+(/\S+)", mail.body).group(1)


def test_a_moderator_invites_a_partner_who_chooses_her_password_and_logs_in(moderator_client, organisations, mailoutbox):
    org_x, org_y = organisations
    data = {"email": "An.Peeters@example.org", "first_name": "An", "last_name": "Peeters", "organisations": [org_x.pk, org_y.pk], "language": "en"}

    response = moderator_client.post(INVITE, data)

    assert response.status_code == 302
    user = get_user_model().objects.get(username="an.peeters@example.org")
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["partners"]
    assert set(PartnerMembership.objects.filter(user=user).values_list("organisation__slug", flat=True)) == {"org-x", "org-y"}
    assert mailoutbox[0].to == ["an.peeters@example.org"]
    assert "Your user name is an.peeters@example.org." in mailoutbox[0].body

    visitor = Client()
    form_url = visitor.get(link_in(mailoutbox[0]), follow=True).redirect_chain[-1][0]
    visitor.post(form_url, {"new_password1": "a-long-new-pass-987", "new_password2": "a-long-new-pass-987"})
    response = visitor.post(reverse("partners:login"), {"username": "an.peeters@example.org", "password": "a-long-new-pass-987"})

    assert response.status_code == 302 and response.url == reverse("partners:overview")
    assert visitor.get(reverse("partners:overview")).status_code == 200


def test_an_invitation_link_works_once(moderator_client, organisations, mailoutbox):
    moderator_client.post(INVITE, {"email": "an@example.org", "organisations": [organisations[0].pk], "language": "en"})
    visitor = Client()
    form_url = visitor.get(link_in(mailoutbox[0]), follow=True).redirect_chain[-1][0]
    visitor.post(form_url, {"new_password1": "a-long-new-pass-987", "new_password2": "a-long-new-pass-987"})

    page = Client().get(link_in(mailoutbox[0]), follow=True).content.decode()

    assert "This link has expired or was already used." in page


def test_an_address_with_an_account_is_not_invited_twice(moderator_client, people, organisations, mailoutbox):
    response = moderator_client.post(INVITE, {"email": "partner-x@example.org", "organisations": [organisations[0].pk], "language": "en"})

    assert "partner-x@example.org already has an account; add a membership to it instead." in response.content.decode()
    assert not mailoutbox


def test_partners_cannot_invite(partner_x, organisations):
    response = partner_x.post(INVITE, {"email": "friend@example.org", "organisations": [organisations[0].pk], "language": "en"})

    assert response.status_code == 302 and "/admin/login/" in response.url
    assert not get_user_model().objects.filter(username="friend@example.org").exists()


def test_a_partner_resets_her_password_by_e_mail(people, mailoutbox):
    visitor = Client()
    response = visitor.post(reverse("partners:password_reset"), {"email": "partner-x@example.org"})
    assert response.url == reverse("partners:password_reset_done")

    form_url = visitor.get(link_in(mailoutbox[0]), follow=True).redirect_chain[-1][0]
    visitor.post(form_url, {"new_password1": "another-pass-5678", "new_password2": "another-pass-5678"})

    response = Client().post(reverse("partners:login"), {"username": "partner-x", "password": "another-pass-5678"})
    assert response.status_code == 302 and response.url == reverse("partners:overview")


def test_the_partner_login_is_throttled(people):
    attacker = Client(REMOTE_ADDR="127.0.0.9")
    login = reverse("partners:login")
    for n in range(5):
        attacker.post(login, {"username": "partner-x", "password": f"guess-{n}"})

    response = attacker.post(login, {"username": "partner-x", "password": "pass-1234-pass"})

    assert response.status_code == 429
    assert "_auth_user_id" not in attacker.session


def test_there_is_no_open_sign_up(db, client):
    assert client.get("/en/partner/signup/").status_code == 404
    assert "sign-up" in client.get(reverse("partners:login")).content.decode()


def test_password_reset_requests_are_limited_per_address(people, mailoutbox):
    visitor = Client(REMOTE_ADDR="127.0.0.7")
    for _n in range(5):
        visitor.post(reverse("partners:password_reset"), {"email": "partner-x@example.org"})

    response = visitor.post(reverse("partners:password_reset"), {"email": "partner-x@example.org"})

    assert response.status_code == 429
    assert "Too many password reset requests from your address." in response.content.decode()
    assert len(mailoutbox) == 5
