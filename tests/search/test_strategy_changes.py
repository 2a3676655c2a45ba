"""The index follows the strategy: the audiences an objective names are its initiatives' implied audiences."""

from django.http import QueryDict

from widmonitor.search.query import SearchQuery, search
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term


def found(params):
    return [initiative.uid for initiative in search(SearchQuery.from_params(QueryDict(params)), "en").initiatives]


def test_an_audience_an_objective_names_or_no_longer_names_changes_what_the_search_finds(fictional_registry):
    assert found("audience=employees") == ["mentoring-network"]  # 3.4, through objective 3
    retention = Objective.objects.current().get(code="3")
    retention.audiences.remove(Term.objects.get(vocabulary="audience", code="employees"))
    assert found("audience=employees") == []
    Term.objects.get(vocabulary="audience", code="teachers").named_by_objectives.add(Objective.objects.current().get(code="2.1"))
    assert found("audience=teachers") == ["teachers-ai", "women-developers"]


def test_a_new_age_band_is_implied_at_once(fictional_registry):
    assert found("audience=age-lt6") == []
    primary = Objective.objects.current().get(code="1.2")
    primary.age_band = "age-lt6"
    primary.save()
    assert found("audience=age-lt6") == ["teachers-ai"]
