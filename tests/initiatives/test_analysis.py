import pytest

from widmonitor.initiatives.analysis import analyse
from widmonitor.initiatives.registry_loader import load_registry

from .registry_files import initiative, published_list, registry, write


@pytest.fixture
def lists(tmp_path, strategy):
    data = registry(
        initiatives=[
            initiative("pub", sector="public"),
            initiative("pub2", sector="public"),
            initiative("priv", sector="private"),
            initiative("unk"),
        ],
        lists=[
            published_list("5.1", "1", ["pub", "priv"], {"total": 2, "private": 1, "public": 1}),
            published_list("5.1.1", "1.1", ["pub", "priv", "unk"], {"total": 2}),
            published_list("5.2.2", "2.2", ["unk"], {"total": 8, "private": 4, "public": 3, "mixed": 2}),
            published_list("5.1.4", "1.4", ["pub", "pub2", "pub"], {"private": 1, "public": 1}),
        ],
    )
    load_registry([write(tmp_path, data)])
    return {r.section: r for r in analyse()}


def test_a_list_that_agrees_with_its_stated_counts_has_no_discrepancy(lists):
    result = lists["5.1"]
    assert (result.bullets, result.initiatives, result.computed["public"], result.computed["private"]) == (2, 2, 1, 1)
    assert result.discrepancies == []


def test_it_flags_a_stated_total_that_differs_from_the_bullets(lists):
    assert lists["5.1.1"].discrepancies == ["The report states 2 initiatives but lists 3 bullets."]


def test_it_flags_a_breakdown_that_does_not_add_up_to_the_stated_total(lists):
    assert lists["5.2.2"].discrepancies[:2] == [
        "The report states 8 initiatives but lists 1 bullet.",
        "The stated breakdown by type adds up to 9, not to the stated total of 8.",
    ]


def test_it_flags_counts_by_type_only_where_unknowns_cannot_explain_them(lists):
    assert lists["5.2.2"].discrepancies[2:] == [
        "private: the report states 4, the registry has 0 (and 1 of unknown type).",
        "public: the report states 3, the registry has 0 (and 1 of unknown type).",
        "mixed public-private: the report states 2, the registry has 0 (and 1 of unknown type).",
    ]


def test_it_counts_distinct_initiatives_when_two_bullets_describe_one(lists):
    result = lists["5.1.4"]
    assert (result.bullets, result.initiatives) == (3, 2)
    assert result.discrepancies == [
        "The report's breakdown by type implies 2 initiatives but it lists 3 bullets.",
        "3 bullets describe 2 distinct initiatives.",
        "private: the report states 1, the registry has 0 (and 0 of unknown type).",
        "public: the report states 1, the registry has 2 (and 0 of unknown type).",
    ]
