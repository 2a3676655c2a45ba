"""``/api/indicators``: the catalogue, one indicator, its observations paged with links, SDMX-CSV and JSON-stat,
and errors as application/problem+json (RFC 9457) in the Belgian REST guidelines' terms."""

import pytest
from django.utils import timezone

from widmonitor.indicators import readers
from widmonitor.indicators.catalogue import load_catalogue
from widmonitor.indicators.models import Observation, ObservationRevision, Source

PROBLEM = "application/problem+json"


@pytest.fixture
def api(setup_data, db, client):
    return client


def test_the_list_names_every_indicator_of_the_catalogue_with_its_links(api):
    answer = api.get("/api/indicators?lang=fr").json()
    assert [item["code"] for item in answer["items"]] == [indicator.code for indicator in load_catalogue()]
    icts = next(item for item in answer["items"] if item["code"] == "wid_sse_icts")
    assert icts["title"]["text"] == "Part des femmes parmi les spécialistes des TIC en emploi"
    assert icts["links"]["page"] == "http://testserver/fr/indicators/wid_sse_icts/"
    assert icts["links"]["sdmx_csv"] == "http://testserver/api/indicators/wid_sse_icts/sdmx-csv"
    assert icts["links"]["csv"] == "http://testserver/fr/indicators/wid_sse_icts/download.csv?headers=codes"
    assert icts["observations"] == Observation.objects.filter(indicator="wid_sse_icts").count()


def test_one_indicator_comes_with_its_sources_target_and_dimensions(api):
    answer = api.get("/api/indicators/wid_sse_icts?lang=nl").json()
    keys = set(Observation.objects.filter(indicator="wid_sse_icts").values_list("source__key", flat=True))
    assert {source["key"] for source in answer["sources"]} == keys and len(keys) == 2  # a Eurostat file and a news article
    assert (answer["target"]["year"], answer["target"]["value"], answer["target"]["geo"]) == (2030, None, "EU27_2020")
    assert answer["target"]["statement"]["text"].startswith("minstens 20 miljoen werkende ICT-specialisten")
    assert answer["dimensions"]["series"] == ["women"] and "BE" in answer["dimensions"]["geo"]
    assert answer["flags"]["p"] == "voorlopig"
    assert api.get("/api/indicators/wid_sse_gpg").json()["dimensions"]["series"] == ["gap"]


def test_an_unknown_indicator_is_a_problem_document(api):
    response = api.get("/api/indicators/wid_xyz")
    assert response.status_code == 404 and response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "urn:problem-type:belgif:resourceNotFound",
        "href": "https://www.belgif.be/specification/rest/api-guide/",
        "title": "Resource Not Found",
        "status": 404,
        "detail": 'No indicator "wid_xyz" (the codes are listed at /api/indicators).',
        "instance": "/api/indicators/wid_xyz",
        "in": "path",
        "name": "code",
        "value": "wid_xyz",
    }


def test_observations_are_filtered_by_geo_years_and_series(api):
    answer = api.get("/api/indicators/dsi1_above_basic/observations?geo=BE,FR&since=2017&until=2019&series=women&limit=1000").json()
    cells = {(item["geo"], item["period"], item["sex"]) for item in answer["items"]}
    expected = Observation.objects.filter(indicator="dsi1_above_basic", geo__in=["BE", "FR"], sex="F", period__in=["2017", "2018", "2019"])
    assert cells == set(expected.values_list("geo", "period", "sex")) and answer["count"] == len(cells) > 0


def test_observations_page_with_links_to_the_other_pages(api):
    first = api.get("/api/indicators/wid_sse_icts/observations?geo=BE&kind=eurostat&limit=3").json()
    assert first["count"] == 8 and len(first["items"]) == 3
    assert set(first["links"]) == {"self", "first", "last", "next"}
    second = api.get(first["links"]["next"]).json()
    assert second["offset"] == 3 and set(second["links"]) == {"self", "first", "last", "next", "prev"}
    last = api.get(first["links"]["last"]).json()
    assert last["offset"] == 6 and len(last["items"]) == 2 and "next" not in last["links"]
    periods = [item["period"] for page in (first, second, last) for item in page["items"]]
    assert periods == [str(year) for year in range(2014, 2022)]


def test_an_observation_carries_its_flags_in_words_and_the_values_it_replaced(api):
    cell = Observation.objects.from_eurostat().get(indicator="wid_sse_icts", geo="BE", period="2021", sex="F")
    older = Source.objects.create(key="eurostat:isoc_sks_itsps:an-older-release", kind="eurostat", dataset="isoc_sks_itsps")
    ObservationRevision.objects.create(observation=cell, source=older, value=19.2, flags="p", retrieved_at=timezone.now(), replaced_at=timezone.now())
    item = api.get("/api/indicators/wid_sse_icts/observations?geo=BE&since=2021&kind=eurostat&lang=fr").json()["items"][0]
    assert (item["value"], item["flags"], item["flags_meaning"]) == (19.6, "b", ["rupture de série chronologique"])
    assert [(r["value"], r["flags"], r["source"]) for r in item["revisions"]] == [(19.2, "p", "eurostat:isoc_sks_itsps:an-older-release")]


def test_a_document_figure_comes_with_its_quote(api):
    items = api.get("/api/indicators/wid_ui_iu/observations?kind=document").json()["items"]
    assert items and all(item["kind"] == "document" and item["quote"] for item in items)


@pytest.mark.parametrize(
    ("query", "issues"),
    [
        ("series=girls&geo=be", [("geo", "be"), ("series", "girls")]),
        ("since=2021&until=2019", [("since", 2021)]),
        ("kind=blog", [("kind", "blog")]),
        ("lang=de", [("lang", "de")]),
        ("limit=abc", [("limit", "abc")]),
        ("limit=5000", [("limit", "5000")]),
    ],
)
def test_wrong_parameters_are_a_bad_request_naming_each_one(api, query, issues):
    response = api.get(f"/api/indicators/wid_sse_icts/observations?{query}")
    problem = response.json()
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert (problem["type"], problem["status"], problem["instance"]) == ("urn:problem-type:belgif:badRequest", 400, "/api/indicators/wid_sse_icts/observations")
    assert [(issue["name"], issue["value"]) for issue in problem["issues"]] == issues
    assert all(issue["in"] == "query" and issue["detail"] for issue in problem["issues"])


def test_the_other_endpoints_keep_their_answers(api):
    assert api.get("/api/initiatives?limit=abc").status_code == 422
    assert api.get("/api/initiatives?limit=abc")["Content-Type"] == "application/json; charset=utf-8"


@pytest.mark.parametrize(("path", "content_type"), [("sdmx-csv", "application/vnd.sdmx.data+csv; version=2.0.0"), ("json-stat", "application/json")])
def test_the_statistical_files_of_a_selection_read_back_as_the_selection(api, path, content_type):
    response = api.get(f"/api/indicators/wid_sse_icts/{path}?geo=BE&since=2020")
    assert response.status_code == 200 and response["Content-Type"] == content_type
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    frame = readers.parse(response.content, f"answer.{path}")
    assert sorted(frame.select("geo", "time", "value", "flags").iter_rows()) == [("BE", "2020", 17.4, ""), ("BE", "2021", 19.6, "b")]


def test_a_statistical_file_of_a_wrong_selection_is_a_problem(api):
    response = api.get("/api/indicators/wid_sse_icts/json-stat?since=soon")
    assert response.status_code == 400 and response.json()["issues"][0]["name"] == "since"
