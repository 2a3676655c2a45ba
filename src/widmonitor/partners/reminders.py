"""Inviting partners to complete their records: one e-mail a partner, in her language, at most once a month.

A moderator chooses organisations in the back office; each partner who speaks for one of them
(active, with an e-mail address) is e-mailed the records of those organisations that miss facts a
visitor needs (``initiatives.completeness``), least complete first. A partner e-mailed less than
``INTERVAL`` ago is not e-mailed again: the moderator is told when she can be. Each e-mail sent is
recorded (``CompletionReminder``); one that cannot be sent is not, so that it may be sent again.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from widmonitor.initiatives.completeness import COUNT, FIELDS
from widmonitor.initiatives.models import Initiative
from widmonitor.vocabularies.choices import Moderation

from .emails import send_completion_invitation
from .models import CompletionReminder, PartnerMembership

INTERVAL = timedelta(days=30)  # "no more than once a month each"


@dataclass
class Reminders:
    """What one round of invitations did, partner by partner (each list holds users)."""

    sent: list = field(default_factory=list)  # [(user, how many records)]
    too_soon: list = field(default_factory=list)  # [(user, when the last one left, when the next may)]
    complete: list = field(default_factory=list)  # nothing of theirs to complete
    not_sent: list = field(default_factory=list)  # the e-mail failed (logged, and said in the page)
    no_address: list = field(default_factory=list)


def partners_of(organisations):
    """The active partner accounts that speak for any of ``organisations``, by user name."""
    users = PartnerMembership.objects.filter(organisation__in=organisations).values("user_id")
    return get_user_model().objects.filter(pk__in=users, is_active=True, groups__name="partners").order_by("username")


def records_to_complete(user, organisations):
    """Her records of ``organisations`` (all but rejected ones) that miss a fact, least complete first."""
    own = PartnerMembership.objects.filter(user=user, organisation__in=organisations).values("organisation_id")
    records = Initiative.objects.filter(organisations__in=own).exclude(moderation=Moderation.REJECTED).distinct()
    return list(records.least_complete_first().filter(**{f"{COUNT}__lt": len(FIELDS)}))


def remind(organisations, moderator, now=None):
    """E-mail the partners of ``organisations`` their records to complete; returns ``Reminders``."""
    now = now or timezone.now()
    done = Reminders()
    for user in partners_of(organisations):
        if not user.email:
            done.no_address.append(user)
            continue
        with transaction.atomic():
            get_user_model().objects.select_for_update().filter(pk=user.pk).first()  # two moderators at once: one e-mail
            last = CompletionReminder.objects.filter(user=user).order_by("-sent_at").first()
            if last and last.sent_at > now - INTERVAL:
                done.too_soon.append((user, last.sent_at, last.sent_at + INTERVAL))
                continue
            records = records_to_complete(user, organisations)
            if not records:
                done.complete.append(user)
            elif send_completion_invitation(user, records):
                CompletionReminder.objects.create(user=user, sent_at=now, sent_by=moderator, records=len(records))
                done.sent.append((user, len(records)))
            else:
                done.not_sent.append(user)
    return done
