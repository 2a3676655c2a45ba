"""Limits are counted in the database, one statement per count, so that they hold across workers and hosts.

A worker of ``widmonitor serve --workers N`` has its own local-memory cache, empty for what the
others counted: clearing this process's cache is what a request reaching another worker sees.
The real race (requests at once against a 3-worker server) is ``benchmarks/limits_at_once.py``.
"""

import json
from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from widmonitor.jobads.throttle import CHECKS_PER_MINUTE
from widmonitor.partners.models import RESETS_PER_HOUR
from widmonitor.throttle import throttled
from widmonitor.throttle.models import Counter


def check_a_job_ad(client):
    text = {"text": "Engineer\nAn ambitious person.", "language": "en"}
    return client.post("/api/job-ads/check", json.dumps(text), content_type="application/json")


def test_the_job_ad_limit_holds_when_the_next_check_reaches_another_worker(db):
    visitor = Client(REMOTE_ADDR="198.51.100.7")
    for _n in range(CHECKS_PER_MINUTE):
        assert check_a_job_ad(visitor).status_code == 200
    cache.clear()

    assert check_a_job_ad(visitor).status_code == 429


def test_the_password_reset_limit_holds_when_the_next_request_reaches_another_worker(db, mailoutbox):
    visitor = Client(REMOTE_ADDR="198.51.100.8")
    for _n in range(RESETS_PER_HOUR):
        visitor.post(reverse("partners:password_reset"), {"email": "nobody@example.org"})
    cache.clear()

    response = visitor.post(reverse("partners:password_reset"), {"email": "nobody@example.org"})

    assert response.status_code == 429


def test_counting_and_reading_the_count_are_one_statement_in_the_database(db):
    throttled("test:one-statement", 5, 60)

    with CaptureQueriesContext(connection) as queries:
        throttled("test:one-statement", 5, 60)

    assert len(queries) == 1
    sql = queries[0]["sql"]
    assert sql.startswith('INSERT INTO "throttle_counter"')
    assert "ON CONFLICT" in sql and '"count" + 1' in sql and sql.endswith('RETURNING "count"')


def test_each_request_gets_a_count_of_its_own_and_the_one_past_the_limit_is_refused(db):
    counts = [Counter.objects.tally("test:exact", 60) for _n in range(25)]
    refused = [throttled("test:exact-limit", 20, 60) for _n in range(25)]

    assert counts == list(range(1, 26))
    assert refused == [False] * 20 + [True] * 5


def test_a_window_that_has_ended_starts_again_at_one(db):
    for _n in range(3):
        Counter.objects.tally("test:window", 60)
    Counter.objects.filter(key="test:window").update(expires_at=timezone.now() - timedelta(seconds=1))

    assert Counter.objects.tally("test:window", 60) == 1
    assert Counter.objects.tally("test:window", 60) == 2


def test_counts_of_ended_windows_are_deleted_when_a_window_begins(db):
    Counter.objects.tally("test:old", 60)
    Counter.objects.filter(key="test:old").update(expires_at=timezone.now() - timedelta(hours=1))

    Counter.objects.tally("test:new", 60)

    assert list(Counter.objects.values_list("key", "count")) == [("test:new", 1)]


def test_keys_count_apart(db):
    Counter.objects.tally("test:a", 60)

    assert Counter.objects.tally("test:b", 60) == 1
