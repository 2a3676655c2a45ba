import pytest

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative, PublishedList
from widmonitor.initiatives.registry_loader import load_registry
from widmonitor.problems import Problems
from widmonitor.vocabularies.choices import Moderation

from .registry_files import initiative, published_list, registry, write

ORG = {"slug": "ella", "name": "ella vzw", "kind": "non-profit", "sector": "private", "region": "flanders"}


def test_it_loads_organisations_initiatives_and_lists(tmp_path, strategy):
    data = registry(
        organisations=[ORG],
        initiatives=[
            initiative("a", organisations=["ella"], audiences=["girls", "age-6-12"], formats=["media-content"], starts="2021", ends="2023"),
            initiative("b", objectives=["4.2"]),
        ],
        lists=[published_list("5.1.2", "1.2", ["a", "b"], {"total": 2, "private": 1})],
    )
    summary = load_registry([write(tmp_path, data)])
    assert (summary.initiatives_created, summary.organisations_created, summary.lists, summary.entries) == (2, 1, 1, 2)
    a = Initiative.objects.get(uid="a")
    assert a.moderation == Moderation.PUBLISHED
    assert sorted(a.audiences.values_list("code", flat=True)) == ["age-6-12", "girls"]
    assert list(a.organisations.values_list("slug", flat=True)) == ["ella"]
    assert list(a.objectives.values_list("code", flat=True)) == ["1.2"]
    assert sorted(Initiative.objects.get(uid="b").objectives.values_list("code", flat=True)) == ["1.2", "4.2"]
    ella = Organisation.objects.get(slug="ella")
    assert (ella.region.code, ella.history.count()) == ("flanders", 1)
    record = a.history.get()
    assert (record.history_type, record.history_change_reason) == ("+", "Loaded from registry.yaml")
    assert sorted(record.audiences.values_list("term__code", flat=True)) == ["age-6-12", "girls"]
    published = PublishedList.objects.get(section="5.1.2")
    assert (published.stated_total, published.stated_private, published.stated_public) == (2, 1, None)


def test_an_initiative_in_several_lists_is_one_record(tmp_path, strategy):
    data = registry(
        initiatives=[initiative("a")],
        lists=[published_list("5.1.1", "1.1", ["a"]), published_list("5.1.2", "1.2", ["a"])],
    )
    load_registry([write(tmp_path, data)])
    assert Initiative.objects.count() == 1
    assert list(Initiative.objects.get().objectives.values_list("code", flat=True)) == ["1.1", "1.2"]


def test_it_collects_every_problem_and_writes_nothing(tmp_path, strategy):
    data = registry(
        initiatives=[
            initiative("a", audiences=["aliens"], organisations=["nobody"], starts="2022-13"),
            initiative("a", sector="semi-public", starts="2023", ends="2022-06"),
            initiative("Bad Uid", objectives=["9.9"]),
        ],
        lists=[published_list("5.1.1", "1.1", ["a", "missing"])],
    )
    del data["initiatives"][1]["title"]["nl"]  # the original
    del data["initiatives"][2]["title"]["en"]  # a translation: may be missing
    with pytest.raises(Problems) as caught:
        load_registry([write(tmp_path, data)])
    messages = [str(e) for e in caught.value.problems]
    assert "registry.yaml, initiatives[1] (a): starts '2022-13' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)" in messages
    assert any(m.startswith("registry.yaml, initiatives[1] (a): unknown target audience 'aliens' in 'audiences' (expected one of ") for m in messages)
    assert "registry.yaml, initiatives[2] (a): initiative 'a' is defined twice" in messages
    assert "registry.yaml, initiatives[2] (a): missing title.nl (the original text, in nl)" in messages
    assert "registry.yaml, initiatives[2] (a): 'sector' is 'semi-public' (expected one of public, private, mixed, unknown)" in messages
    assert "registry.yaml, initiatives[3] (Bad Uid): uid 'Bad Uid' is not an identifier (expected lower-case letters, digits and -)" in messages
    assert any(m.startswith("registry.yaml, initiatives[3] (Bad Uid): unknown objective '9.9'") for m in messages)
    assert "registry.yaml, initiatives[1] (a): unknown organisation 'nobody' (expected a slug defined under 'organisations')" in messages
    assert "registry.yaml, lists[1] (5.1.1).entries[2]: unknown initiative 'missing'" in messages
    assert "registry.yaml, initiatives[2] (a): ends '2022-06' comes before starts '2023'" in messages
    assert len(messages) == 10
    assert not Initiative.objects.exists() and not PublishedList.objects.exists()


def test_it_needs_the_strategy_loaded_first(tmp_path, vocabularies):
    with pytest.raises(Problems, match="strategy 'belgium-wid-2021' is not loaded"):
        load_registry([write(tmp_path, registry(initiatives=[initiative("a")]))])


def test_loading_again_keeps_what_the_working_group_edited(tmp_path, strategy):
    path = write(tmp_path, registry(initiatives=[initiative("a")]))
    load_registry([path])
    Initiative.objects.filter(uid="a").update(title={"nl": "Titel a", "en": "Edited by a moderator"})
    summary = load_registry([path])
    assert (summary.initiatives_created, summary.initiatives_kept) == (0, 1)
    assert Initiative.objects.get(uid="a").title["en"] == "Edited by a moderator"


def test_update_overwrites_and_history_keeps_the_edit(tmp_path, strategy):
    path = write(tmp_path, registry(initiatives=[initiative("a")]))
    load_registry([path])
    edited = Initiative.objects.get(uid="a")
    edited.title["en"] = "Edited by a moderator"
    edited.save()
    summary = load_registry([path], update=True)
    assert summary.initiatives_updated == 1
    current = Initiative.objects.get(uid="a")
    assert current.title["en"] == "Title a"
    assert {"nl": "Titel a", "fr": "Titre a", "en": "Edited by a moderator"} in current.history.values_list("title", flat=True)


def test_organisations_can_be_defined_in_another_file(tmp_path, strategy):
    first = write(tmp_path, registry(organisations=[ORG]), "a.yaml")
    second = write(tmp_path, registry(initiatives=[initiative("x", organisations=["ella"])], document="other"), "b.yaml")
    load_registry([first, second])
    assert Initiative.objects.get(uid="x").organisations.get().name == {"nl": "ella vzw"}


def test_an_organisation_s_unknown_facts_stay_unknown_and_its_sources_are_kept(tmp_path, strategy):
    plain = {"slug": "girleek", "name": "Girleek", "provenance_note": "Named in the WiD report 2022, 5.2.2; nothing else given."}
    load_registry([write(tmp_path, registry(organisations=[plain]))])
    girleek = Organisation.objects.get(slug="girleek")
    assert (girleek.kind, girleek.sector, girleek.region, girleek.name) == ("", "unknown", None, {"nl": "Girleek"})
    assert girleek.provenance_note == plain["provenance_note"]


def test_an_organisation_may_have_its_name_in_several_languages(tmp_path, strategy):
    names = {"nl": "FOD Economie", "fr": "SPF Economie", "en": "FPS Economy"}
    load_registry([write(tmp_path, registry(organisations=[{"slug": "fod", "name": names, "original_language": "nl"}]))])
    assert Organisation.objects.get(slug="fod").text("name", "fr").text == "SPF Economie"


def test_a_file_for_another_strategy_than_the_one_the_platform_runs_is_refused(tmp_path, strategy):
    data = registry(initiatives=[initiative("a")])
    data["strategy"] = "fictional-digital-2030"
    with pytest.raises(Problems) as caught:
        load_registry([write(tmp_path, data)])
    assert [str(p) for p in caught.value.problems] == [
        "registry.yaml, top level: strategy 'fictional-digital-2030' is not the one this platform runs "
        "(belgium-wid-2021; see WIDMONITOR_STRATEGY)"
    ]
