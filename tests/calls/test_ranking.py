"""The ranking's rules as tables of plain numbers: means and spread, weights, gaps' weight, missing scores, ties."""

import pytest

from widmonitor.calls.ranking import Spread, merit, ranked, total


@pytest.mark.parametrize(
    "values, expected",
    [
        ([2, 4], Spread(2, 3, 2, 4, 1.0)),
        ([5], Spread(1, 5, 5, 5, 0.0)),
        ([1, 1, 4], Spread(3, 2, 1, 4, pytest.approx(1.4142, abs=1e-4))),
        ([], Spread(0, None, None, None, None)),
    ],
)
def test_a_criterion_shows_the_mean_lowest_highest_and_deviation_of_its_scores(values, expected):
    assert Spread.of(values) == expected


@pytest.mark.parametrize(
    "scores, weights, score_max, expected",
    [
        ([[5], [5]], [60, 40], 5, 100),
        ([[0], [0]], [60, 40], 5, 0),
        ([[5], [0]], [60, 40], 5, 60),
        ([[2, 4], [1]], [60, 40], 5, 0.6 * 60 + 0.4 * 20),  # mean 3 of 5 on the first, 1 of 5 on the second
        ([[10], [5]], [1, 1], 10, 75),
        ([[5], []], [60, 40], 5, None),  # the second criterion waits for a score
    ],
)
def test_the_merit_weighs_each_criterions_mean_as_a_share_of_the_highest_score(scores, weights, score_max, expected):
    assert merit([Spread.of(v) for v in scores], weights, score_max) == expected


@pytest.mark.parametrize(
    "merit_value, gap_share, gap_weight, expected",
    [(80, 0.5, 0, 80), (80, 0.5, 20, 74), (80, 1, 50, 90), (None, 1, 50, None)],
)
def test_the_total_counts_the_gaps_for_the_calls_gap_weight(merit_value, gap_share, gap_weight, expected):
    assert total(merit_value, gap_share, gap_weight) == expected


def ranks(lines):
    return [(line.key, line.rank) for line in lines]


def test_the_best_total_ranks_first_and_equal_totals_share_a_rank_the_next_skipping():
    scores = {"a": [[3], [3]], "b": [[5], [5]], "c": [[3], [3]], "d": [[1], [1]]}
    assert ranks(ranked(scores, [1, 1], 5, {}, 0)) == [("b", 1), ("a", 2), ("c", 2), ("d", 4)]


def test_an_application_missing_a_score_has_no_rank_and_comes_after_the_ranked_ones_naming_what_is_missing():
    lines = ranked({"a": [[], [3]], "b": [[1], [1]]}, [1, 1], 5, {}, 0)
    assert ranks(lines) == [("b", 1), ("a", None)]
    assert lines[1].missing == [0] and lines[1].total is None


def test_the_gaps_can_turn_the_ranking_when_the_call_weighs_them():
    scores = {"many-gaps": [[3], [3]], "no-gaps": [[4], [4]]}
    shares = {"many-gaps": 1.0, "no-gaps": 0.0}
    assert [key for key, _rank in ranks(ranked(scores, [1, 1], 5, shares, 0))] == ["no-gaps", "many-gaps"]
    assert [key for key, _rank in ranks(ranked(scores, [1, 1], 5, shares, 30))] == ["many-gaps", "no-gaps"]
