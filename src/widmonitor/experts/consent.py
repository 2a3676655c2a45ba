"""The consent text an expert reads before her profile becomes public, by version.

A new wording gets a new version; consents keep the version their expert read. Never edit a
published wording in place: add a version and make it current.
"""

from django.utils.translation import gettext_lazy as _

WORDINGS = {
    "2026-1": _(
        "I agree that widmonitor shows my profile publicly in its expert and role-model directory: my name, "
        "title, organisation, topics, languages, region, bio, links and what I am willing to do (speak, mentor, "
        "be a role model). My e-mail address is never shown. I can withdraw this consent at any time on my "
        "profile page: my profile is then hidden at once and erased %(days)s days later."
    ),
}
CURRENT_WORDING = "2026-1"


def wording(version=CURRENT_WORDING):
    from django.conf import settings

    return WORDINGS[version] % {"days": settings.EXPERT_ERASE_DAYS}
