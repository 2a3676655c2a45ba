"""The recomputed WiD score. Every number here is synthetic, chosen so the score can be worked out by hand."""

import csv

import pytest
from django.conf import settings
from django.utils import translation

from widmonitor.indicators.computations.score import (
    WID_SCOREBOARD,
    Area,
    Bounds,
    Indicator,
    Score,
    normalise,
    reference_year,
    weights,
    what_moves_the_score,
    wid_scores,
)
from widmonitor.indicators.computations.values import Value

# A small structure of the same kind as the scoreboard: three areas, a third each; area A has two
# indicators (1/6 of the score each), B and C one (1/3 each); c1 is better when lower.
SMALL = (
    Area("A", "area A", (Indicator("a1", "a1"), Indicator("a2", "a2"))),
    Area("B", "area B", (Indicator("b1", "b1"),)),
    Area("C", "area C", (Indicator("c1", "c1", higher_is_better=False),)),
)


def small_values():
    """Three member states, synthetic values."""
    return {
        "a1": {"BE": Value(60.0), "NL": Value(80.0), "FR": Value(40.0)},
        "a2": {"BE": Value(30.0), "NL": Value(10.0), "FR": Value(20.0)},
        "b1": {"BE": Value(5.0), "NL": Value(9.0), "FR": Value(7.0)},
        "c1": {"BE": Value(5.0), "NL": Value(15.0), "FR": Value(10.0)},
    }


# Worked by hand:
#   a1 bounds 40..80:            BE 50,  NL 100, FR 0
#   a2 bounds 10..30:            BE 100, NL 0,   FR 50
#   b1 bounds 5..9:              BE 0,   NL 100, FR 50
#   c1 bounds 5..15, turned round (lower is better): BE 100, NL 0, FR 50
#   area A (mean of a1, a2):     BE 75,  NL 50,  FR 25
#   score (mean of A, B, C):     BE (75 + 0 + 100) / 3 = 58.33
#                                NL (50 + 100 + 0) / 3 = 50
#                                FR (25 + 50 + 50) / 3 = 41.67
@pytest.mark.parametrize(("geo", "expected"), [("BE", 175 / 3), ("NL", 50.0), ("FR", 125 / 3)])
def test_a_complete_country_gets_the_hand_computed_score(geo, expected):
    _bounds, scores = wid_scores(small_values(), SMALL)
    assert (scores[geo].score.number, scores[geo].missing) == (pytest.approx(expected), ())


@pytest.mark.parametrize(
    ("geo", "normalised", "areas"),
    [
        ("BE", {"a1": 50.0, "a2": 100.0, "b1": 0.0, "c1": 100.0}, {"A": 75.0, "B": 0.0, "C": 100.0}),
        ("FR", {"a1": 0.0, "a2": 50.0, "b1": 50.0, "c1": 50.0}, {"A": 25.0, "B": 50.0, "C": 50.0}),
    ],
)
def test_each_indicator_is_placed_between_the_worst_and_the_best_member_state(geo, normalised, areas):
    _bounds, scores = wid_scores(small_values(), SMALL)
    score = scores[geo]
    assert {code: value.number for code, value in score.normalised.items()} == pytest.approx(normalised)
    assert {code: value.number for code, value in score.areas.items()} == pytest.approx(areas)


def test_the_bounds_are_the_lowest_and_highest_member_state_values_and_say_which_way_is_better():
    values = small_values()
    values["a1"]["EU27_2020"] = Value(90.0)  # an aggregate is scored but does not move the bounds
    values["a1"]["NO"] = Value(10.0)
    limits, scores = wid_scores(values, SMALL)
    assert (limits["a1"], limits["c1"]) == (Bounds("a1", 40.0, 80.0, 3, True, ""), Bounds("c1", 5.0, 15.0, 3, False, ""))
    assert (scores["EU27_2020"].normalised["a1"], scores["NO"].normalised["a1"]) == (Value(125.0), Value(-75.0))


@pytest.mark.parametrize(
    ("value", "limits", "expected"),
    [
        (Value(5.0), Bounds("gpg", 5.0, 15.0, 3, False, ""), Value(100.0)),  # lowest pay gap is the best
        (Value(15.0), Bounds("gpg", 5.0, 15.0, 3, False, ""), Value(0.0)),
        (Value(12.5), Bounds("gpg", 5.0, 15.0, 3, False, ""), Value(25.0)),
        (Value(12.5), Bounds("iu", 5.0, 15.0, 3, True, ""), Value(75.0)),
        (Value(7.0), Bounds("iu", 7.0, 7.0, 3, True, ""), Value(100.0)),  # every member state equal
        (Value(10.0, "p"), Bounds("iu", 5.0, 15.0, 3, True, "bu"), Value(50.0, "bpu")),
        (Value(10.0), Bounds("iu", None, None, 0, True, ""), Value(None)),  # no member state has a value
        (Value(None, "c"), Bounds("iu", 5.0, 15.0, 3, True, ""), Value(None, "c")),
    ],
)
def test_normalisation_is_min_max_turned_round_where_lower_is_better(value, limits, expected):
    assert normalise(value, limits) == expected


def test_a_country_missing_an_input_gets_no_score_and_is_told_which_input_is_missing():
    values = small_values()
    del values["c1"]["FR"]
    values["b1"]["FR"] = Value(None, "c")
    _bounds, scores = wid_scores(values, SMALL)
    france = scores["FR"]
    with translation.override("en"):
        assert (france.score, france.missing, str(france.message)) == (
            Value(None, "c"),
            ("b1", "c1"),
            "Not computed: no value for b1, c1.",
        )
    assert france.areas["A"].number == pytest.approx(25.0)  # an area with all its inputs is still shown


def test_the_other_countries_keep_their_score_when_one_misses_an_input():
    values = small_values()
    del values["c1"]["FR"]  # c1 bounds stay 5..15 (BE and NL)
    _bounds, scores = wid_scores(values, SMALL)
    assert scores["BE"].score.number == pytest.approx(175 / 3)


def test_every_member_state_gets_a_result_even_without_any_data():
    _bounds, scores = wid_scores(small_values(), SMALL)
    assert (len(scores), scores["DE"].score.missing, scores["DE"].missing) == (27, True, ("a1", "a2", "b1", "c1"))


def test_flags_of_the_inputs_and_of_the_bounds_travel_to_the_score():
    values = small_values()
    values["a1"]["NL"] = Value(80.0, "p")  # the a1 maximum is provisional
    values["b1"]["BE"] = Value(5.0, "e")  # Belgium's own b1 value, also the b1 minimum, is estimated
    _bounds, scores = wid_scores(values, SMALL)
    flags = {code: value.flags for code, value in scores["FR"].normalised.items()}
    assert (flags, scores["FR"].score.flags, scores["BE"].score.flags) == (
        {"a1": "p", "a2": "", "b1": "e", "c1": ""},
        "ep",
        "ep",
    )


def test_the_result_is_labelled_as_recomputed_by_widmonitor():
    _bounds, scores = wid_scores(small_values(), SMALL)
    with translation.override("en"):
        assert str(scores["BE"].label) == "recomputed by widmonitor"


# What moves the score most, by hand (weights: a1, a2 1/6; b1, c1 1/3; a rise of 10, at most up to 100):
#   BE normalised a1 50, a2 100, b1 0, c1 100 -> gains 10/6, 0, 10/3, 0 -> b1, a1, then a2 and c1 (no room)
#   NL normalised a1 100, a2 0, b1 100, c1 0 -> gains 0, 10/6, 0, 10/3 -> c1, a2, then a1 and b1
@pytest.mark.parametrize(
    ("geo", "order", "gains", "to_best"),
    [
        ("BE", ["b1", "a1", "a2", "c1"], [10 / 3, 10 / 6, 0.0, 0.0], [100 / 3, 50 / 6, 0.0, 0.0]),
        ("NL", ["c1", "a2", "a1", "b1"], [10 / 3, 10 / 6, 0.0, 0.0], [100 / 3, 100 / 6, 0.0, 0.0]),
    ],
)
def test_what_moves_the_score_most_ranks_indicators_by_the_points_a_rise_of_ten_adds(geo, order, gains, to_best):
    _bounds, scores = wid_scores(small_values(), SMALL)
    levers = what_moves_the_score(scores[geo], SMALL)
    assert [lever.indicator for lever in levers] == order
    assert [lever.gain.number for lever in levers] == pytest.approx(gains)
    assert [lever.gain_to_best.number for lever in levers] == pytest.approx(to_best)


def test_a_rise_stops_at_the_eu_best_and_ties_go_to_the_larger_room_to_the_best():
    # a1 50 and a2 20 both gain 10/6; a2 has more room (80/6 against 50/6). b1 at 97 gains 3/3 = 1.
    normalised = {"a1": Value(50.0), "a2": Value(20.0), "b1": Value(97.0, "p"), "c1": Value(100.0)}
    score = Score("BE", Value(60.0), {}, normalised, ())
    levers = what_moves_the_score(score, SMALL)
    assert [(lever.indicator, round(lever.gain.number, 4)) for lever in levers] == [
        ("a2", 1.6667),
        ("a1", 1.6667),
        ("b1", 1.0),
        ("c1", 0.0),
    ]
    assert levers[2].gain.flags == "p"


def test_nothing_is_said_to_move_a_score_that_could_not_be_computed():
    values = small_values()
    del values["a1"]["BE"]
    _bounds, scores = wid_scores(values, SMALL)
    assert what_moves_the_score(scores["BE"], SMALL) == []


# --- the real scoreboard structure -------------------------------------------------------------


def test_the_structure_is_the_one_the_scoreboard_data_states():
    path = settings.REPO_DIR / "data" / "wid_scoreboard" / "wid_indicator_structure.csv"
    with path.open(encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["level"] in ("dimension", "indicator")]
    stated = [(row["parent_code"], row["code"], row["label"].strip()) for row in rows]
    ours = [("wid_score", area.code, area.label) for area in WID_SCOREBOARD] + [
        (area.code, indicator.code, indicator.label) for area in WID_SCOREBOARD for indicator in area.indicators
    ]
    assert sorted(ours) == sorted(stated)


def test_the_scoreboard_weighs_internet_use_indicators_1_18_and_the_others_1_9():
    shares = weights(WID_SCOREBOARD)
    assert (len(shares), shares["wid_ui_iu"], shares["wid_ius_bs"], shares["wid_sse_gpg"]) == (
        12,
        pytest.approx(1 / 18),
        pytest.approx(1 / 9),
        pytest.approx(1 / 9),
    )
    assert sum(shares.values()) == pytest.approx(1.0)


def test_only_never_used_the_internet_and_the_pay_gap_are_better_when_lower():
    lower = [i.code for area in WID_SCOREBOARD for i in area.indicators if not i.higher_is_better]
    assert lower == ["wid_ui_nui", "wid_sse_gpg"]


def test_on_the_real_structure_the_best_everywhere_scores_100_the_worst_0_and_the_middle_50():
    # synthetic: BE best on every indicator (lowest on the two inverted ones), NL worst, FR halfway
    values = {}
    for area in WID_SCOREBOARD:
        for indicator in area.indicators:
            best, worst = (60.0, 20.0) if indicator.higher_is_better else (20.0, 60.0)
            values[indicator.code] = {"BE": Value(best), "NL": Value(worst), "FR": Value(40.0)}
    _bounds, scores = wid_scores(values)
    assert [scores[geo].score.number for geo in ("BE", "NL", "FR")] == pytest.approx([100.0, 0.0, 50.0])


@pytest.mark.parametrize(("years", "expected"), [
    ({"a1": {2020: {"BE": Value(1.0)}, 2021: {"BE": Value(2.0)}}, "b1": {2020: {"BE": Value(3.0)}}}, 2020),  # most inputs
    ({"a1": {2020: {"BE": Value(1.0)}, 2021: {"BE": Value(2.0)}}, "b1": {2021: {"BE": Value(3.0)}}}, 2021),
    ({"a1": {2020: {"BE": Value(1.0)}}, "b1": {2021: {"BE": Value(3.0)}}}, 2021),  # a tie: the later year
    ({"a1": {2020: {"BE": Value(None, "c")}, 2019: {"BE": Value(1.0)}}}, 2019),  # a missing value counts for nothing
    ({"a1": {2020: {"NL": Value(1.0)}}}, None),  # Belgium has no value at all
])  # fmt: skip
def test_the_reference_year_is_the_latest_with_the_most_inputs_for_the_country(years, expected):
    assert reference_year(years, "BE") == expected
