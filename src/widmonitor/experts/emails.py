"""The e-mail an invited expert receives. One place to patch in tests."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy

from widmonitor.partners.emails import link_for, send


def send_invitation(profile, inviter):
    """E-mail the expert, in the language chosen for her, a link to choose her password; it stops working once she has set one."""
    user = profile.user
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = link_for(user, "experts:password_set", [uid, default_token_generator.make_token(user)])
    subject = gettext_lazy("You are invited to the Women in Digital expert and role-model directory")
    send("experts/emails/invitation.txt", subject, user, {"profile": profile, "link": link, "inviter": inviter})
