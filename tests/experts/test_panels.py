"""The panel arithmetic and the Inclusive Panels charter rule (three or more speakers, a woman and a man)."""

from datetime import date

import pytest

from widmonitor.experts.models import PanelRecord, women_speakers_in
from widmonitor.experts.panels import PanelCounts, Verdict, assess
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative


@pytest.mark.parametrize(
    ("women", "men", "non_binary", "not_stated", "share", "share_of_stated", "verdict"),
    [
        (0, 0, 0, 0, None, None, Verdict.EMPTY),
        (1, 1, 0, 0, 0.5, 0.5, Verdict.NOT_A_PANEL),  # fewer than three speakers
        (0, 0, 0, 2, 0.0, None, Verdict.NOT_A_PANEL),
        (0, 0, 0, 3, 0.0, None, Verdict.UNKNOWN),  # all not stated
        (1, 2, 0, 0, 1 / 3, 1 / 3, Verdict.MEETS),
        (2, 1, 0, 0, 2 / 3, 2 / 3, Verdict.MEETS),
        (0, 4, 0, 0, 0.0, 0.0, Verdict.NOT_MET),  # all men
        (4, 0, 0, 0, 1.0, 1.0, Verdict.NOT_MET),  # all women: homogeneous too
        (3, 0, 1, 0, 0.75, 0.75, Verdict.NOT_MET),  # no man
        (0, 3, 0, 1, 0.0, 0.0, Verdict.UNKNOWN),  # the not stated speaker may be a woman
        (2, 0, 0, 1, 2 / 3, 1.0, Verdict.UNKNOWN),
        (0, 0, 2, 1, 0.0, 0.0, Verdict.NOT_MET),  # one not stated cannot be both a woman and a man
        (0, 0, 1, 2, 0.0, 0.0, Verdict.UNKNOWN),
        (1, 1, 1, 0, 1 / 3, 1 / 3, Verdict.MEETS),
        (1, 5, 0, 4, 0.1, 1 / 6, Verdict.MEETS),
    ],
)
def test_assess_gives_the_shares_and_the_verdict(women, men, non_binary, not_stated, share, share_of_stated, verdict):
    assessment = assess(PanelCounts(women, men, non_binary, not_stated))

    assert assessment.women_share == (pytest.approx(share) if share is not None else None)
    assert assessment.women_share_of_stated == (pytest.approx(share_of_stated) if share_of_stated is not None else None)
    assert assessment.verdict is verdict


def test_percentages_are_rounded_to_one_decimal():
    assessment = assess(PanelCounts(women=1, men=2))

    assert assessment.women_percent == 33.3
    assert assess(PanelCounts()).women_percent is None


def test_negative_counts_are_refused():
    with pytest.raises(ValueError, match="men cannot be negative"):
        PanelCounts(women=1, men=-1)


def test_each_verdict_reads_as_a_sentence():
    assert assess(PanelCounts(0, 4)).sentence == (
        "This panel does not meet the Inclusive Panels charter's aim: it needs at least one woman and one man."
    )
    assert "fewer than 3 speakers" in assess(PanelCounts(1, 1)).sentence


@pytest.fixture
def event(db):
    return save_initiative(
        Initiative(uid="synthetic-conference", title={"en": "Synthetic conference"}, original_language="en"), {}, reason="Test"
    )


def test_the_share_of_women_speakers_of_a_year_adds_up_that_years_panels(event):
    PanelRecord.objects.create(initiative=event, held_on=date(2025, 3, 8), women=1, men=3)
    PanelRecord.objects.create(initiative=event, held_on=date(2025, 10, 1), women=3, men=1, not_stated=2)
    PanelRecord.objects.create(initiative=event, held_on=date(2024, 5, 1), women=0, men=5)

    events, totals = women_speakers_in(2025)

    assert events == 2
    assert totals == PanelCounts(women=4, men=4, non_binary=0, not_stated=2)
    assert assess(totals).women_share == pytest.approx(0.4)


def test_a_year_without_panels_has_no_share(db):
    events, totals = women_speakers_in(2031)

    assert (events, totals) == (0, PanelCounts())
    assert assess(totals).women_share is None
