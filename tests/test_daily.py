"""`widmonitor daily`: the jobs a site runs once a day, each saying what it did, one failure stopping none."""

import os
import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from widmonitor import daily
from widmonitor.experts.models import ExpertProfile
from widmonitor.initiatives import held_uploads
from widmonitor.selfcheck.models import UsedStoreKey
from widmonitor.throttle.models import Counter

from .experts.conftest import make_expert, topics  # noqa: F401  (topics: a fixture)


@pytest.fixture
def due(topics, settings, django_user_model, client):
    """One of each thing a daily run removes, and one of each it keeps."""
    settings.EXPERT_ERASE_DAYS = 30
    for username, days in (("gone", 31), ("kept", 29)):
        expert = make_expert(username, name=f"Expert {username}")
        expert.withdraw_consent()
        expert.consents.update(withdrawn_at=timezone.now() - timedelta(days=days))

    for key, expires in (("old", timezone.now() - timedelta(minutes=1)), ("live", timezone.now() + timedelta(days=1))):
        Session.objects.create(session_key=key * 8, session_data="", expire_date=expires)

    for username, minutes in (("stale@example.org", 16), ("recent@example.org", 14)):
        attempt = AccessAttempt.objects.create(
            username=username, ip_address="192.0.2.1", user_agent="test", http_accept="*/*", path_info="/", failures_since_start=5
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=timezone.now() - timedelta(minutes=minutes))

    for username, days in (("old@example.org", 31), ("new@example.org", 29)):
        login = AccessLog.objects.create(username=username, ip_address="192.0.2.1", user_agent="test", http_accept="*/*", path_info="/")
        AccessLog.objects.filter(pk=login.pk).update(attempt_time=timezone.now() - timedelta(days=days))

    for key, seconds in (("jobads:checks:192.0.2.1", -1), ("jobads:checks:192.0.2.2", 60)):
        Counter.objects.create(key=key, count=3, expires_at=timezone.now() + timedelta(seconds=seconds))

    for digest, days in (("a" * 64, 2), ("b" * 64, 1)):
        UsedStoreKey.objects.create(digest=digest, day=timezone.localdate() - timedelta(days=days))

    for name, age in (("old", 25 * 3600), ("new", 3600)):
        held = held_uploads.folder() / name
        (held / "overview.xlsx").parent.mkdir()
        (held / "overview.xlsx").write_bytes(b"PK")
        os.utime(held, (time.time() - age, time.time() - age))


def test_a_daily_run_removes_what_is_due_keeps_the_rest_and_says_so(due, capsys):
    call_command("daily")

    assert capsys.readouterr().out.splitlines() == [
        "erase-withdrawn-experts: 1 expert profile(s) erased, withdrawn more than 30 days ago.",
        "expired-sessions: 1 expired session(s) deleted.",
        "expired-login-attempts: 1 failed log-in record(s) older than the 15-minute lock deleted.",
        "old-logins: 1 log-in record(s) older than 30 days deleted.",
        "ended-limit-counts: 1 limit count(s) of ended windows deleted.",
        "notify-moderators: E-mailed 0 moderator(s) what waits; 0 already e-mailed today, 0 with nothing waiting, 0 not sent.",
        "expired-cache-entries: no database cache: the cache's entries expire by themselves.",
        "old-uploads: 1 upload(s) held more than a day without confirmation deleted.",
        "event-outcome-reminders: 0 event(s) whose organiser was reminded to report its outcome.",
        "erase-mentoring-profiles: 0 mentoring profile(s) erased (their cycles ended, or never confirmed).",
        "mentoring-reminders: 0 mentoring pair(s) reminded to check in; 0 follow-up(s) sent.",
        "spent-self-check-keys: 1 used self-check key(s) of expired result pages deleted.",
    ]
    assert sorted(ExpertProfile.objects.filter(erased_at__isnull=True).values_list("name", flat=True)) == ["Expert kept"]
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live" * 8]
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["recent@example.org"]
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["new@example.org"]
    assert list(Counter.objects.values_list("key", flat=True)) == ["jobads:checks:192.0.2.2"]
    assert [held.name for held in held_uploads.folder().iterdir()] == ["new"]
    assert list(UsedStoreKey.objects.values_list("digest", flat=True)) == ["b" * 64]


def test_a_database_cache_loses_its_expired_entries(db, settings, capsys):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "widmonitor_cache"}}
    call_command("createcachetable", verbosity=0)
    cache = caches["default"]
    cache.set("throttle:old", 3, timeout=1)
    cache.set("throttle:live", 3, timeout=600)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE widmonitor_cache SET expires = %s WHERE cache_key LIKE %s", [timezone.now() - timedelta(minutes=1), "%throttle:old"])

    call_command("daily", "--only", "expired-cache-entries")

    assert capsys.readouterr().out == "expired-cache-entries: expired cache entries deleted: 1.\n"
    assert cache.get("throttle:live") == 3


def test_a_failing_job_is_reported_and_the_others_still_run(due, monkeypatch, capsys):
    def broken():
        raise RuntimeError("the mail server is away")

    jobs = list(daily.JOBS)
    jobs.insert(0, daily.Job("broken", "fails", broken))
    monkeypatch.setattr(daily, "JOBS", jobs)

    with pytest.raises(CommandError, match=r"^1 of 13 daily jobs failed \(broken\): see above and the log\.$"):
        call_command("daily", verbosity=0)  # as from cron: only what failed is said

    assert capsys.readouterr() == ("", "broken: FAILED: RuntimeError: the mail server is away\n")
    assert ExpertProfile.objects.filter(erased_at__isnull=True).count() == 1
    assert [held.name for held in held_uploads.folder().iterdir()] == ["new"]


def test_list_names_every_job_and_runs_none(due, capsys):
    call_command("daily", "--list")

    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == [job.name for job in daily.JOBS]
    assert ExpertProfile.objects.filter(erased_at__isnull=True).count() == 2
