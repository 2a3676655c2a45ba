import pytest

from widmonitor.indicators.computations.values import Value, derive, merge_flags


@pytest.mark.parametrize(
    ("flags", "merged"),
    [
        (("", ""), ""),
        (("p", ""), "p"),
        (("p", "p"), "p"),
        (("p", "bu"), "bpu"),
        (("bu", "p"), "bpu"),  # the order of the inputs does not matter
        (("e", "ep", "u"), "epu"),
        ((" p", "b "), "bp"),  # stray spaces from a TSV cell are not flags
    ],
)
def test_merged_flags_are_the_letters_of_all_inputs_once_in_alphabetical_order(flags, merged):
    assert merge_flags(*flags) == merged


def test_a_value_keeps_its_flags_exactly_as_the_source_wrote_them():
    assert Value(41.2, "bu").flags == "bu"


def test_a_derived_value_is_flagged_with_the_flags_of_every_input():
    assert derive(lambda a, b: a + b, Value(1.0, "p"), Value(2.0, "bu")) == Value(3.0, "bpu")


def test_a_missing_input_makes_the_result_missing_and_its_flag_still_travels():
    assert derive(lambda a, b: a + b, Value(None, "c"), Value(2.0, "p")) == Value(None, "cp")


def test_a_value_without_a_number_is_missing_and_zero_is_not():
    assert (Value(None).missing, Value(0.0).missing) == (True, False)


def test_values_cannot_be_changed_once_made():
    with pytest.raises(AttributeError):
        Value(1.0).number = 2.0
