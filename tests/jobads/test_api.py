import json

from widmonitor.jobads.throttle import CHECKS_PER_MINUTE


def post(client, payload):
    return client.post("/api/job-ads/check", json.dumps(payload), content_type="application/json")


def test_it_checks_a_text_and_answers_the_documented_shape(anonymous, db):
    response = post(anonymous, {"text": "Développeur (H/F/X)\nNous cherchons une personne ambitieuse pour notre équipe."})
    assert response.status_code == 200
    data = response.json()
    assert (data["language"], data["verdict"], data["gender_marker"]) == ("fr", "masculine", True)
    assert data["masculine_coded"] == [{"word": "ambitieuse", "start": 48, "end": 58, "entry": "ambiti*", "alternative": "motivé·e"}]


def test_an_empty_text_or_unknown_language_is_refused_with_a_code(anonymous, db):
    assert post(anonymous, {"text": " "}).json() == {"code": "empty", "detail": "The text is empty: paste the text of a vacancy."}
    assert post(anonymous, {"text": "x", "language": "de"}).status_code == 422


def test_the_endpoint_is_in_the_openapi_schema(anonymous, db):
    paths = anonymous.get("/api/openapi.json").json()["paths"]
    assert "post" in paths["/api/job-ads/check"]


def test_it_is_rate_limited(anonymous, db):
    for _ in range(CHECKS_PER_MINUTE):
        post(anonymous, {"text": "Engineer\nAn ambitious person.", "language": "en"})
    assert post(anonymous, {"text": "Engineer\nAn ambitious person.", "language": "en"}).status_code == 429
