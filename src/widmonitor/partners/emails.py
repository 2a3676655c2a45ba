"""The e-mails partners receive: an invitation, and the fate of what they submitted. One place to patch in tests."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _


def site_link(path):
    return settings.SITE_URL.rstrip("/") + path


def send(template, subject, user, context):
    if not user or not user.email:
        return
    body = render_to_string(f"partners/emails/{template}.txt", {"user": user, **context})
    send_mail(str(subject), body, None, [user.email])


def send_invitation(user, moderator):
    """E-mail ``user`` a link to choose her password; it stops working once she has set one."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("partners:password_reset_confirm", args=[uid, default_token_generator.make_token(user)])
    subject = _("You are invited to keep your initiatives up to date on widmonitor")
    send("invitation", subject, user, {"link": site_link(path), "moderator": moderator})


def send_proposal_decision(proposal):
    if proposal.status == proposal.Status.ACCEPTED:
        subject = _("Your proposal #%(number)s was accepted") % {"number": proposal.pk}
    else:
        subject = _("Your proposal #%(number)s was rejected") % {"number": proposal.pk}
    context = {"proposal": proposal, "link": site_link(reverse("partners:overview"))}
    send("proposal_decision", subject, proposal.author, context)


def send_moderation_notice(initiative, reason):
    """Tell the partner who submitted ``initiative`` that it was published or rejected."""
    subject = _("Your initiative “%(title)s” is now %(state)s") % {
        "title": initiative.text("title").text,
        "state": initiative.get_moderation_display(),
    }
    context = {"initiative": initiative, "reason": reason, "link": site_link(reverse("partners:overview"))}
    send("moderation_notice", subject, initiative.created_by, context)
