import pytest

from widmonitor.indicators.computations.ranking import (
    EU_MEMBER_STATES,
    Rank,
    distance_to_eu27,
    rank,
    ranks,
)
from widmonitor.indicators.computations.values import Value

SHARES = {
    "BE": Value(70.0),
    "NL": Value(65.0),
    "FR": Value(65.0, "p"),
    "DE": Value(60.0),
    "AT": Value(None, "c"),  # a member state without a value
    "EU27_2020": Value(99.0),  # an aggregate
    "NO": Value(100.0),  # not a member state
}


def test_there_are_27_member_states_with_eurostats_code_for_greece():
    assert (len(set(EU_MEMBER_STATES)), "EL" in EU_MEMBER_STATES, "GR" in EU_MEMBER_STATES) == (27, True, False)


@pytest.mark.parametrize(
    ("higher_is_better", "expected"),
    [
        (True, {"BE": (1, False), "NL": (2, True), "FR": (2, True), "DE": (4, False)}),
        (False, {"DE": (1, False), "NL": (2, True), "FR": (2, True), "BE": (4, False)}),
    ],
)
def test_tied_member_states_share_the_best_place_and_the_next_place_is_skipped(higher_is_better, expected):
    found = ranks(SHARES, higher_is_better)
    assert {geo: (r.position, r.tied) for geo, r in found.items()} == expected


def test_aggregates_countries_outside_the_union_and_missing_values_are_not_ranked():
    assert {r.among for r in ranks(SHARES).values()} == {4}


@pytest.mark.parametrize(
    ("geo", "expected"),
    [
        ("BE", Rank(1, 4, False, "")),
        ("FR", Rank(2, 4, True, "p")),  # the rank is as provisional as the value
        ("AT", Rank(None, 4, False, "c")),
        ("NO", Rank(None, 4, False, "")),
        ("LU", Rank(None, 4, False, "")),  # not in the data at all
    ],
)
def test_a_countrys_rank_names_its_place_among_the_member_states_with_a_value(geo, expected):
    assert rank(SHARES, geo) == expected


def test_values_that_differ_only_by_float_rounding_are_tied():
    computed = {"BE": Value(51.3 - 48.1), "NL": Value(3.2), "FR": Value(1.0)}
    assert {geo: r.position for geo, r in ranks(computed).items()} == {"BE": 1, "NL": 1, "FR": 3}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"BE": Value(70.0), "EU27_2020": Value(65.0)}, Value(5.0)),
        ({"BE": Value(60.0), "EU27_2020": Value(65.0)}, Value(-5.0)),
        ({"BE": Value(65.0), "EU27_2020": Value(65.0)}, Value(0.0)),
        ({"BE": Value(70.0, "b"), "EU27_2020": Value(65.0, "p")}, Value(5.0, "bp")),
        ({"BE": Value(70.0)}, Value(None)),  # no EU27 value
        ({"BE": Value(70.0), "EU27_2020": Value(None, "p")}, Value(None, "p")),
        ({"EU27_2020": Value(65.0)}, Value(None)),
    ],
)
def test_the_distance_to_the_eu27_is_the_country_minus_the_eu27_value(values, expected):
    assert distance_to_eu27(values, "BE") == expected
