"""Shares are computed from the counts, never typed: none when nobody took part."""

import pytest
from django.utils import translation

from widmonitor.reach.models import Outcome, OutcomeByAge, share
from widmonitor.reach.templatetags.reach import percent


@pytest.mark.parametrize(
    "part, whole, expected",
    [(60, 100, 0.6), (0, 100, 0.0), (100, 100, 1.0), (1, 3, 1 / 3), (0, 0, None)],
)
def test_a_share_is_the_part_of_the_whole(part, whole, expected):
    assert share(part, whole) == (pytest.approx(expected) if expected is not None else None)


def test_outcomes_and_their_age_rows_compute_their_share():
    assert Outcome(participants=80, women_and_girls=20).women_share == 0.25
    assert Outcome(participants=0, women_and_girls=0).women_share is None
    assert OutcomeByAge(participants=3, women_and_girls=2).women_share == pytest.approx(2 / 3)


def test_an_outcome_has_no_field_to_type_a_share_in():
    names = {field.name for model in (Outcome, OutcomeByAge) for field in model._meta.get_fields()}

    assert not {name for name in names if "share" in name or "percent" in name}


@pytest.mark.parametrize("value, shown", [(None, "–"), (0.0, "0 %"), (0.584, "58 %"), (2 / 3, "67 %"), (1.0, "100 %")])
def test_a_share_is_shown_as_a_whole_percentage(value, shown):
    with translation.override("en"):
        assert percent(value) == shown


def test_the_objective_page_says_nothing_of_reach_before_any_report(strategy, client):
    page = client.get("/en/strategy/1.2/").content.decode()

    assert 'id="reach-title"' not in page
