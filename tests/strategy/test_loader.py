import pytest
import yaml

from widmonitor.initiatives.models import Initiative
from widmonitor.problems import Problems
from widmonitor.strategy.loader import load_strategy, read_strategy
from widmonitor.strategy.models import Objective, Strategy

from ..conftest import FIXTURES

FICTIONAL = FIXTURES / "strategies" / "fictional-strategy.yaml"


def write(tmp_path, data, name="strategy.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def fictional_data():
    return yaml.safe_load(FICTIONAL.read_text(encoding="utf-8"))


def test_it_loads_the_belgian_strategy_with_5_objectives_and_17_sub_objectives(strategy):
    assert strategy.objectives.top_level().count() == 5
    assert strategy.objectives.sub_objectives().count() == 17
    codes = list(strategy.objectives.values_list("code", flat=True))
    assert codes[:6] == ["1", "1.1", "1.2", "1.3", "1.4", "2"]
    assert Objective.objects.get(code="2.3").parent.code == "2"


def test_every_objective_has_a_title_in_nl_fr_and_en(strategy):
    for objective in strategy.objectives.all():
        assert objective.title["nl"] and objective.title["fr"] and objective.title["en"], objective.code
        assert len({objective.title["nl"], objective.title["fr"], objective.title["en"]}) == 3, objective.code


@pytest.mark.parametrize(("code", "band"), [("1.1", "age-lt6"), ("1.2", "age-6-12"), ("1.3", "age-12-18"), ("1.4", "age-17-18"), ("2.1", "")])
def test_it_keeps_the_age_band_the_strategy_names(strategy, code, band):
    assert Objective.objects.get(code=code).age_band == band


def test_a_second_different_strategy_loads_without_code_changes(strategy):
    fictional = load_strategy(FICTIONAL)
    assert Strategy.objects.count() == 2
    assert list(fictional.objectives.values_list("code", flat=True)) == ["A", "A.1", "A.2", "B", "B.1"]
    assert strategy.objectives.count() == 22


def test_loading_again_updates_in_place_and_keeps_ids(tmp_path, db):
    first = load_strategy(FICTIONAL)
    ids = dict(first.objectives.values_list("code", "id"))
    data = fictional_data()
    data["objectives"][0]["title"]["en"] = "Renamed objective"
    load_strategy(write(tmp_path, data))
    assert dict(first.objectives.values_list("code", "id")) == ids
    assert Objective.objects.get(strategy=first, code="A").title["en"] == "Renamed objective"


def test_it_refuses_to_drop_an_objective_that_initiatives_use(tmp_path, db):
    strategy = load_strategy(FICTIONAL)
    initiative = Initiative.objects.create(uid="x", title={"nl": "x"})
    initiative.objectives.add(strategy.objectives.get(code="B.1"))
    data = fictional_data()
    data["objectives"][1]["sub_objectives"] = []
    with pytest.raises(Problems, match="B.1 is gone from the file but initiatives use it"):
        load_strategy(write(tmp_path, data))
    assert strategy.objectives.filter(code="B.1").exists()


def test_it_collects_every_problem_of_a_file(tmp_path, db):
    data = fictional_data()
    del data["objectives"][0]["title"][data["original_language"]]
    data["objectives"][0]["title"]["xx"] = "?"
    data["objectives"][0]["sub_objectives"][1]["code"] = "A.1"
    data["objectives"][1]["sub_objectives"][0]["code"] = "A.9"
    with pytest.raises(Problems) as caught:
        load_strategy(write(tmp_path, data))
    assert [str(e) for e in caught.value.problems] == [
        "strategy.yaml, objectives[1]: title.xx: not a content language (expected one of nl, fr, en)",
        "strategy.yaml, objectives[1]: missing title.en (the original text, in en)",
        "strategy.yaml, objectives[1].sub_objectives[2]: code 'A.1' appears twice",
        "strategy.yaml, objectives[2].sub_objectives[1]: sub-objective code 'A.9' does not start with its objective's code",
    ]
    assert not Strategy.objects.exists()


def test_it_reports_the_line_of_invalid_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("code: x\nobjectives: [\n  - a: b\n", encoding="utf-8")
    with pytest.raises(Problems, match=r"broken.yaml, line \d+, column \d+: not valid YAML"):
        read_strategy(path)


def test_it_reports_a_missing_file(tmp_path):
    with pytest.raises(Problems, match="nope.yaml: file not found"):
        read_strategy(tmp_path / "nope.yaml")


def test_the_platform_runs_the_strategy_its_settings_name(strategy, settings):
    load_strategy(FICTIONAL)
    assert Strategy.objects.current() == strategy
    settings.STRATEGY = "fictional-digital-2030"
    assert Strategy.objects.current().code == "fictional-digital-2030"


def test_it_keeps_the_audiences_the_strategy_names(strategy):
    named = {o.code: sorted(o.audiences.values_list("code", flat=True)) for o in Objective.objects.current()}
    assert named["1"] == ["girls"] and named["1.2"] == []
    assert named["2.2"] == ["job-seekers"] and named["3"] == ["employees", "women"] and named["4.1"] == []


def test_a_sub_objective_implies_its_objective_s_audiences_and_its_age_band(strategy):
    implied = {o.code: implied for o in Objective.objects.current() for pk, implied in Objective.objects.current().implied_audiences().items() if pk == o.pk}
    assert implied["1.2"] == {"girls", "age-6-12"}
    assert implied["1"] == {"girls"}
    assert implied["2.3"] == {"women", "entrepreneurs"}
    assert implied["4.1"] == set()


def test_it_refuses_an_audience_the_lists_lack_or_not_a_list_and_writes_nothing(tmp_path, vocabularies):
    data = fictional_data()
    data["objectives"][0]["sub_objectives"][0]["audiences"] = ["girls", "martians"]
    with pytest.raises(Problems) as raised:
        load_strategy(write(tmp_path, data))
    assert [str(problem) for problem in raised.value.problems] == [
        "strategy.yaml, objectives[1].sub_objectives[1]: unknown audience 'martians' in 'audiences' "
        "(expected a code of the audience list; load the lists first)"
    ]
    data["objectives"][0]["sub_objectives"][0]["audiences"] = "girls"
    with pytest.raises(Problems) as raised:
        load_strategy(write(tmp_path, data))
    assert "'audiences' must be a list of audience codes, e.g. [girls]" in str(raised.value.problems[0])
    assert not Strategy.objects.exists()
