"""After an event, its organiser is reminded to report its outcome: the day after it ends, and once more two weeks later.

A reminder goes to whoever submitted the event if she still speaks for one of the initiative's
organisations, else to every partner of those organisations, in her language
(``partners.emails.send``). None is sent once an outcome was entered (pending or decided), for
an event that is not published, nor for one that ended more than ``STALE_DAYS`` ago (an old event
imported today gets no reminder). ``widmonitor daily`` runs ``send_reminders`` once a day.
"""

from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from widmonitor.partners.emails import link_for, send
from widmonitor.partners.models import PartnerMembership

from .models import Event

REMINDER_DAYS = (1, 14)  # days after the end: the first reminder, the second
STALE_DAYS = 60


def due(ends_at, sent, now, reported):
    """Whether a reminder is due at ``now`` for an event that ended at ``ends_at`` and had ``sent`` reminders."""
    if reported or sent >= len(REMINDER_DAYS) or now - ends_at > timedelta(days=STALE_DAYS):
        return False
    return now >= ends_at + timedelta(days=REMINDER_DAYS[sent])


def recipients(event):
    organisations = event.initiative.organisations.values("pk")
    members = PartnerMembership.objects.filter(organisation__in=organisations, user__is_active=True).select_related("user")
    users = {membership.user for membership in members}
    if event.created_by in users:
        return [event.created_by]
    return sorted(users, key=lambda user: user.pk)


def send_reminders(now=None):
    """Remind the organisers of the events whose reminder is due; returns how many events were reminded of."""
    now = now or timezone.now()
    candidates = (
        Event.objects.published()
        .filter(ends_at__lte=now - timedelta(days=REMINDER_DAYS[0]), ends_at__gte=now - timedelta(days=STALE_DAYS))
        .filter(reminders_sent__lt=len(REMINDER_DAYS), outcomes__isnull=True)
        .select_related("initiative", "created_by")
    )
    reminded = 0
    for event in candidates:
        if not due(event.ends_at, event.reminders_sent, now, reported=False):
            continue
        for user in recipients(event):
            link = link_for(user, "partner_events:outcome", [event.uid])
            send("events/emails/outcome_reminder.txt", _("How did your event go? Report its outcome"), user, {"event": event, "link": link})
        Event.objects.filter(pk=event.pk).update(reminders_sent=F("reminders_sent") + 1)
        reminded += 1
    return reminded
