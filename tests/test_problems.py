"""The one error type: a problem says where, as precisely as its source allows, and what was expected."""

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from widmonitor.problems import Problem, Problems

UNKNOWN = _('unknown region "%(value)s" (expected one of %(expected)s)')
PARAMS = {"value": "mars", "expected": "brussels, flanders"}


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        (
            {"file": "/tmp/o.xlsx", "sheet": "Initiatives", "row": 3, "column": "M", "header": "regions"},
            'Initiatives, row 3, column M (regions): unknown region "mars" (expected one of brussels, flanders)',
        ),
        ({"sheet": "Initiatives", "row": 1}, 'Initiatives, row 1: unknown region "mars" (expected one of brussels, flanders)'),
        ({"file": "/data/registry.yaml", "item": "initiatives[2] (a)"}, 'registry.yaml, initiatives[2] (a): unknown region "mars" (expected one of brussels, flanders)'),
        ({"file": "strategy.yaml", "line": 4, "column": "7"}, 'strategy.yaml, line 4, column 7: unknown region "mars" (expected one of brussels, flanders)'),
        ({"file": "data.tsv", "line": 12}, 'data.tsv, line 12: unknown region "mars" (expected one of brussels, flanders)'),
        ({}, 'unknown region "mars" (expected one of brussels, flanders)'),
    ],
)
def test_a_problem_names_its_place_then_what_is_wrong(place, expected):
    assert str(Problem("unknown_code", UNKNOWN, PARAMS, **place)) == expected


def test_a_problem_speaks_the_active_language():
    problem = Problem("too_many_rows", _("%(sheet)s, row %(row)s"), {"sheet": "Initiatives", "row": 2})
    with translation.override("fr"):
        assert problem.text == "Initiatives, ligne 2"


def test_problems_list_every_problem_and_say_nothing_was_written():
    problems = Problems([Problem("unknown_code", UNKNOWN, PARAMS, file="a.yaml", item=f"regions[{n}]") for n in range(1, 53)])
    lines = str(problems).splitlines()
    assert lines[0] == "52 problem(s), nothing written:"
    assert lines[1] == '  a.yaml, regions[1]: unknown region "mars" (expected one of brussels, flanders)'
    assert (len(lines), lines[-1]) == (52, "  ... and 2 more")
