"""The gap view says of each cell what the coverage map says of the same cell: its count, and whether it is a gap."""

import pytest
from django.urls import reverse

from widmonitor.calls.gaps import FEW, gap_view
from widmonitor.portal import coverage

from ..portal.test_coverage import registry_with_more  # noqa: F401  (fixture)
from .conftest import application_of


@pytest.fixture
def application(people, calls, organisations, registry_with_more):  # noqa: F811
    # with the fictional records, 3.4 × women is covered (3 initiatives) and 1.3 × girls thin (1)
    return application_of(calls[0], organisations[0], subs=("1.3", "3.4"), audiences=("girls", "women"), regions=("brussels", "wallonia"))


def map_cells():
    """``{(sub-objective, column label): Cell}`` of both tables of the coverage map, as its page builds them."""
    counts = coverage.Counts()
    found = {}
    for facet, columns in (("audience", coverage.columns("audience")), ("region", coverage.region_columns())):
        for group in coverage.table(counts, facet, columns).groups:
            for row in group.rows:
                for cell in row.cells:
                    found[(facet, row.objective.code, cell.column)] = cell
    return found


def test_every_cell_of_the_application_has_the_coverage_maps_count_and_level(application):
    figures = map_cells()
    view = gap_view(application)
    assert len(view.cells) == 2 * 2 + 2 * 2
    for item in view.cells:
        in_map = figures[(item.facet, item.sub_objective.code, str(item.term))]
        assert (item.cell.count, item.cell.level) == (in_map.count, in_map.level)


def test_a_gap_is_a_cell_with_no_initiative_or_at_most_few_and_few_is_the_maps_thin(application):
    view = gap_view(application)
    cells = {(c.facet, c.sub_objective.code, c.term.code): c for c in view.cells}
    assert FEW == coverage.THIN == 2
    assert cells[("audience", "3.4", "women")].cell.count == 3 and not cells[("audience", "3.4", "women")].is_gap
    assert cells[("audience", "1.3", "girls")].cell.count == 1 and cells[("audience", "1.3", "girls")].is_gap
    assert {c for c in cells if cells[c].is_gap} == {c for c in cells if cells[c].cell.level in ("none", "thin")}
    assert view.share == len(view.gaps) / 8


def test_the_review_page_shows_the_cells_with_their_counts_linking_to_the_maps_search(application, clients):
    page = clients["reviewer"].get(reverse("calls:review_application", args=["call-a", application.pk])).content.decode()
    assert "at most 2" in page
    view = gap_view(application)
    assert f"Gaps: {len(view.gaps)} of its 8 cells." in page
    for item in view.cells:
        assert f'href="/en/initiatives/?{item.cell.params}"'.replace("&", "&amp;") in page


def test_the_gap_weight_of_the_call_turns_the_ranking(people, calls, organisations, registry_with_more):  # noqa: F811
    from widmonitor.calls.models import Score
    from widmonitor.calls.scoreboard import scoreboard

    call = calls[0]
    covered = application_of(call, organisations[0], title="Where many act", subs=("3.4",), audiences=("women",), regions=("flanders",))
    empty = application_of(call, organisations[1], title="Where nobody acts", subs=("2.1",), audiences=("girls",), regions=("brussels",))
    for application, value in ((covered, 4), (empty, 3)):
        for criterion in call.criteria.all():
            Score.objects.create(application=application, criterion=criterion, reviewer=people["reviewer"], value=value)
    assert [e.application.title for e in scoreboard(call, people["manager of A"])[1]] == ["Where many act", "Where nobody acts"]
    call.gap_weight = 50
    call.save()
    assert [e.application.title for e in scoreboard(call, people["manager of A"])[1]] == ["Where nobody acts", "Where many act"]
