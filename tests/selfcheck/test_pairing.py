"""Pairing a participant's self-check at the start of an initiative with the one at its end, by the code she keeps."""

import pytest

from widmonitor.selfcheck.change import MIN_PAIRS, change_of
from widmonitor.selfcheck.codes import ALPHABET, new_code, normalised
from widmonitor.selfcheck.framework import framework
from widmonitor.selfcheck.models import InitiativeCheck, PairingRefused, Participation

CODES = [c.code for c in framework().competences]


def levels(value):
    return {code: value for code in CODES}


@pytest.fixture
def checks(records):
    x, y = records
    return InitiativeCheck.objects.create(initiative=x), InitiativeCheck.objects.create(initiative=y)


def test_a_new_code_is_six_unambiguous_characters_in_two_groups():
    for _ in range(200):
        code = new_code()
        assert len(code) == 7 and code[3] == "-"
        assert all(ch in ALPHABET for ch in code.replace("-", ""))
        assert not set(code) & set("01ILO")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("km4-t7p", "KM4-T7P"), (" KM4 T7P ", "KM4-T7P"), ("km4t7p", "KM4-T7P"), ("KM4-T7", None), ("KM4-T7O", None), ("", None), (None, None)],
)
def test_a_typed_code_is_read_whatever_its_case_and_separators(typed, stored):
    assert normalised(typed) == stored


def test_a_start_is_kept_under_a_new_code_and_the_end_beside_it(checks):
    check, _other = checks
    code = check.start(levels(1))
    check.finish(code.lower().replace("-", " "), levels(2))
    participation = Participation.objects.get()
    assert (participation.code, participation.before["1.1"], participation.after["1.1"]) == (code, 1, 2)
    assert participation.after_month.day == 1


def test_a_second_end_for_the_same_code_is_refused_and_keeps_the_first(checks):
    check, _other = checks
    code = check.start(levels(1))
    check.finish(code, levels(2))
    with pytest.raises(PairingRefused) as refused:
        check.finish(code, levels(3))
    assert refused.value.code == "finished"
    assert refused.value.text == f"The code {code} already has its self-check at the end."
    assert Participation.objects.get().after["1.1"] == 2


def test_a_code_of_another_initiative_is_not_paired(checks):
    check_x, check_y = checks
    code = check_y.start(levels(1))
    with pytest.raises(PairingRefused) as refused:
        check_x.finish(code, levels(2))
    assert refused.value.code == "unknown"
    assert Participation.objects.get().after is None


def test_a_malformed_code_is_refused_with_what_a_code_looks_like(checks):
    with pytest.raises(PairingRefused, match="six letters and digits, like KM4-T7P"):
        checks[0].finish("hello", levels(2))


def test_starts_without_an_end_are_counted_as_started_but_not_as_pairs(checks):
    check, _other = checks
    for _ in range(MIN_PAIRS):
        check.finish(check.start(levels(1)), levels(2))
    for _ in range(5):
        check.start(levels(0))
    change = check.change()
    assert (change.pairs, change.started, change.enough) == (MIN_PAIRS, MIN_PAIRS + 5, True)
    assert [(a.before, a.after, a.difference) for a in change.areas] == [(1.0, 2.0, 1.0)] * 5


def test_the_change_is_not_given_below_ten_pairs_and_is_from_ten():
    nine = change_of([(levels(0), levels(1))] * (MIN_PAIRS - 1))
    ten = change_of([(levels(0), levels(1))] * MIN_PAIRS)
    assert (nine.enough, nine.areas) == (False, ())
    assert ten.enough and len(ten.areas) == 5


def test_an_area_change_is_the_mean_of_its_competences_levels_over_the_pairs():
    first_area = framework().areas[0]  # 3 competences
    before = [levels(0), *[levels(1)] * 9]
    after_one = {**levels(1), first_area.competences[0].code: 3}
    change = change_of([(b, after_one) for b in before])
    area = change.areas[0]
    assert (area.before, area.after, area.difference) == (0.9, round(5 / 3, 2), round(round(5 / 3, 2) - 0.9, 2))


def test_the_change_of_a_year_counts_the_pairs_ended_in_that_year(checks):
    check, _other = checks
    for _ in range(MIN_PAIRS):
        check.finish(check.start(levels(1)), levels(2))
    Participation.objects.update(after_month="2025-06-01")
    assert check.change(2025).pairs == MIN_PAIRS
    assert check.change(2026).pairs == 0
