"""The signed links a mentor or mentee uses instead of an account: her page, her pair, her follow-up, her confirmation.

Each link names one record and what it is for (its salt); it cannot be altered to name another.
A confirmation link expires after a week; the others live as long as the record, which erasure ends.
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from widmonitor.partners.emails import site_link

CONFIRM_SECONDS = 7 * 24 * 3600


class BadLink(Exception):
    """A link that was altered, expired, or names something that is gone."""


def token(purpose, **values):
    return signing.dumps(values, salt=f"widmonitor.mentoring.{purpose}")


def read(purpose, value, max_age=None):
    try:
        return signing.loads(value, salt=f"widmonitor.mentoring.{purpose}", max_age=max_age)
    except signing.BadSignature as error:  # SignatureExpired is one
        raise BadLink(purpose) from error


def absolute(url_name, language, value):
    with translation.override(language):
        return site_link(reverse(url_name, args=[value]))


def profile_link(profile):
    return absolute("mentoring:me", profile.language, token("profile", profile=profile.pk))


def confirm_link(profile):
    return absolute("mentoring:confirm", profile.language, token("confirm", profile=profile.pk))


def pair_link(pair, role):
    profile = pair.side(role).profile
    return absolute("mentoring:pair", profile.language, token("pair", pair=pair.pk, role=role))


def follow_up_link(follow_up):
    return absolute("mentoring:follow_up", follow_up.participation.profile.language, token("follow-up", follow_up=follow_up.pk))
