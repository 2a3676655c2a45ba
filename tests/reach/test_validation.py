"""What an outcome may say: counts from 0, women and girls within the participants, age bands within the totals, a year it ran."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.reach.forms import OutcomeForm
from widmonitor.reach.models import Outcome, check_age_rows

from .conftest import outcome_form, outcome_of

THIS_YEAR = timezone.localdate().year


@pytest.fixture
def club(db):
    """A club that ran from 2021 to 2023."""
    return save_initiative(Initiative(uid="club", title={"en": "Club"}, original_language="en", starts="2021", ends="2023-06"))


def codes(error):
    return sorted(e.code for errors in error.error_dict.values() for e in errors)


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({}, []),
        ({"women_and_girls": 100}, []),
        ({"women_and_girls": 101}, ["women_over_participants"]),
        ({"participants": 0, "women_and_girls": 0}, []),
        ({"participants": -1, "women_and_girls": 0}, ["min_value", "women_over_participants"]),
        ({"women_and_girls": -5}, ["min_value"]),
        ({"sessions": -1}, ["min_value"]),
        ({"year": 2020}, ["outside_period"]),
        ({"year": 2024}, ["outside_period"]),
        ({"year": 1999}, ["min_value", "outside_period"]),
        ({"source_kind": "other", "source_note": "  "}, ["source_note_required"]),
        ({"source_kind": "other", "source_note": "Statbel survey"}, []),
        ({"source_kind": "guess"}, ["invalid_choice"]),
    ],
)
def test_an_outcome_is_checked_field_by_field(club, fields, expected):
    values = {"year": 2022, "participants": 100, "women_and_girls": 60, "source_kind": "estimate", **fields}
    outcome = Outcome(initiative=club, **values)

    if expected:
        with pytest.raises(ValidationError) as caught:
            outcome.full_clean(exclude=["entered_by"])
        assert codes(caught.value) == expected
    else:
        outcome.full_clean(exclude=["entered_by"])


def test_a_year_still_to_come_is_refused_for_an_open_ended_initiative(db):
    open_ended = save_initiative(Initiative(uid="open", title={"en": "Open"}, original_language="en"))
    outcome = Outcome(initiative=open_ended, year=THIS_YEAR + 1, participants=1, women_and_girls=1, source_kind="estimate")

    with pytest.raises(ValidationError) as caught:
        outcome.full_clean(exclude=["entered_by"])

    assert codes(caught.value) == ["future_year"]
    assert caught.value.messages == [f"{THIS_YEAR + 1} is still to come (this is {THIS_YEAR})."]


def test_the_refusal_of_too_many_women_reads_as_a_sentence(club):
    outcome = Outcome(initiative=club, year=2022, participants=10, women_and_girls=12, source_kind="estimate")

    with pytest.raises(ValidationError) as caught:
        outcome.full_clean(exclude=["entered_by"])

    assert caught.value.messages == ["12 women and girls is more than the 10 participants."]


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([], []),
        ([("12-18", 60, 40), ("19-25", 40, 20)], []),
        ([("12-18", 60, 40), ("19-25", 41, 20)], ["ages_over_participants"]),
        ([("12-18", 60, 40), ("19-25", 30, 21)], ["ages_over_women"]),
        ([("12-18", 10, 11)], ["age_women_over_participants"]),
        ([("12-18", 80, 50), ("19-25", 30, 20)], ["ages_over_participants", "ages_over_women"]),
    ],
)
def test_age_bands_add_up_to_at_most_the_totals(rows, expected):
    if expected:
        with pytest.raises(ValidationError) as caught:
            check_age_rows(100, 60, rows)
        assert sorted(e.code for e in caught.value.error_list) == expected
    else:
        check_age_rows(100, 60, rows)


def test_the_form_refuses_an_age_band_with_one_count_and_bands_past_the_totals(club):
    half = OutcomeForm(outcome_form(year=2022, age_12_18_participants=10), initiative=club)
    ages = {"age_12_18_participants": 90, "age_12_18_women": 50, "age_19_25_participants": 20, "age_19_25_women": 5}
    over = OutcomeForm(outcome_form(year=2022, **ages), initiative=club)

    assert half.errors["age_12_18_participants"] == ["Age 12 to 18: give both the participants and the women and girls, or neither."]
    assert over.non_field_errors() == ["The age bands count 110 participants, more than the 100 in all."]


def test_the_form_refuses_negative_counts(club):
    form = OutcomeForm(outcome_form(year=2022, participants=-3, age_lt6_participants=-1, age_lt6_women=0), initiative=club)

    assert set(form.errors) == {"participants", "age_lt6_participants"}


def test_the_database_refuses_more_women_than_participants_whatever_the_way_in(club):
    with pytest.raises(IntegrityError):
        outcome_of(club, year=2022, participants=5, women=6)


def test_the_database_keeps_one_accepted_outcome_per_initiative_and_year(club):
    outcome_of(club, year=2022, status="accepted")

    with pytest.raises(IntegrityError):
        outcome_of(club, year=2022, status="accepted")
