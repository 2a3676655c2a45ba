"""What the daily job sends the pairs: check-in reminders while a pair runs, follow-ups at the cycle's end and six months later."""

from datetime import timedelta

from django.utils import timezone

from . import emails
from .aggregates import took_part
from .models import SIX_MONTHS, FollowUp, Pair, Programme


def send_checkins(today=None):
    """Remind each running pair whose check-in interval has passed since the last reminder; returns how many pairs."""
    today = today or timezone.localdate()
    count = 0
    for pair in Pair.objects.filter(status=Pair.Status.ACTIVE).select_related("cycle__programme", "mentee__profile", "mentor__profile"):
        due = (pair.last_checkin_on or today) + timedelta(days=pair.cycle.checkin_every_days)
        if due <= today <= pair.cycle.ends_on:
            emails.send_checkin(pair)
            Pair.objects.filter(pk=pair.pk).update(last_checkin_on=today)
            count += 1
    return count


def due_rounds(cycle, today):
    rounds = []
    if today >= cycle.ends_on:
        rounds.append(FollowUp.Round.END)
    if today >= cycle.ends_on + SIX_MONTHS:
        rounds.append(FollowUp.Round.SIX_MONTHS)
    return rounds


def send_follow_ups(today=None):
    """Ask everyone who took part (in a pair both accepted) the follow-up questions of each round due, once; returns how many sent."""
    today = today or timezone.localdate()
    sent = 0
    people = took_part(Programme.objects.all()).filter(profile__erased_at__isnull=True).select_related("cycle__programme", "profile")
    for participation in people:
        for round_code in due_rounds(participation.cycle, today):
            follow_up, created = FollowUp.objects.get_or_create(participation=participation, round=round_code)
            if created:
                sent += emails.send_follow_up(follow_up)
    return sent
