"""/api/organisations, /api/strategy and /api/vocabularies: public facts, published counts."""

ORGANISATION_KEYS = {
    "slug", "name", "kind", "sector", "region", "website", "source_document", "source_section", "public_facts",
    "initiative_count",
}  # no provenance_note: the curators' notes stay in the back office


def test_organisations_count_only_published_initiatives(anonymous, careful_registry):
    answer = {item["slug"]: item for item in anonymous.get("/api/organisations?lang=fr").json()}
    assert all(set(item) == ORGANISATION_KEYS for item in answer.values())
    assert (answer["code-club"]["initiative_count"], answer["only-drafts"]["initiative_count"]) == (2, 0)
    assert answer["code-club"]["name"] == {"text": "Club de code", "language": "fr", "original": False, "fallback": False}


def test_an_organisation_lists_its_published_initiatives_only(anonymous, careful_registry):
    detail = anonymous.get("/api/organisations/code-club?lang=en").json()
    assert set(detail) == ORGANISATION_KEYS | {"initiatives"}
    assert [item["uid"] for item in detail["initiatives"]] == ["formula-title", "script-title"]
    assert detail["name"] == {"text": "Codeclub", "language": "nl", "original": True, "fallback": True}
    assert anonymous.get("/api/organisations/only-drafts").json()["initiatives"] == []
    assert anonymous.get("/api/organisations/nobody").status_code == 404


def test_the_strategy_is_a_tree_of_objectives_with_published_counts(anonymous, careful_registry):
    strategy = anonymous.get("/api/strategy?lang=nl").json()
    assert strategy["code"] == "belgium-wid-2021" and strategy["title"]["language"] == "nl"
    objectives = {objective["code"]: objective for objective in strategy["objectives"]}
    first = objectives["1"]
    subs = {sub["code"]: sub["initiative_count"] for sub in first["sub_objectives"]}
    assert (subs["1.2"], subs["1.3"]) == (1, 1)  # secret-draft (1.3) is not counted
    assert first["initiative_count"] == 2
    assert all("sub_objectives" not in sub for sub in first["sub_objectives"])


def test_no_strategy_loaded_answers_not_found(anonymous, db):
    assert anonymous.get("/api/strategy").status_code == 404


def test_vocabularies_give_each_term_in_every_language_and_the_fixed_choices(anonymous, careful_registry):
    answer = anonymous.get("/api/vocabularies?lang=fr").json()
    lists = {vocabulary["code"]: vocabulary for vocabulary in answer["vocabularies"]}
    assert set(lists) == {"audience", "region", "language", "format", "digcomp"}
    assert lists["digcomp"]["label"] == "domaine ou compétence DigComp 2.2" and len(lists["digcomp"]["terms"]) == 26
    brussels = next(term for term in lists["region"]["terms"] if term["code"] == "brussels")
    assert brussels["label"]["text"] == "Région de Bruxelles-Capitale"
    assert brussels["labels"]["nl"] == "Brussels Hoofdstedelijk Gewest"
    assert lists["region"]["label"] == "région"
    cost = next(choices for choices in answer["choices"] if choices["code"] == "cost")
    assert {"code": "free", "label": "gratuit"} in cost["choices"]
