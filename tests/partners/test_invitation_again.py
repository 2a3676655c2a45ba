"""A partner whose invitation link expired before she used it: a moderator sends it again, with a new link.

The reset page cannot help her (it e-mails only accounts with a password, and says "sent"
either way), and a new invitation is refused as the address has an account.
"""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.test import Client
from django.urls import reverse

from widmonitor.partners.models import PartnerMembership

from .test_accounts import INVITE, link_in

MEMBERSHIPS = reverse("admin:partners_partnermembership_changelist")
NEW_PASSWORD = {"new_password1": "a-long-new-pass-987", "new_password2": "a-long-new-pass-987"}


@pytest.fixture
def invited_four_days_ago(moderator_client, organisations, mailoutbox, monkeypatch):
    """An invitation made four days ago, longer than its link lasts (Django's PASSWORD_RESET_TIMEOUT, three days)."""
    with monkeypatch.context() as past:
        past.setattr(PasswordResetTokenGenerator, "_now", lambda self: datetime.now() - timedelta(days=4))
        moderator_client.post(INVITE, {"email": "an@example.org", "organisations": [organisations[0].pk], "language": "en"})
    return link_in(mailoutbox[0])


def set_password(link):
    """Follow an invitation's link and choose a password; whether she can log in with it afterwards."""
    visitor = Client()
    opened = visitor.get(link, follow=True)
    if opened.redirect_chain:  # a valid link leads to the form; an invalid one says so where it is
        visitor.post(opened.redirect_chain[-1][0], NEW_PASSWORD)
    return logs_in("an@example.org", NEW_PASSWORD["new_password1"])


def logs_in(username, password):
    return Client().post(reverse("partners:login"), {"username": username, "password": password}).status_code == 302


def send_again(client, user):
    membership = PartnerMembership.objects.get(user=user)
    return client.post(MEMBERSHIPS, {"action": "send_invitation_again", "_selected_action": [membership.pk]}, follow=True)


def test_a_moderator_sends_an_expired_invitation_again_and_only_the_new_link_works(
    invited_four_days_ago, moderator_client, partner_x, mailoutbox
):
    user = get_user_model().objects.get(username="an@example.org")
    assert "This link has expired or was already used." in Client().get(invited_four_days_ago, follow=True).content.decode()
    assert send_again(partner_x, user).redirect_chain[0][0].startswith(reverse("admin:login"))  # partners may not
    assert len(mailoutbox) == 1

    page = send_again(moderator_client, user).content.decode()

    assert "A new invitation is sent to an@example.org; earlier links no longer work." in page
    assert [mail.to for mail in mailoutbox] == [["an@example.org"]] * 2
    new_link = link_in(mailoutbox[1])
    assert new_link != invited_four_days_ago
    assert not set_password(invited_four_days_ago)
    assert set_password(new_link)


def test_an_earlier_link_not_yet_expired_stops_working_when_the_invitation_is_sent_again(moderator_client, organisations, mailoutbox):
    moderator_client.post(INVITE, {"email": "an@example.org", "organisations": [organisations[0].pk], "language": "en"})
    first_link = link_in(mailoutbox[0])

    send_again(moderator_client, get_user_model().objects.get(username="an@example.org"))

    assert not set_password(first_link)
    assert set_password(link_in(mailoutbox[1]))


def test_a_partner_who_chose_her_password_is_not_invited_again(moderator_client, people, mailoutbox):
    page = send_again(moderator_client, people["partner of X"]).content.decode()

    assert "No invitation is sent to partner-x@example.org: she has chosen her password already" in page
    assert not mailoutbox
    assert logs_in("partner-x", "pass-1234-pass")

