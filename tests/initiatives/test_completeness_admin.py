"""The back office shows moderators what each record misses, the least complete first, and filters by what is missing."""

import re

import pytest
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative

from ..search.registry import relations

CHANGELIST = reverse("admin:initiatives_initiative_changelist")


@pytest.fixture
def records(vocabularies, strategy):
    """Fictional records (made up for the tests), from complete to saying nothing."""
    specs = [
        ("fictional-complete", {"url": "https://example.org", "cost": "free", "starts": "2024"}, {"regions": ["brussels"], "audiences": ["girls"], "languages": ["nl"]}),
        ("fictional-bare", {}, {}),
        ("fictional-half", {"url": "https://example.org", "cost": "paid"}, {"regions": ["flanders"]}),
    ]
    return {
        uid: save_initiative(Initiative(uid=uid, title={"en": uid}, original_language="en", **fields), relations(terms))
        for uid, fields, terms in specs
    }


def listed(client, **params):
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return [obj.uid for obj in response.context["cl"].result_list], response.content.decode()


def test_moderators_see_the_least_complete_first_with_what_each_misses(moderator, records):
    uids, html = listed(moderator)
    assert uids == ["fictional-bare", "fictional-half", "fictional-complete"]
    assert "0 of 6 (0 %); missing: web address, cost, region, target audience, languages, period" in html
    assert "6 of 6 (100 %), complete" in html
    assert listed(moderator, o="1")[0] == ["fictional-bare", "fictional-complete", "fictional-half"]  # she may sort by identifier


@pytest.mark.parametrize(
    ("missing", "expected"),
    [("link", ["fictional-bare"]), ("audience", ["fictional-bare", "fictional-half"]), ("nothing", ["fictional-complete"])],
)
def test_moderators_filter_the_records_by_what_they_miss(moderator, records, missing, expected):
    assert listed(moderator, missing=missing)[0] == expected


def test_the_change_page_says_what_the_record_misses(moderator, records):
    url = reverse("admin:initiatives_initiative_change", args=[records["fictional-half"].pk])
    html = moderator.get(url).content.decode()
    assert re.search(r"3 of 6 \(50 %\); missing: target audience, languages, period", html)
