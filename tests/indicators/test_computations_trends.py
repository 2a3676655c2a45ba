import pytest
from django.utils import translation

from widmonitor.indicators.computations.trends import (
    change,
    trend,
    year_of_parity,
    year_of_target,
)
from widmonitor.indicators.computations.values import Value


def series(*pairs):
    """``series((2019, 10), (2020, None, "c"))``: year, number and optional flags."""
    return [(year, Value(*rest)) for year, *rest in pairs]


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        (Value(10.0), Value(14.0), Value(4.0)),
        (Value(14.0), Value(10.0), Value(-4.0)),
        (Value(-3.0), Value(-3.0), Value(0.0)),
        (Value(10.0, "b"), Value(14.0, "p"), Value(4.0, "bp")),
        (Value(None), Value(14.0, "p"), Value(None, "p")),
    ],
)
def test_the_change_is_the_later_value_minus_the_earlier(earlier, later, expected):
    assert change(earlier, later) == expected


@pytest.mark.parametrize(
    ("points", "slope"),
    [
        # on the line 10 + 2 per year; 2020 and 2022 missing: the slope is per year, not per point
        (series((2019, 10.0), (2020, None), (2021, 14.0), (2023, 18.0)), 2.0),
        # mean year 2019, mean value 2: sum of products 1, sum of squares 2
        (series((2018, 1.0), (2019, 3.0), (2020, 2.0)), 0.5),
        # the same points in another order
        (series((2020, 2.0), (2018, 1.0), (2019, 3.0)), 0.5),
        (series((2019, -6.0), (2021, -5.0), (2023, -4.0)), 0.5),
        (series((2019, 7.0), (2020, 7.0), (2021, 7.0)), 0.0),
    ],
)
def test_the_slope_is_the_least_squares_change_per_year_over_the_years_with_a_value(points, slope):
    assert trend(points).slope.number == pytest.approx(slope)


def test_a_trend_needs_three_years_with_a_value():
    fitted = trend(series((2019, 10.0), (2020, None), (2021, 14.0)))
    assert (fitted.slope, fitted.points, fitted.last_year, fitted.last) == (Value(None), 2, 2021, Value(14.0))


def test_the_trend_carries_the_flags_of_the_values_it_used_and_not_of_missing_ones():
    fitted = trend(series((2019, 10.0, "b"), (2020, None, "c"), (2021, 14.0), (2022, 16.0, "p")))
    assert fitted.slope.flags == "bp"


def test_two_values_for_one_year_are_refused():
    with pytest.raises(ValueError, match="same year"):
        trend(series((2020, 1.0), (2020, 2.0), (2021, 3.0)))


@pytest.mark.parametrize(
    ("points", "year"),
    [
        # women 6 points below men, closing 1 a year: zero 4 years after 2021
        (series((2019, -6.0), (2020, -5.0), (2021, -4.0)), 2025),
        # men below women, closing 1 a year
        (series((2019, 6.0), (2020, 5.0), (2021, 4.0)), 2025),
        # missing 2020 and 2022, 0.5 a year: -4 in 2023 reaches zero in 2031
        (series((2019, -6.0), (2020, None), (2021, -5.0), (2022, None), (2023, -4.0)), 2031),
        # 4.5 years after 2022 is mid-2026: the first whole year at or past zero is 2027
        (series((2020, -6.5), (2021, -5.5), (2022, -4.5)), 2027),
    ],
)
def test_parity_is_projected_from_the_last_gap_at_the_trends_pace(points, year):
    projection = year_of_parity(points)
    assert (projection.year, projection.reached, projection.reason) == (year, False, "")


@pytest.mark.parametrize(
    ("points", "year"),
    [
        (series((2019, -3.0), (2020, -2.0), (2021, -0.5)), 2021),
        (series((2019, 3.0), (2020, 1.0), (2021, 1.0)), 2021),  # 1 point is within the tolerance
        (series((2023, 0.4)), 2023),  # parity needs no trend
        (series((2020, -3.0), (2021, 0.0), (2022, None)), 2021),  # the last year with a value counts
    ],
)
def test_a_gap_already_at_parity_is_reached_in_its_last_observed_year(points, year):
    projection = year_of_parity(points)
    assert (projection.year, projection.reached) == (year, True)


@pytest.mark.parametrize(
    ("points", "reason", "message"),
    [
        (
            series((2019, -4.0), (2020, -5.0), (2021, -6.0)),
            "diverging",
            "The trend moves away from 0.",
        ),
        (  # crossed parity and keeps going: slope 2.25, last gap +3
            series((2019, -1.5), (2020, 1.5), (2021, 3.0)),
            "diverging",
            "The trend moves away from 0.",
        ),
        (
            series((2019, -4.0), (2020, -4.1), (2021, -4.0)),
            "flat",
            "The trend is flat: it moves less than 0.2 a year.",
        ),
        (  # 0.1 a year would take 40 years
            series((2019, -4.2), (2020, -4.1), (2021, -4.0)),
            "flat",
            "The trend is flat: it moves less than 0.2 a year.",
        ),
        (
            series((2020, -4.0), (2021, None), (2022, -3.0)),
            "too-few-points",
            "Too few years with data for a trend: 2, at least 3 needed.",
        ),
        (
            [],
            "too-few-points",
            "Too few years with data for a trend: 0, at least 3 needed.",
        ),
    ],
)
def test_no_year_is_projected_when_the_trend_diverges_is_flat_or_has_too_few_points(points, reason, message):
    projection = year_of_parity(points)
    with translation.override("en"):
        assert (projection.year, projection.reason, str(projection.message)) == (None, reason, message)


def test_a_projection_is_flagged_with_the_flags_of_the_values_it_rests_on():
    points = series((2019, -6.0, "b"), (2020, -5.0), (2021, -4.0, "p"))
    assert (year_of_parity(points).year, year_of_parity(points).flags) == (2025, "bp")


def test_a_projection_without_a_year_keeps_the_flags_too():
    points = series((2019, -4.0, "e"), (2020, -5.0), (2021, -6.0, "p"))
    assert (year_of_parity(points).reason, year_of_parity(points).flags) == ("diverging", "ep")


@pytest.mark.parametrize(
    ("points", "target", "higher_is_better", "year", "reached", "reason"),
    [
        # basic digital skills, 2 points a year from 58 in 2023: 80 after 11 years
        (series((2019, 50.0), (2021, 54.0), (2023, 58.0)), 80.0, True, 2034, False, ""),
        (series((2019, 70.0), (2021, 76.0), (2023, 81.0)), 80.0, True, 2023, True, ""),
        (series((2019, 58.0), (2020, 57.0), (2021, 56.0)), 80.0, True, None, False, "diverging"),
        # never used the internet, down 2 a year from 8: 5 or less after 1.5 years, so in 2023
        (series((2019, 12.0), (2020, 10.0), (2021, 8.0)), 5.0, False, 2023, False, ""),
        (series((2019, 12.0), (2020, 8.0), (2021, 4.0)), 5.0, False, 2021, True, ""),
        (series((2019, 6.0), (2020, 7.0), (2021, 8.0)), 5.0, False, None, False, "diverging"),
    ],
)
def test_a_target_is_projected_in_the_direction_that_is_better(points, target, higher_is_better, year, reached, reason):
    projection = year_of_target(points, target, higher_is_better)
    assert (projection.year, projection.reached, projection.reason) == (year, reached, reason)


def test_a_diverging_target_names_the_target_in_its_message():
    projection = year_of_target(series((2019, 58.0), (2020, 57.0), (2021, 56.0)), 80.0)
    with translation.override("en"):
        assert str(projection.message) == "The trend moves away from 80."
