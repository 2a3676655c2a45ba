"""The status a visitor filters by is the one shown today, from the dates: never "ongoing" without a date for it."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiatives
from widmonitor.search.query import SearchQuery, search

TODAY = datetime.date(2026, 12, 7)


@pytest.fixture
def records(db, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    made_up = [  # fictional records: stored status, dates
        ("said-ongoing-undated", "ongoing", "", ""),
        ("said-ongoing-ended", "ongoing", "2020", "2023"),
        ("open-since-2020", "unknown", "2020", ""),
        ("ends-today", "unknown", "2025", "2026-12-07"),
        ("starts-next-year", "unknown", "2027", ""),
    ]
    save_initiatives(
        [
            (Initiative(uid=uid, title={"en": uid}, original_language="en", moderation="published", status=status, starts=starts, ends=ends), {})
            for uid, status, starts, ends in made_up
        ]
    )


def found(params):
    return sorted(initiative.uid for initiative in search(SearchQuery.from_params(QueryDict(params)), "en").initiatives)


def test_a_stored_ongoing_without_a_date_for_it_is_not_found_as_ongoing(records):
    assert found("status=ongoing") == ["ends-today", "open-since-2020"]
    assert found("status=unknown") == ["said-ongoing-undated"]
    assert found("status=completed") == ["said-ongoing-ended"]
    assert found("status=planned") == ["starts-next-year"]


def test_the_status_shown_follows_the_day_of_the_search(records, monkeypatch):
    assert "ends-today" in found("status=ongoing")
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY + datetime.timedelta(days=1))
    assert "ends-today" in found("status=completed") and "ends-today" not in found("status=ongoing")


def test_the_record_page_shows_the_same_status(records, anonymous):
    html = anonymous.get("/en/initiatives/said-ongoing-undated/").content.decode()
    assert "<dt>Status</dt><dd>unknown</dd>" in html
    html = anonymous.get("/en/initiatives/open-since-2020/").content.decode()
    assert "<dt>Status</dt><dd>ongoing</dd>" in html
