"""The jobs a site runs once a day (`widmonitor daily`, from cron or a systemd timer).

Each job does one thing, in its own transaction, and says in one line what it did; one that fails
is logged and reported without stopping the others. A job that needs running daily is added to
``JOBS``.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module
from typing import Callable

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils import timezone

logger = logging.getLogger("widmonitor.daily")


@dataclass(frozen=True)
class Job:
    name: str
    does: str  # what `widmonitor daily --list` says of it
    run: Callable[[], str]  # does it; returns what it did, as one line


@dataclass(frozen=True)
class Outcome:
    job: Job
    said: str
    failed: bool = False

    def __str__(self):
        return f"{self.job.name}: {'FAILED: ' if self.failed else ''}{self.said}"


def erase_withdrawn_experts():
    from widmonitor.experts.models import erase_withdrawn

    count = erase_withdrawn()
    return f"{count} expert profile(s) erased, withdrawn more than {settings.EXPERT_ERASE_DAYS} days ago."


def clear_expired_sessions():
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if issubclass(store, DatabaseSessionStore):
        count, _by_model = store.get_model_class().objects.filter(expire_date__lt=timezone.now()).delete()
        return f"{count} expired session(s) deleted."
    store.clear_expired()  # a cache or cookies: they expire by themselves, or the store has its own way
    return f"expired sessions cleared ({settings.SESSION_ENGINE})."


def forget_expired_login_attempts():
    """Failed logins that lock no one any more: the account name and the address they name are kept no longer."""
    from axes.models import AccessAttempt

    count, _by_model = AccessAttempt.objects.filter(attempt_time__lt=timezone.now() - settings.AXES_COOLOFF_TIME).delete()
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return f"{count} failed log-in record(s) older than the {minutes}-minute lock deleted."


def forget_old_logins():
    """Successful log-ins (account name, address, browser) are kept ``LOGIN_LOG_DAYS`` days, as the privacy notice says."""
    from axes.models import AccessLog

    count, _by_model = AccessLog.objects.filter(attempt_time__lt=timezone.now() - timedelta(days=settings.LOGIN_LOG_DAYS)).delete()
    return f"{count} log-in record(s) older than {settings.LOGIN_LOG_DAYS} days deleted."


def forget_ended_limit_counts():
    """The limits' counts per address or account, once their window has ended (a busy site also drops them as it goes)."""
    from widmonitor.throttle.models import Counter

    count, _by_model = Counter.objects.filter(expires_at__lte=timezone.now()).delete()
    return f"{count} limit count(s) of ended windows deleted."


def notify_moderators():
    """What waits in the back office, e-mailed to each moderator (at most once a day); an e-mail that fails fails the job."""
    from widmonitor.dashboard.digest import notify_moderators as notify

    run = notify()
    if run.failed:
        raise RuntimeError(f"the e-mail to {', '.join(run.failed)} could not be sent: {run.summary()}")
    return run.summary()


def delete_expired_cache_entries():
    """A database cache keeps expired entries (the limits' counters among them) until it is full: delete them."""
    database_caches = [caches[alias] for alias in settings.CACHES if isinstance(caches[alias], DatabaseCache)]
    if not database_caches:
        return "no database cache: the cache's entries expire by themselves."
    count = 0
    for cache in database_caches:
        connection = connections[router.db_for_write(cache.cache_model_class)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {connection.ops.quote_name(cache._table)} WHERE {connection.ops.quote_name('expires')} < %s",
                [connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))],
            )
            count += cursor.rowcount
    return f"expired cache entries deleted: {count}."


def forget_old_uploads():
    from widmonitor.initiatives.held_uploads import forget_old

    return f"{forget_old()} upload(s) held more than a day without confirmation deleted."


def remind_event_organisers():
    from widmonitor.events.reminders import send_reminders

    return f"{send_reminders()} event(s) whose organiser was reminded to report its outcome."
def erase_mentoring_profiles():
    from widmonitor.mentoring.models import erase_due_profiles

    return f"{erase_due_profiles()} mentoring profile(s) erased (their cycles ended, or never confirmed)."


def remind_mentoring_pairs():
    from widmonitor.mentoring.reminders import send_checkins, send_follow_ups

    return f"{send_checkins()} mentoring pair(s) reminded to check in; {send_follow_ups()} follow-up(s) sent."


def forget_spent_self_check_keys():
    """The hashes of result pages' keys that stored a self-check, once the keys have expired."""
    from widmonitor.selfcheck.once import forget_spent_keys

    return f"{forget_spent_keys()} used self-check key(s) of expired result pages deleted."


JOBS = [
    Job("erase-withdrawn-experts", "erase expert profiles withdrawn more than WIDMONITOR_EXPERT_ERASE_DAYS ago", erase_withdrawn_experts),
    Job("expired-sessions", "delete expired log-in sessions", clear_expired_sessions),
    Job("expired-login-attempts", "delete failed log-ins that no longer lock anyone (their account name and address)", forget_expired_login_attempts),
    Job("old-logins", "delete records of log-ins older than WIDMONITOR_LOGIN_LOG_DAYS (account name, address, browser)", forget_old_logins),
    Job("ended-limit-counts", "delete the limits' counts (per address or account) whose window has ended", forget_ended_limit_counts),
    Job("notify-moderators", "e-mail each moderator what waits for her, at most once a day", notify_moderators),
    Job("expired-cache-entries", "delete expired entries of a database cache (WIDMONITOR_CACHE_URL=db://)", delete_expired_cache_entries),
    Job("old-uploads", "delete uploaded workbooks held more than a day without confirmation", forget_old_uploads),
    Job("event-outcome-reminders", "remind the organisers of ended events to report their outcome (1 and 14 days after)", remind_event_organisers),
    Job("erase-mentoring-profiles", "erase mentoring profiles a programme's set time after their cycles end (not the shared pool's)", erase_mentoring_profiles),
    Job("mentoring-reminders", "e-mail mentoring pairs their check-in reminders and follow-up questions", remind_mentoring_pairs),
    Job("spent-self-check-keys", "delete the hashes of self-check result keys (used to store a result once) after they expire", forget_spent_self_check_keys),
]


def run(jobs=None):
    """Run ``jobs`` (default: all), each in its own transaction; returns their outcomes, in order."""
    outcomes = []
    for job in JOBS if jobs is None else jobs:
        try:
            with transaction.atomic():
                outcomes.append(Outcome(job, job.run()))
        except Exception as error:  # any failure of one job: logged and reported, the next jobs still run
            logger.exception("Daily job %s failed", job.name)
            outcomes.append(Outcome(job, f"{type(error).__name__}: {error}", failed=True))
    return outcomes
