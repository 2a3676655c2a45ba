"""The e-mails partners receive: an invitation, and the fate of what they submitted. One place to patch in tests."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import language_of


def site_link(path):
    return settings.SITE_URL.rstrip("/") + path


def send(template_name, subject, user, context):
    """E-mail ``user`` in her language (``language_of``); partners, experts and reach all send through here.

    ``subject`` is a lazy text or, when it needs formatting, a function that returns it; either is
    made in her language, like the body (the template ``template_name``, e.g. ``partners/emails/invitation.txt``).
    """
    if not user or not user.email:
        return
    with translation.override(language_of(user)):
        body = render_to_string(template_name, {"user": user, **context})
        send_mail(str(subject() if callable(subject) else subject), body, None, [user.email])


def send_invitation(user, moderator):
    """E-mail ``user`` a link to choose her password; it stops working once she has set one."""
    link = password_link(user, "partners:password_reset_confirm")
    subject = gettext_lazy("You are invited to keep your initiatives up to date on widmonitor")
    send("partners/emails/invitation.txt", subject, user, {"link": link, "moderator": moderator})


def send_proposal_decision(proposal):
    def subject():
        if proposal.status == proposal.Status.ACCEPTED:
            return _("Your proposal #%(number)s was accepted") % {"number": proposal.pk}
        return _("Your proposal #%(number)s was rejected") % {"number": proposal.pk}

    send("partners/emails/proposal_decision.txt", subject, proposal.author, {"proposal": proposal, "link": overview_link(proposal.author)})


def send_moderation_notice(initiative, reason):
    """Tell the partner who submitted ``initiative`` that it was published or rejected."""

    def subject():
        return _("Your initiative “%(title)s” is now %(state)s") % {
            "title": initiative.text("title").text,
            "state": initiative.get_moderation_display(),
        }

    context = {"initiative": initiative, "reason": reason, "link": overview_link(initiative.created_by)}
    send("partners/emails/moderation_notice.txt", subject, initiative.created_by, context)


def overview_link(user):
    """The partner pages' address in ``user``'s language."""
    return link_for(user, "partners:overview")


def link_for(user, name, args=()):
    """The site address of the URL ``name`` in ``user``'s language."""
    if not user:
        return ""
    with translation.override(language_of(user)):
        return site_link(reverse(name, args=args))


def password_link(user, url_name):
    """The address of ``url_name``, in ``user``'s language, with her one-time token for choosing a password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return link_for(user, url_name, [uid, default_token_generator.make_token(user)])
