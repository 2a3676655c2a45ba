"""Completeness: which of the six facts a visitor needs a record says (link, cost, region, audience, languages, period)."""

import pytest
from django.utils import translation

from widmonitor.initiatives.completeness import Completeness
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative

from ..search.registry import relations

EVERYTHING = {"url": "https://example.org", "cost": "free", "starts": "2024"}
TERMS = {"regions": ["brussels"], "audiences": ["girls"], "languages": ["nl"]}


def record(uid, fields=None, terms=None):
    """A fictional record (made up for the test), saying the ``fields`` and ``terms`` given."""
    initiative = Initiative(uid=uid, title={"en": uid}, original_language="en", moderation="published", **(fields or {}))
    return save_initiative(initiative, relations(terms or {}))


@pytest.mark.parametrize(
    ("fields", "terms", "missing"),
    [
        (EVERYTHING, TERMS, ()),
        ({}, {}, ("link", "cost", "region", "audience", "languages", "period")),
        ({**EVERYTHING, "cost": "unknown"}, TERMS, ("cost",)),
        ({**EVERYTHING, "starts": "", "ends": "2023"}, TERMS, ()),  # an end alone says when it ran
        ({**EVERYTHING, "starts": ""}, {"regions": ["online"]}, ("audience", "languages", "period")),
    ],
)
def test_a_record_misses_exactly_the_facts_it_does_not_say(vocabularies, strategy, fields, terms, missing):
    saved = record("fictional-record", fields, terms)
    assert saved.completeness().missing == missing
    assert Initiative.objects.with_completeness().get(pk=saved.pk).completeness().missing == missing  # one rule, both ways


def test_an_audience_the_strategy_implies_is_not_the_record_saying_for_whom(vocabularies, strategy):
    saved = record("fictional-club", EVERYTHING, {"regions": ["brussels"], "languages": ["nl"], "objectives": ["1.3"]})
    assert saved.implied_audiences() and saved.completeness().missing == ("audience",)


@pytest.mark.parametrize(
    ("language", "missing", "said"),
    [
        ("en", ("link", "cost"), "4 of 6 (67 %); missing: web address, cost"),
        ("en", (), "6 of 6 (100 %), complete"),
        ("nl", ("period",), "5 van 6 (83 %); ontbreekt: periode"),
        ("fr", ("link", "region", "audience"), "3 sur 6 (50 %) ; manque : adresse web, région, public cible"),
    ],
)
def test_it_says_its_share_and_what_is_missing_in_the_reader_s_language(language, missing, said):
    with translation.override(language):
        assert str(Completeness(missing)) == said


def test_the_least_complete_come_first(vocabularies, strategy):
    record("fictional-b-half", {"url": "https://example.org", "cost": "free", "starts": "2024"})
    record("fictional-a-none")
    record("fictional-c-all", EVERYTHING, TERMS)
    ordered = Initiative.objects.least_complete_first()
    assert [(i.uid, i.complete_count) for i in ordered] == [("fictional-a-none", 0), ("fictional-b-half", 3), ("fictional-c-all", 6)]
    assert list(Initiative.objects.missing("region").values_list("uid", flat=True)) == ["fictional-a-none", "fictional-b-half"]
