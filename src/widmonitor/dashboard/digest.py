"""The e-mail that tells each moderator what waits in the back office: in her language, at most once a day,
and only when a partner waits for an answer (a proposal, a submitted initiative or an outcome).

Editions to publish are named in it too, but alone they send nothing: a year's report waits for the
working group, not for a partner, and a daily reminder of it would teach moderators to skip the e-mail.
``widmonitor notify-moderators`` sends it; run it daily.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils import translation
from django.utils.translation import ngettext

from widmonitor.partners.emails import send, site_link
from widmonitor.partners.models import language_of

from .models import DigestSent
from .waiting import dashboard_for

MAILED = ("proposals", "submissions", "outcomes", "editions")  # the dashboard's sections the e-mail names


@dataclass
class Run:
    """Who was e-mailed, who not (and why), by user name."""

    sent: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    already_today: list = field(default_factory=list)
    nothing_waits: list = field(default_factory=list)

    def summary(self):
        return (
            f"E-mailed {len(self.sent)} moderator(s) what waits{': ' + ', '.join(self.sent) if self.sent else ''}; "
            f"{len(self.already_today)} already e-mailed today, {len(self.nothing_waits)} with nothing waiting, "
            f"{len(self.failed)} not sent{': ' + ', '.join(self.failed) if self.failed else ''}."
        )


def moderators():
    """The active members of the group ``moderators`` who have an e-mail address."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True, groups__name="moderators").exclude(email="")
    return users.distinct().order_by("username")


def notify_moderators(today=None):
    """E-mail every moderator for whom something waits and who has had no such e-mail ``today``; returns a ``Run``."""
    today = today or timezone.localdate()
    run = Run()
    for user in moderators():
        name = user.get_username()
        with translation.override(language_of(user)):  # the sections' titles and lines, in the e-mail's language
            sections = [section for section in dashboard_for(user, today) if section.key in MAILED and section.total]
        if not any(section.someone_waits for section in sections):
            run.nothing_waits.append(name)
            continue
        claimed, previous = claim(user, today)
        if not claimed:
            run.already_today.append(name)
        elif send_digest(user, sections):
            run.sent.append(name)
        else:  # logged by ``send``; the next run tries again
            release(user, previous)
            run.failed.append(name)
    return run


def claim(user, today):
    """``(claimed, day of the e-mail before)``: mark ``user`` e-mailed ``today``, unless she already is (two runs at once)."""
    with transaction.atomic():
        row = DigestSent.objects.select_for_update().filter(user=user).first()
        if row is None:
            try:
                with transaction.atomic():
                    DigestSent.objects.create(user=user, sent_on=today)
            except IntegrityError:  # another run claimed her first
                return False, None
            return True, None
        if row.sent_on >= today:
            return False, row.sent_on
        previous, row.sent_on = row.sent_on, today
        row.save(update_fields=["sent_on"])
        return True, previous


def release(user, previous):
    """Undo ``claim``: the e-mail did not leave."""
    if previous is None:
        DigestSent.objects.filter(user=user).delete()
    else:
        DigestSent.objects.filter(user=user).update(sent_on=previous)


def send_digest(user, sections):
    waiting = sum(section.total for section in sections if section.someone_waits)

    def subject():
        return ngettext(
            "widmonitor: %(count)s request waits for moderation",
            "widmonitor: %(count)s requests wait for moderation",
            waiting,
        ) % {"count": waiting}

    items = [(section, site_link(section.all_url)) for section in sections]
    context = {"items": items, "dashboard": site_link(reverse("admin:index"))}
    return send("dashboard/emails/waiting.txt", subject, user, context)
