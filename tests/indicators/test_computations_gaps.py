import pytest

from widmonitor.indicators.computations.gaps import (
    gap,
    is_parity,
    ratio,
    share_of_women,
)
from widmonitor.indicators.computations.values import Value


@pytest.mark.parametrize(
    ("women", "men", "expected"),
    [
        (Value(48.0), Value(52.0), Value(-4.0)),  # women below men: negative
        (Value(55.0), Value(50.0), Value(5.0)),  # men below women: positive
        (Value(50.0), Value(50.0), Value(0.0)),  # zero gap
        (Value(19.0, "p"), Value(81.0), Value(-62.0, "p")),  # a gap from a provisional value is provisional
        (Value(19.0, "b"), Value(81.0, "bu"), Value(-62.0, "bu")),  # flags merged without repeats
        (Value(None, "c"), Value(81.0), Value(None, "c")),  # missing women: missing gap, flag kept
        (Value(19.0), Value(None), Value(None)),
    ],
)
def test_the_gap_is_women_minus_men_in_the_unit_of_the_values(women, men, expected):
    assert gap(women, men) == expected


def test_a_gap_from_decimals_is_the_arithmetic_difference():
    assert gap(Value(51.3), Value(48.1)).number == pytest.approx(3.2)


@pytest.mark.parametrize(
    ("women", "men", "expected"),
    [
        (Value(40.0), Value(80.0), Value(0.5)),
        (Value(60.0), Value(40.0), Value(1.5)),
        (Value(50.0), Value(50.0), Value(1.0)),  # parity is 1
        (Value(0.0), Value(50.0), Value(0.0)),
        (Value(10.0), Value(0.0, "e"), Value(None, "e")),  # no ratio to zero men
        (Value(10.0, "p"), Value(20.0, "e"), Value(0.5, "ep")),
        (Value(None), Value(20.0), Value(None)),
    ],
)
def test_the_ratio_is_women_divided_by_men(women, men, expected):
    assert ratio(women, men) == expected


@pytest.mark.parametrize(
    ("women", "total", "expected"),
    [
        (Value(40.0), Value(200.0), Value(20.0)),  # 40 thousand of 200 thousand: 20 %
        (Value(0.0), Value(50.0), Value(0.0)),
        (Value(5.0, "u"), Value(20.0, "p"), Value(25.0, "pu")),
        (Value(3.0), Value(0.0), Value(None)),  # no share of an empty total
        (Value(None, "c"), Value(20.0), Value(None, "c")),
    ],
)
def test_womens_share_is_a_percentage_of_the_total(women, total, expected):
    assert share_of_women(women, total) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Value(0.0), True),
        (Value(1.0), True),  # the tolerance is 1 in the unit, inclusive
        (Value(-1.0), True),
        (Value(1.1), False),
        (Value(-4.0), False),
        (Value(None), False),  # no data is not parity
    ],
)
def test_a_gap_within_one_point_of_zero_counts_as_parity(value, expected):
    assert is_parity(value) is expected
