"""The e-mail an invited expert receives. One place to patch in tests."""

from django.utils.translation import gettext_lazy

from widmonitor.partners.emails import password_link, send


def send_invitation(profile, inviter):
    """E-mail the expert, in the language chosen for her, a link to choose her password; it stops working once she has set one.

    Returns whether it was sent.
    """
    user = profile.user
    link = password_link(user, "experts:password_set")
    subject = gettext_lazy("You are invited to the Women in Digital expert and role-model directory")
    return send("experts/emails/invitation.txt", subject, user, {"profile": profile, "link": link, "inviter": inviter})
