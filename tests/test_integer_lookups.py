"""A number no integer column can hold matches no row, in every lookup a visitor's ids reach, instead of failing."""

import pytest

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative

BIG = 2**63


@pytest.fixture
def club(db):
    organisation = Organisation(slug="org-x", name={"en": "Organisation X"}, original_language="en")
    organisation.save()
    return save_initiative(Initiative(uid="x-club", title={"en": "X club"}, original_language="en"), {"organisations": [organisation]})


@pytest.mark.parametrize(
    ("lookup", "expected"),
    [
        (lambda club: Initiative.objects.filter(pk__in=[BIG]), []),
        (lambda club: Initiative.objects.filter(pk__in=[BIG, club.pk]), ["x-club"]),
        (lambda club: Initiative.objects.exclude(pk__in=[BIG]), ["x-club"]),
        (lambda club: Initiative.objects.filter(pk__in=[-BIG - 1]), []),
        (lambda club: Initiative.objects.filter(organisations=BIG), []),
        (lambda club: Initiative.objects.filter(organisations__in=[BIG, club.organisations.get().pk]), ["x-club"]),
        (lambda club: Initiative.objects.filter(version__in=[BIG, 1]), ["x-club"]),
    ],
    ids=["pk in", "pk in, one holdable", "pk not in", "pk in, below", "relation exact", "relation in", "integer field in"],
)
def test_a_number_past_the_column_s_range_matches_no_row(club, lookup, expected):
    assert [initiative.uid for initiative in lookup(club)] == expected
