"""The e-mails mentors and mentees receive, each in the language she chose. One place to patch in tests.

They have no account, so this sends to her address through the partners' rules: a failure is
logged and told to whoever made the request (``partners.emails.not_sent``), and never undoes anything.
"""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from widmonitor.partners.emails import not_sent

from . import links
from .choices import Role


def send(profile, template_name, subject, context):
    """E-mail ``profile`` in her language; ``subject`` is a function returning the (translated) subject. Returns whether sent."""
    if profile.erased_at or not profile.email:
        return False
    with translation.override(profile.language):
        body = render_to_string(template_name, {"profile": profile, "me_link": links.profile_link(profile), **context})
        subject = " ".join(str(subject()).split())
    try:
        send_mail(subject, body, None, [profile.email])
    except (OSError, ValueError) as error:
        not_sent(subject, profile.email, error)
        return False
    return True


def send_confirmation(profile, cycle):
    context = {"cycle": cycle, "link": links.confirm_link(profile)}
    return send(profile, "mentoring/emails/confirm.txt", lambda: _("Please confirm your application to %(programme)s") % {"programme": cycle.programme}, context)


def send_match(pair):
    """Tell each of the pair who her match is, with her own link to accept or decline."""
    sent = 0
    for role in (Role.MENTEE, Role.MENTOR):
        other = pair.side(Role.MENTOR if role == Role.MENTEE else Role.MENTEE).profile
        context = {"pair": pair, "other": other, "role": role, "link": links.pair_link(pair, role)}
        subject = lambda: _("Your mentoring match in %(programme)s") % {"programme": pair.cycle.programme}  # noqa: E731
        sent += send(pair.side(role).profile, "mentoring/emails/match.txt", subject, context)
    return sent


def send_checkin(pair):
    sent = 0
    for role in (Role.MENTEE, Role.MENTOR):
        other = pair.side(Role.MENTOR if role == Role.MENTEE else Role.MENTEE).profile
        context = {"pair": pair, "other": other, "link": links.pair_link(pair, role)}
        subject = lambda: _("Time to check in with %(name)s") % {"name": other.name}  # noqa: E731
        sent += send(pair.side(role).profile, "mentoring/emails/checkin.txt", subject, context)
    return sent


def send_follow_up(follow_up):
    profile = follow_up.participation.profile
    context = {"follow_up": follow_up, "cycle": follow_up.participation.cycle, "link": links.follow_up_link(follow_up)}
    subject = lambda: _("Three questions about your mentoring in %(programme)s") % {"programme": follow_up.participation.cycle.programme}  # noqa: E731
    return send(profile, "mentoring/emails/follow_up.txt", subject, context)
