import pytest
from django.utils import translation

from widmonitor.indicators.computations.progress import (
    Status,
    distance_to_target,
    gap_progress,
)
from widmonitor.indicators.computations.values import Value


def gaps(*numbers, first_year=2019):
    """A gap series for consecutive years from ``first_year``; ``None`` is a missing year."""
    return [(first_year + index, Value(number)) for index, number in enumerate(numbers)]


@pytest.mark.parametrize(
    ("points", "status"),
    [
        ([], Status.NO_DATA),
        (gaps(None, None, None), Status.NO_DATA),
        (gaps(-3.0, -2.0, -0.5), Status.AT_PARITY),
        (gaps(0.8), Status.AT_PARITY),  # parity needs no trend
        (gaps(-4.0, -2.0, 0.0), Status.AT_PARITY),  # a zero gap
        (gaps(-6.0, -5.0, -4.0), Status.CLOSING),
        (gaps(6.0, 5.0, 4.0), Status.CLOSING),  # men below women, the gap shrinking
        (gaps(-6.0, None, -5.0, None, -4.0), Status.CLOSING),  # missing years: 0.5 a year
        (gaps(-4.0, -5.0, -6.0), Status.WIDENING),
        (gaps(4.0, 5.0, 6.0), Status.WIDENING),  # men below women, the gap growing
        (gaps(-1.5, 1.5, 3.0), Status.WIDENING),  # crossed parity and keeps going
        (gaps(-4.0, -4.1, -4.0), Status.STALLED),
        (gaps(-4.2, -4.1, -4.0), Status.STALLED),  # 0.1 a year is below 0.2
        (gaps(-4.0, None, -3.0), Status.TOO_FEW_POINTS),
        (gaps(-4.0), Status.TOO_FEW_POINTS),
    ],
)
def test_the_status_reads_the_last_gap_and_its_trend_not_a_growth_rate(points, status):
    assert gap_progress(points).status == status


def test_a_closing_gap_names_its_last_year_its_distance_to_parity_and_its_pace():
    points = [(2019, Value(-6.0, "b")), (2020, Value(-5.0)), (2021, Value(-4.0, "p")), (2022, Value(None, "c"))]
    progress = gap_progress(points)
    assert (progress.year, progress.gap, progress.distance_to_parity, progress.slope, progress.flags) == (
        2021,
        Value(-4.0, "p"),
        Value(4.0, "p"),
        Value(1.0, "bp"),
        "bp",
    )


def test_a_series_without_data_has_no_distance_to_parity():
    progress = gap_progress(gaps(None, None))
    assert (progress.year, progress.distance_to_parity) == (None, Value(None))


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (Status.AT_PARITY, "at parity"),
        (Status.CLOSING, "gap closing"),
        (Status.STALLED, "gap stalled"),
        (Status.WIDENING, "gap widening"),
        (Status.TOO_FEW_POINTS, "too few years to judge"),
        (Status.NO_DATA, "no data"),
    ],
)
def test_each_status_has_a_label_a_reader_understands(status, label):
    with translation.override("en"):
        assert str(status.label) == label


@pytest.mark.parametrize(
    ("value", "target", "higher_is_better", "expected"),
    [
        (Value(58.0, "p"), 80.0, True, Value(22.0, "p")),  # basic digital skills towards 80 %
        (Value(81.0), 80.0, True, Value(0.0)),  # met: nothing left
        (Value(80.0), 80.0, True, Value(0.0)),
        (Value(8.0), 5.0, False, Value(3.0)),  # never used the internet, down to 5 %
        (Value(4.0, "e"), 5.0, False, Value(0.0, "e")),
        (Value(None, "c"), 80.0, True, Value(None, "c")),
    ],
)
def test_the_distance_to_target_is_what_is_left_to_go_in_the_better_direction(value, target, higher_is_better, expected):
    assert distance_to_target(value, target, higher_is_better) == expected
