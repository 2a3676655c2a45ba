"""The e-mails partners receive: an invitation, the fate of what they submitted, and an invitation to complete their
records. One place to patch in tests.

An e-mail that cannot be sent never undoes or hides what was decided: it is logged (logger
``widmonitor.mail``) and the person whose request sent it is told, through Django's messages
(``FailedMailMiddleware`` keeps the request at hand). Nothing retries it yet.
"""

import logging
from contextvars import ContextVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .models import language_of

logger = logging.getLogger("widmonitor.mail")
_request = ContextVar("widmonitor_mail_request", default=None)


class FailedMailMiddleware:
    """Lets an e-mail that fails during a request tell whoever made the request (after MessageMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def site_link(path):
    return settings.SITE_URL.rstrip("/") + path


def send(template_name, subject, user, context):
    """E-mail ``user`` in her language (``language_of``); partners, experts and reach all send through here.

    ``subject`` is a lazy text or, when it needs formatting, a function that returns it; either is
    made in her language, like the body (the template ``template_name``, e.g. ``partners/emails/invitation.txt``).
    Returns whether it was sent.
    """
    if not user or not user.email:
        return False
    with translation.override(language_of(user)):
        body = render_to_string(template_name, {"user": user, **context})
        subject = " ".join(str(subject() if callable(subject) else subject).split())  # a header is one line
    try:
        send_mail(subject, body, None, [user.email])
    except (OSError, ValueError) as error:  # SMTP and connection errors (OSError), a header refused (ValueError)
        not_sent(subject, user.email, error)
        return False
    return True


def not_sent(subject, address, error):
    logger.error("E-mail %r to %s not sent: %s", subject, address, error, exc_info=error)
    request = _request.get()
    if request is not None and hasattr(request, "_messages"):
        message = _("The e-mail “%(subject)s” to %(address)s could not be sent (%(error)s). What was decided stands; tell her another way.")
        messages.error(request, message % {"subject": subject, "address": address, "error": error})


def send_invitation(user, moderator):
    """E-mail ``user`` a link to choose her password; it stops working once she has set one. Returns whether it was sent."""
    link = password_link(user, "partners:password_reset_confirm")
    subject = gettext_lazy("You are invited to keep your initiatives up to date on widmonitor")
    return send("partners/emails/invitation.txt", subject, user, {"link": link, "moderator": moderator})


def invited(email, sent):
    """What the inviter reads once the account is made: whether its e-mail left too."""
    if sent:
        return _("%(email)s is invited; the e-mail with the link to choose a password is sent.") % {"email": email}
    return _("%(email)s is invited, but the e-mail with the link to choose a password could not be sent (see above).") % {
        "email": email
    }


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


SHOWN_IN_REMINDER = 25  # records listed in a completion e-mail; the partner pages list them all


def send_completion_invitation(user, records):
    """Invite ``user`` to complete ``records`` (her organisations', least complete first). Returns whether it was sent."""

    def subject():
        return ngettext(
            "%(count)s of your initiatives on widmonitor misses facts: please complete it",
            "%(count)s of your initiatives on widmonitor miss facts: please complete them",
            len(records),
        ) % {"count": len(records)}

    context = {"records": records[:SHOWN_IN_REMINDER], "more": max(len(records) - SHOWN_IN_REMINDER, 0), "link": overview_link(user)}
    return send("partners/emails/completion_invitation.txt", subject, user, context)


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
