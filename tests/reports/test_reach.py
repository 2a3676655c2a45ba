"""The report shows the reach the initiatives of the year reported: per objective, sub-objective, audience and age band."""

import pytest

from widmonitor.reach.models import Outcome, OutcomeByAge
from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html
from widmonitor.strategy.models import Objective

from .test_counts import running_2022


@pytest.fixture
def outcomes(data, django_user_model):
    """Accepted outcomes for 2022 of two initiatives running that year, a pending one of a third, a rejected one of a fourth."""
    moderator = django_user_model.objects.create_user("moderator-r")
    first, second, third, fourth = running_2022().filter(objectives__parent__isnull=False).distinct().order_by("uid")[:4]
    made = []
    for initiative, participants, women, status in [
        (first, 40, 25, "accepted"),
        (second, 10, 2, "accepted"),
        (third, 500, 500, "pending"),
        (fourth, 300, 0, "rejected"),
    ]:
        outcome = Outcome.objects.create(
            initiative=initiative, year=2022, participants=participants, women_and_girls=women, sessions=4,
            source_kind="own-count", status=status, entered_by=moderator,
        )  # fmt: skip
        made.append(outcome)
    OutcomeByAge.objects.create(outcome=made[0], band="12-18", participants=30, women_and_girls=20)
    return made


def expected(objective, outcomes):
    """The participants and women of the accepted outcomes of initiatives serving ``objective``, computed here."""
    serving = set(running_2022().serving(objective).values_list("pk", flat=True))
    accepted = [o for o in outcomes if o.status == "accepted" and o.initiative_id in serving]
    return sum(o.participants for o in accepted), sum(o.women_and_girls for o in accepted), len(accepted), len(serving)


def test_each_objective_and_sub_objective_carries_the_reach_of_its_initiatives(outcomes):
    report = build_report(2022)

    for objective in Objective.objects.current():
        reach = report.objective(objective.code).reach
        assert (reach.participants, reach.women, reach.reported, reach.initiatives) == expected(objective, outcomes), objective.code


def test_the_overview_counts_each_initiative_once_and_only_accepted_outcomes(outcomes):
    total = build_report(2022).reach.total

    assert (total.participants, total.women, total.reported) == (50, 27, 2)
    assert total.initiatives == running_2022().count()
    assert total.women_share == 54.0


def test_the_age_bands_add_up_to_what_the_outcomes_give(outcomes):
    ages = build_report(2022).reach.ages

    assert (ages["12-18"].participants, ages["12-18"].women, ages["12-18"].reported) == (30, 20, 1)
    assert ages["65plus"].reported == 0


def test_the_rendered_report_says_how_many_reported_and_the_computed_share(outcomes):
    html = render_html(build_report(2022), "en")

    assert "2 of the " in html and "reported their outcomes: 50 participants, of whom 27 women and girls." in html
    assert "62.5 %" in html  # 25 of 40, the first initiative's sub-objective


def test_a_year_without_reports_says_so(data):
    html = render_html(build_report(2022), "en")

    assert "No initiative has reported its reach for 2022 yet." in html


def test_a_year_without_reports_says_so_once_not_under_every_objective(data):
    html = render_html(build_report(2022), "en")

    assert "reported its reach for 2022" not in html.replace("No initiative has reported its reach for 2022 yet", "")
