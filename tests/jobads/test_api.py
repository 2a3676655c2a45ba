import json

from widmonitor.jobads.throttle import CHECKS_PER_MINUTE


def post(client, payload):
    return client.post("/api/job-ads/check", json.dumps(payload), content_type="application/json")


def test_it_checks_a_text_and_answers_the_documented_shape(anonymous, db):
    response = post(anonymous, {"text": "Développeur (H/F/X)\nNous cherchons une personne ambitieuse pour notre équipe."})
    assert response.status_code == 200
    data = response.json()
    assert (data["language"], data["verdict"], data["gender_marker"]) == ("fr", "masculine", True)
    assert [(word["word"], word["start"], word["end"], word["entry"], word["alternative"]) for word in data["masculine_coded"]] == [
        ("ambitieuse", 48, 58, "ambiti*", "motivé·e")
    ]


def test_every_match_carries_the_kind_of_its_source_and_a_note(anonymous, db):
    text = "Développeur (H/F/X)\nUne personne ambitieuse, agressive et créative, qui aime collaborer."
    data = post(anonymous, {"text": text, "language": "fr"}).json()
    matches = data["masculine_coded"] + data["feminine_coded"] + data["masculine_only_titles"]
    assert [(match["word"], match["source"]["kind"], match["source"]["key"]) for match in matches] == [
        ("ambitieuse", "translation", "gfk"),
        ("agressive", "guidance", "wttj"),
        ("créative", "translation", "uantwerpen"),
        ("collaborer", "translation", "gfk"),
        ("Développeur", "guidance", "cslf"),
    ]
    assert matches[0]["note"] == "widmonitor's translation of GFK stem 'ambitio'"
    assert matches[1]["source"]["url"] == "https://www.welcometothejungle.com/sk/articles/feminiser-offres-emploi"
    assert all(match["note"] and match["source"]["name"] for match in matches)


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
