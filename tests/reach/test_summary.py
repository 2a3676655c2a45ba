"""The reach summaries equal a direct count of the accepted outcomes of published initiatives, in a few queries.

The initiatives and their figures are synthetic (made up for the test).
"""

import pytest
from django.db.models import Sum

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.reach import summary
from widmonitor.reach.models import Outcome
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term

from .conftest import outcome_of


def initiative(uid, objectives, audiences=(), moderation="published", starts="2020"):
    """An initiative of ``objectives`` and ``audiences``, open-ended since ``starts`` (running in every year of the scene)."""
    relations = {
        "objectives": list(Objective.objects.current().filter(code__in=objectives)),
        "audiences": list(Term.objects.filter(vocabulary="audience", code__in=audiences)),
    }
    record = Initiative(uid=uid, title={"en": uid}, original_language="en", moderation=moderation, starts=starts)
    return save_initiative(record, relations)


@pytest.fixture
def scene(strategy):
    """Synthetic initiatives and outcomes: accepted, pending, replaced, other years, and an unpublished record."""
    a = initiative("a", ["1.1", "1.2"], ["girls"])
    b = initiative("b", ["1.2"], ["girls", "women"])
    c = initiative("c", ["1.2"], ["women"])
    d = initiative("d", ["1.2"], ["girls"], moderation="draft")
    e = initiative("e", ["2"], ["women"])
    a_2024 = outcome_of(a, year=2024, participants=100, women=60, sessions=5, status="accepted")
    a_2024.ages.create(band="12-18", participants=30, women_and_girls=20)
    outcome_of(b, year=2024, participants=50, women=10, status="accepted").ages.create(band="12-18", participants=10, women_and_girls=1)
    outcome_of(b, year=2024, participants=999, women=999)
    outcome_of(b, year=2024, participants=888, women=888, status="replaced")
    outcome_of(b, year=2023, participants=7, women=7, sessions=1, status="accepted")
    outcome_of(d, year=2024, participants=555, women=555, status="accepted")
    outcome_of(e, year=2024, participants=40, women=40, sessions=2, status="accepted")
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


def direct(year, initiatives):
    """Counted the plain way, one question each, to compare with."""
    outcomes = Outcome.objects.filter(status="accepted", year=year, initiative__in=initiatives)
    sums = outcomes.aggregate(p=Sum("participants"), w=Sum("women_and_girls"), s=Sum("sessions"))
    return (initiatives.count(), outcomes.count(), sums["p"] or 0, sums["w"] or 0, sums["s"] or 0)


def shape(row):
    return (row.initiatives, row.reported, row.participants, row.women, row.sessions)


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_the_reach_by_sub_objective_equals_a_direct_count(scene, year):
    rows = summary.reach_by_subobjective(year)

    assert [row.subject.code for row in rows] == list(Objective.objects.current().sub_objectives().values_list("code", flat=True))
    for row in rows:
        assert shape(row) == direct(year, Initiative.objects.published().filter(objectives=row.subject)), row.subject.code


@pytest.mark.parametrize("year", [2023, 2024])
def test_the_reach_by_audience_and_objective_equal_a_direct_count(scene, year):
    for row in summary.reach_by_audience(year):
        assert shape(row) == direct(year, Initiative.objects.published().filter(audiences=row.subject)), row.subject.code
    for row in summary.reach_by_objective(year):
        assert shape(row) == direct(year, Initiative.objects.published().serving(row.subject)), row.subject.code


def test_the_rows_read_as_expected_for_2024(scene):
    by_code = {row.subject.code: row for row in summary.reach_by_subobjective(2024)}
    by_audience = {row.subject.code: row for row in summary.reach_by_audience(2024)}

    assert shape(by_code["1.2"]) == (3, 2, 150, 70, 5)
    assert by_code["1.2"].women_share == pytest.approx(70 / 150)
    assert shape(by_code["1.3"]) == (0, 0, 0, 0, 0) and by_code["1.3"].women_share is None
    assert shape(by_audience["women"]) == (3, 2, 90, 50, 2)
    assert shape(summary.reach_total(2024)) == (4, 3, 190, 110, 7)


def test_the_reach_by_age_sums_the_bands_given(scene):
    rows = {row.subject.value: row for row in summary.reach_by_age(2024)}

    assert (rows["12-18"].reported, rows["12-18"].participants, rows["12-18"].women) == (2, 40, 21)
    assert rows["12-18"].women_share == pytest.approx(21 / 40)
    assert (rows["lt6"].reported, rows["lt6"].women_share) == (0, None)
    assert list(rows) == ["lt6", "6-11", "12-18", "19-25", "26-45", "46-64", "65plus"]


def test_a_scope_narrows_the_rows_to_its_published_initiatives(scene):
    narrowed = {row.subject.code: row for row in summary.reach_by_subobjective(2024, [scene["a"], scene["c"].pk, scene["d"]])}
    as_queryset = {row.subject.code: row for row in summary.reach_by_subobjective(2024, Initiative.objects.filter(uid__in=["a", "c", "d"]))}

    assert shape(narrowed["1.2"]) == shape(as_queryset["1.2"]) == (2, 1, 100, 60, 5)


def test_a_summary_takes_a_few_queries_whatever_the_registry(scene, django_assert_max_num_queries):
    # 3 of the reach's own, and 1 for what the events' accepted outcomes add (events/reach_figures.py)
    with django_assert_max_num_queries(4):
        summary.reach_by_subobjective(2024)
    with django_assert_max_num_queries(4):
        summary.reach_by_audience(2024)


def test_the_objective_page_shows_the_latest_years_reach_of_its_sub_objectives(scene, client):
    page = client.get("/en/strategy/1/").content.decode()

    assert "Reach in 2024" in page
    assert page.count("<td>2 of the 3 initiatives running that year</td>\n        <td>150</td>\n        <td>70</td>\n        <td>47 %</td>") == 2  # objective 1 and 1.2
    assert "<td>1 of the 1 initiative running that year</td>\n        <td>100</td>\n        <td>60</td>\n        <td>60 %</td>" in page  # 1.1: a alone


def test_an_initiative_without_dates_counts_in_a_year_only_when_it_reported_for_that_year(scene):
    reported = initiative("undated-reported", ["1.3"], ["girls"], starts="")
    silent = initiative("undated-silent", ["1.3"], ["girls"], starts="")
    outcome_of(reported, year=2024, participants=30, women=20, status="accepted")
    outcome_of(silent, year=2024, participants=10, women=5)  # pending: not yet evidence

    by_code = {row.subject.code: row for row in summary.reach_by_subobjective(2024)}
    assert shape(by_code["1.3"]) == (1, 1, 30, 20, 0)  # the silent one is not among the initiatives of 2024
    assert shape({row.subject.code: row for row in summary.reach_by_subobjective(2023)}["1.3"]) == (0, 0, 0, 0, 0)
    assert list(Initiative.objects.running_in_year(2024).filter(objectives__code="1.3").values_list("uid", flat=True)) == ["undated-reported"]
