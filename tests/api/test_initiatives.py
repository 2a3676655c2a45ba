"""/api/initiatives: the portal search's results, paged, in the language asked for, nothing private."""

import pytest

from widmonitor.initiatives.models import Initiative

from .conftest import FORMULA, PAYLOAD, portal_uids

PUBLISHED = {"girls-code", "women-developers", "mentoring-network", "teachers-ai", "formula-title", "script-title"}
INITIATIVE_KEYS = {
    "uid", "title", "summary", "original_language", "organisations", "objectives", "audiences", "implied_audiences",
    "regions", "languages", "formats", "cost", "sector", "status", "starts", "ends", "url", "source_document",
    "source_section", "public_facts", "updated_at",
}  # no provenance_note: the curators' notes stay in the back office
TEXT_KEYS = {"text", "language", "original", "fallback"}


def uids(response):
    assert response.status_code == 200, response.content
    return [item["uid"] for item in response.json()["items"]]


def test_it_lists_every_published_initiative_and_nothing_else(anonymous, careful_registry):
    answer = anonymous.get("/api/initiatives?limit=100").json()
    assert set(item["uid"] for item in answer["items"]) == PUBLISHED
    assert answer["count"] == len(PUBLISHED) < Initiative.objects.count()


def test_an_initiative_has_exactly_the_public_fields(anonymous, careful_registry):
    for item in anonymous.get("/api/initiatives?limit=100").json()["items"]:
        assert set(item) == INITIATIVE_KEYS
        assert set(item["title"]) == set(item["summary"]) == TEXT_KEYS
    detail = anonymous.get("/api/initiatives/formula-title")
    assert set(detail.json()) == INITIATIVE_KEYS
    assert b"private" not in detail.content.lower() and b"contact" not in detail.content


@pytest.mark.parametrize(
    "language, query_string",
    [
        ("en", ""),
        ("en", "q=women"),
        ("nl", "q=meisjes"),
        ("fr", "q=formation&audience=women"),
        ("en", "audience=women&audience=girls&sort=newest"),
        ("en", "objective=1&cost=free"),
        ("en", "region=brussels&region=wallonia&sort=title"),
        ("nl", "q=niets-dat-bestaat"),
    ],
)
def test_filters_and_words_give_the_portal_searchs_initiatives_in_its_order(anonymous, careful_registry, language, query_string):
    api = uids(anonymous.get(f"/api/initiatives?lang={language}&limit=100&{query_string}"))
    assert api == portal_uids(language, query_string)


def test_it_pages_with_limit_and_offset(anonymous, careful_registry):
    everything = uids(anonymous.get("/api/initiatives?limit=100&sort=title"))
    pages = [uids(anonymous.get(f"/api/initiatives?limit=4&offset={offset}&sort=title")) for offset in (0, 4, 8)]
    assert pages[0] + pages[1] == everything and len(pages[0]) == 4 and pages[2] == []
    answer = anonymous.get("/api/initiatives?limit=4&offset=4&page=9&sort=title").json()
    assert (answer["count"], answer["limit"], answer["offset"]) == (len(PUBLISHED), 4, 4)


@pytest.mark.parametrize("query_string", ["limit=0", "limit=101", "offset=-1", "limit=many"])
def test_it_refuses_a_page_out_of_bounds(anonymous, careful_registry, query_string):
    assert anonymous.get(f"/api/initiatives?{query_string}").status_code == 422


def test_an_unpublished_initiative_is_not_found(anonymous, careful_registry):
    assert anonymous.get("/api/initiatives/secret-draft").status_code == 404
    assert anonymous.get("/api/initiatives/hidden-submission").status_code == 404
    assert anonymous.get("/api/initiatives/girls-code").status_code == 200


def test_it_hides_unpublished_initiatives_from_a_moderator_too(moderator, careful_registry):
    assert moderator.get("/api/initiatives/secret-draft").status_code == 404
    assert "secret-draft" not in uids(moderator.get("/api/initiatives?limit=100&q=secret"))


def test_the_language_parameter_changes_the_texts_and_marks_a_fallback(anonymous, careful_registry):
    english = anonymous.get("/api/initiatives/girls-code?lang=en").json()
    french = anonymous.get("/api/initiatives/girls-code?lang=fr").json()
    assert english["title"] == {"text": "Girls learn to code", "language": "en", "original": False, "fallback": False}
    assert french["title"] == {"text": "Les filles apprennent à programmer", "language": "fr", "original": False, "fallback": False}
    assert french["summary"] == {"text": "Gratis lessen in Brussel.", "language": "nl", "original": True, "fallback": True}
    listed = anonymous.get("/api/initiatives?lang=nl&q=mentoring").json()["items"][0]
    assert listed["title"] == {"text": "Mentoring network for women in tech", "language": "en", "original": True, "fallback": True}


def test_it_refuses_a_language_it_does_not_hold(anonymous, careful_registry):
    response = anonymous.get("/api/initiatives?lang=de")
    assert response.status_code == 422
    assert response.json() == {"detail": '"de" is not a content language (expected one of nl, fr, en).'}


def test_script_and_formula_text_come_back_as_the_data_they_are(anonymous, careful_registry):
    response = anonymous.get("/api/initiatives/formula-title")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["title"]["text"] == FORMULA and response.json()["summary"]["text"] == PAYLOAD


def test_an_initiative_names_its_organisations_objectives_and_codes(anonymous, careful_registry):
    girls = anonymous.get("/api/initiatives/girls-code").json()
    assert (girls["objectives"], girls["audiences"], girls["regions"], girls["cost"]) == (["1.3"], ["age-12-18", "girls"], ["brussels"], "free")
    formula = anonymous.get("/api/initiatives/formula-title?lang=fr").json()
    assert formula["organisations"] == [{"slug": "code-club", "name": {"text": "Club de code", "language": "fr", "original": False, "fallback": False}}]
