"""The self-check's pages: the introduction, a page per area and level, the result, the JSON file; nothing stored."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiatives
from widmonitor.selfcheck.framework import framework

from ..search.registry import relations

CODES = [c.code for c in framework().competences]
LEVELS = ("foundation", "intermediate", "advanced")

# Fictional records, made up for these tests (not data), beside the fictional registry of tests/search/registry.py.
TEACHING = [
    {
        "uid": "fictional-evening-course",
        "title": {"en": "Evening course in spreadsheets", "nl": "Avondcursus rekenbladen", "fr": "Cours du soir sur les tableurs"},
        "relations": {"audiences": ["women"], "languages": ["nl", "fr", "en"], "formats": ["course"], "objectives": ["3.2"]},
    },
    {
        "uid": "fictional-awareness-campaign",
        "title": {"en": "Poster campaign", "nl": "Affichecampagne", "fr": "Campagne d'affichage"},
        "relations": {"audiences": ["everyone"], "languages": ["nl", "fr", "en"], "formats": ["campaign"], "objectives": ["3.2"]},
    },
]


@pytest.fixture
def teaching_registry(fictional_registry):
    save_initiatives(
        [(Initiative(moderation="published", original_language="en", **{k: v for k, v in r.items() if k != "relations"}), relations(r["relations"])) for r in TEACHING],
        reason="Fictional test records",
    )


def field(code, level):
    return f"c{code}-{level}"


def all_answers(value="not-yet", **levels):
    """Form fields answering every competence: ``levels`` maps "c3_4" to a list, the others get [value] at every level asked."""
    data = {}
    for code in CODES:
        for level, answer in zip(LEVELS, levels.get("c" + code.replace(".", "_"), [value] * (3 if value == "yes" else 1))):
            data[field(code, level)] = answer
    return data


@pytest.mark.parametrize(("language", "start"), [("nl", "Start de zelftest"), ("fr", "Commencer l’autodiagnostic"), ("en", "Start the self-check")])
def test_the_introduction_says_what_the_self_check_is_in_every_interface_language(anonymous, db, language, start):
    html = anonymous.get(f"/{language}/self-check/").content.decode()
    assert start in html and 'name="csrfmiddlewaretoken"' in html
    assert "DigComp 2.2" in html and "CC BY 4.0" in html


def test_start_opens_the_first_area_s_foundation_statements_in_fieldsets(anonymous, db):
    html = anonymous.post("/en/self-check/", {"go": "next", "page": ""}).content.decode()
    assert "Step 1 of 5" in html and '<li aria-current="step" class="current">Information and data literacy</li>' in html
    assert html.count("<fieldset") == 3 and html.count("<legend>") == 3
    assert "1.1 Browsing, searching and filtering data, information and digital content" in html
    assert '<input type="radio" id="c1.1-foundation-yes" name="c1.1-foundation" value="yes">' in html
    assert '<input type="hidden" name="page" value="1-foundation">' in html


def test_the_next_page_asks_the_higher_level_only_where_she_answered_yes(anonymous, db):
    data = {"go": "next", "page": "1-foundation", field("1.1", "foundation"): "yes", field("1.2", "foundation"): "not-yet", field("1.3", "foundation"): "yes"}
    html = anonymous.post("/en/self-check/", data).content.decode()
    assert '<input type="hidden" name="page" value="1-intermediate">' in html
    assert html.count("<fieldset") == 2 and "1.2 Evaluating" not in html
    assert '<input type="hidden" name="c1.2-foundation" value="not-yet">' in html


def test_back_shows_the_previous_page_with_her_answers_checked(anonymous, db):
    data = {"go": "back", "page": "2-foundation", field("1.1", "foundation"): "not-yet", field("1.2", "foundation"): "yes", field("1.2", "intermediate"): "not-yet", field("1.3", "foundation"): "not-yet"}
    html = anonymous.post("/en/self-check/", data).content.decode()
    assert '<input type="hidden" name="page" value="1-intermediate">' in html
    assert '<input type="radio" id="c1.2-intermediate-not-yet" name="c1.2-intermediate" value="not-yet" checked>' in html
    assert '<input type="hidden" name="c1.1-foundation" value="not-yet">' in html


def test_next_without_every_answer_stays_and_names_the_missing_statement(anonymous, db):
    response = anonymous.post("/en/self-check/", {"go": "next", "page": "1-foundation", field("1.1", "foundation"): "yes", field("1.3", "foundation"): "yes"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in html and "Please answer 1 more statement before going on:" in html
    assert '<a href="#q-1.2">1.2 Evaluating data, information and digital content</a>' in html


@pytest.mark.parametrize(
    ("language", "heading", "level"),
    [("nl", "Uw resultaat van de zelftest", "Gevorderd"), ("fr", "Le résultat de votre autodiagnostic", "Avancé"), ("en", "Your self-check result", "Advanced")],
)
def test_walking_every_page_to_the_end_shows_the_result_in_every_interface_language(anonymous, teaching_registry, language, heading, level):
    data, steps = {"go": "next", "page": ""}, 0
    while True:
        response = anonymous.post(f"/{language}/self-check/", data)
        assert response.status_code == 200
        html = response.content.decode()
        page = re.search(r'<input type="hidden" name="page" value="([^"]+)">', html).group(1)
        if page == "result":
            break
        steps += 1
        # what the browser sends back: the hidden answers, and this page's radios ("yes" only for 1.1)
        data = dict(re.findall(r'<input type="hidden" name="(c[^"]+)" value="([^"]+)">', html))
        for name in set(re.findall(r'<input type="radio" id="[^"]+" name="([^"]+)"', html)):
            data[name] = "yes" if name.startswith("c1.1-") else "not-yet"
        data.update(go="next", page=page)
    assert steps == 7  # area 1's three levels (1.1 said yes), then one page per other area
    assert heading in html and f"<td>{level}</td>" in html
    assert "fictional-evening-course" in html and "fictional-awareness-campaign" not in html
    assert {"nl": "een manier om te leren: cursus", "fr": "une façon d’apprendre : cours", "en": "a way to learn: course"}[language] in html


def test_taking_the_self_check_writes_nothing_to_the_database(anonymous, teaching_registry):
    with CaptureQueriesContext(connection) as queries:
        anonymous.get("/en/self-check/")
        anonymous.post("/en/self-check/", {"go": "next", "page": ""})
        anonymous.post("/en/self-check/", {**all_answers(), "go": "next", "page": "5-foundation"})
        anonymous.post("/en/self-check/self-check.json", all_answers())
    writes = [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.IGNORECASE)]
    assert writes == [] and len(queries) > 0
    assert not anonymous.cookies.get("sessionid")


def test_the_result_says_it_is_a_self_assessment_and_what_to_learn_next(anonymous, teaching_registry):
    html = anonymous.post("/en/self-check/", {**all_answers("yes", c3_4=["yes", "not-yet"]), "go": "next", "page": "5-advanced"}).content.decode()
    assert "This is a self-assessment, not a test" in html
    assert "I can write a small program or automation" in html  # 3.4's next level
    assert "<h3>3. Digital content creation</h3>" in html and "<h3>1. Information" not in html
    assert "developing the areas you can improve (no initiative that fits the rest says it does)" in html  # nothing tagged


def test_the_json_file_holds_the_answers_and_the_levels_and_loads_back_to_the_same_result(anonymous, teaching_registry):
    response = anonymous.post("/en/self-check/self-check.json", all_answers(c2_5=["yes", "yes", "not-yet"]))
    assert response["Content-Type"] == "application/json" and "attachment" in response["Content-Disposition"]
    saved = json.loads(response.content)
    assert saved["format"] == "widmonitor-self-check" and saved["version"] == 1
    assert saved["answers"]["2.5"] == ["yes", "yes", "not-yet"] and saved["levels"]["2.5"] == 2 and saved["levels"]["1.1"] == 0
    upload = SimpleUploadedFile("self-check.json", response.content, content_type="application/json")
    html = anonymous.post("/en/self-check/load/", {"saved": upload}).content.decode()
    assert "Your self-check result" in html and "<th scope=\"row\">2.5 Netiquette</th><td>Intermediate</td>" in html


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json", "The file is not a JSON file saved by this self-check."),
        (b'{"format": "other"}', "The file is not a JSON file saved by this self-check."),
        (b'{"format": "widmonitor-self-check", "version": 9, "answers": {}}', "The file was saved by version 9 of the self-check; this site reads version 1."),
        (b'{"format": "widmonitor-self-check", "version": 1, "answers": {"9.9": ["yes"]}}', "The file has answers for 9.9, which is not a DigComp 2.2 competence of this self-check."),
        (b'{"format": "widmonitor-self-check", "version": 1, "answers": {"1.1": ["yes", "yes", "yes", "yes"]}}', "The answers for 1.1 should be a list of at most 3 answers."),
    ],
)
def test_a_file_that_is_not_a_saved_self_check_is_refused_with_the_reason(anonymous, db, content, message):
    response = anonymous.post("/en/self-check/load/", {"saved": SimpleUploadedFile("x.json", content)})
    assert response.status_code == 400 and message in response.content.decode()


def test_a_saved_file_with_missing_answers_resumes_at_the_first_open_page(anonymous, db):
    content = json.dumps({"format": "widmonitor-self-check", "version": 1, "answers": {"1.1": ["not-yet"], "1.2": ["not-yet"], "1.3": ["not-yet"]}})
    html = anonymous.post("/en/self-check/load/", {"saved": SimpleUploadedFile("x.json", content.encode())}).content.decode()
    assert '<input type="hidden" name="page" value="2-foundation">' in html


def test_incomplete_answers_are_not_downloaded(anonymous, db):
    response = anonymous.post("/en/self-check/self-check.json", {field("1.1", "foundation"): "yes"})
    assert response.status_code == 400 and "answer every page of the self-check" in response.content.decode()


def test_the_home_page_leads_to_the_self_check(anonymous, db):
    assert 'href="/en/self-check/"' in anonymous.get("/en/").content.decode()


def test_the_initiatives_of_a_result_are_ranked_once_per_language_and_state_of_the_index(anonymous, teaching_registry):
    data = {**all_answers(), "go": "next", "page": "5-foundation"}
    with CaptureQueriesContext(connection) as first:
        anonymous.post("/en/self-check/", data)
    with CaptureQueriesContext(connection) as second:
        anonymous.post("/en/self-check/", data)
    def ranking(queries):  # the read of every entry's facets, not the cards of those shown (``search.cards``)
        return [q["sql"] for q in queries if '"search_entry"."facets"' in q["sql"]]

    assert ranking(first) and not ranking(second)


def test_a_result_with_nothing_reached_says_where_to_start_instead_of_an_empty_list(anonymous, teaching_registry):
    html = anonymous.post("/en/self-check/", {**all_answers(), "go": "next", "page": "5-foundation"}).content.decode()
    assert "You answered “Not yet” to every first statement: the list below is a good place to start." in html
    assert "<ul></ul>" not in html


def test_the_dutch_pages_call_it_a_zelftest_and_name_the_middle_level_without_saying_average(anonymous, db):
    intro = anonymous.get("/nl/self-check/").content.decode()
    assert "zelfbeoordeling, geen examen" in intro and "zelfevaluatie" not in intro
    result = anonymous.post("/nl/self-check/", {**all_answers("yes", c1_1=["yes", "yes", "not-yet"]), "go": "next", "page": ""}).content.decode()
    assert "basis, middenniveau en gevorderd" in result and "Middenniveau" in result
    assert "gemiddeld en" not in result and "tot u ze sluit" not in intro
