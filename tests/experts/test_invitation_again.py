"""An expert whose invitation link expired before she used it: a moderator sends it again from the back office."""

import re
from datetime import datetime, timedelta

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.test import Client
from django.urls import reverse

from widmonitor.experts.models import ExpertProfile

from .conftest import client_of

PROFILES = reverse("admin:experts_expertprofile_changelist")


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S*/experts/me/password/\S+)", message.body).group(1)


def chooses_a_password_through(link):
    browser = Client()
    opened = browser.get(link, follow=True)
    if opened.redirect_chain:  # only a valid link leads to the form
        browser.post(opened.redirect_chain[-1][0], {"new_password1": "a-long-pass-phrase-9", "new_password2": "a-long-pass-phrase-9"})
    return browser.post(reverse("experts:login"), {"username": "nora@example.org", "password": "a-long-pass-phrase-9"}).status_code == 302


def test_a_moderator_sends_an_expired_expert_invitation_again_and_only_the_new_link_works(people, monkeypatch):
    with monkeypatch.context() as past:
        past.setattr(PasswordResetTokenGenerator, "_now", lambda self: datetime.now() - timedelta(days=4))
        client_of(people["partner"]).post(reverse("expert_invitations:invite"), {"email": "nora@example.org", "name": "Nora", "language": "en"})
    expired = link_in(mail.outbox[0])
    profile = ExpertProfile.objects.get(name="Nora")

    response = client_of(people["moderator"]).post(PROFILES, {"action": "send_invitation_again", "_selected_action": [profile.pk]}, follow=True)

    assert "A new invitation is sent to nora@example.org; earlier links no longer work." in response.content.decode()
    assert [message.to for message in mail.outbox] == [["nora@example.org"]] * 2
    assert "Hello Nora," in mail.outbox[1].body
    assert not chooses_a_password_through(expired)
    assert chooses_a_password_through(link_in(mail.outbox[1]))


def test_an_expert_with_a_password_is_not_invited_again(people, expert):
    response = client_of(people["moderator"]).post(PROFILES, {"action": "send_invitation_again", "_selected_action": [expert.pk]}, follow=True)

    assert "No invitation is sent to ann@example.org: she has chosen her password already" in response.content.decode()
    assert not mail.outbox
