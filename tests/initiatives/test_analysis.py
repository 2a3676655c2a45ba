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
            {**published_list("5.2", "2", ["pub"], {"total": 2, "private": 1, "public": 1}),
             "entries": [{"initiative": "pub", "text": "bullet pub"}, {"initiative": "priv", "text": "the text after", "bullet": False}]},
            published_list("5.3", "3", ["pub", "priv", "pub"], {"total": 3}),
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


def test_two_bullets_about_one_initiative_are_counted_once_against_the_stated_counts(lists):
    result = lists["5.1.4"]
    assert (result.bullets, result.initiatives, result.stated_breakdown_total) == (3, 2, 2)
    assert result.discrepancies == [
        "private: the report states 1, the registry has 0 (and 0 of unknown type).",
        "public: the report states 1, the registry has 2 (and 0 of unknown type).",
    ]


def test_an_initiative_a_list_counts_in_its_text_is_one_of_its_initiatives_but_not_a_bullet(lists):
    result = lists["5.2"]
    assert (result.bullets, result.initiatives, result.computed["public"], result.computed["private"]) == (1, 2, 1, 1)
    assert result.discrepancies == []


def test_a_stated_total_is_compared_with_the_distinct_initiatives_not_the_bullets(lists):
    assert lists["5.3"].discrepancies == ["The report states 3 initiatives but its list counts 2 distinct initiatives (3 bullets)."]
