"""The API documents itself: an OpenAPI schema and docs that run under the site's CSP."""

import json
import re

from django.contrib.staticfiles import finders

from widmonitor.search import facets

ENDPOINTS = [
    "/api/initiatives",
    "/api/initiatives/{uid}",
    "/api/organisations",
    "/api/organisations/{slug}",
    "/api/strategy",
    "/api/vocabularies",
    "/api/indicators",
    "/api/indicators/{code}",
    "/api/indicators/{code}/observations",
    "/api/indicators/{code}/sdmx-csv",
    "/api/indicators/{code}/json-stat",
]
STATELESS_CHECKS = ["/api/job-ads/check"]  # POST a text, get its analysis; nothing is stored


def test_the_schema_lists_every_endpoint_and_only_reads(anonymous, db):
    schema = anonymous.get("/api/openapi.json").json()
    assert sorted(schema["paths"]) == sorted(ENDPOINTS + STATELESS_CHECKS)
    assert {path: set(operations) for path, operations in schema["paths"].items()} == {
        **{path: {"get"} for path in ENDPOINTS},
        **{path: {"post"} for path in STATELESS_CHECKS},
    }


def test_the_schema_documents_every_search_facet_as_a_parameter(anonymous, db):
    operation = anonymous.get("/api/openapi.json").json()["paths"]["/api/initiatives"]["get"]
    parameters = {parameter["name"] for parameter in operation["parameters"]}
    assert parameters == {facet.name for facet in facets.FACETS} | {"q", "sort", "lang", "limit", "offset"}


def test_the_indicator_endpoints_are_documented_with_examples_and_their_problems(anonymous, db):
    paths = anonymous.get("/api/openapi.json").json()["paths"]
    indicator_paths = [path for path in ENDPOINTS if path.startswith("/api/indicators")]
    for path in indicator_paths:
        operation = paths[path]["get"]
        assert operation["tags"] == ["indicators"] and operation["summary"]
        assert "example" in operation["responses"]["400"]["content"]["application/problem+json"]
        assert all("example" in parameter for parameter in operation["parameters"] if parameter["name"] not in ("limit", "offset"))
    assert "404" in paths["/api/indicators/{code}"]["get"]["responses"]
    assert "STRUCTURE_ID" in paths["/api/indicators/{code}/sdmx-csv"]["get"]["responses"]["200"]["content"]["application/vnd.sdmx.data+csv; version=2.0.0"]["example"]
    assert paths["/api/indicators/{code}/json-stat"]["get"]["responses"]["200"]["content"]["application/json"]["example"]["version"] == "2.0"


def test_the_schema_has_no_key_twice_so_the_docs_can_read_it(anonymous, db):
    """Swagger UI refuses a document with a duplicated key ("duplicated mapping key") and shows no endpoint."""

    def unique(pairs):
        keys = [key for key, _value in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    json.loads(anonymous.get("/api/openapi.json").content, object_pairs_hook=unique)


def test_no_schema_names_a_contact_field(anonymous, db):
    text = anonymous.get("/api/openapi.json").content.decode()
    assert "contact" not in text and "moderation" not in text


def test_the_docs_load_scripts_only_from_this_site_and_none_inline(anonymous, db):
    response = anonymous.get("/api/docs")
    html = response.content.decode()
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    sources = [re.search(r'src="([^"]+)"', attributes) for attributes, _body in scripts]
    assert [match[1] for match in sources if match] == ["/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui-init.js"]
    inline = [(attributes, body) for attributes, body in scripts if "src=" not in attributes]
    assert inline and all('type="application/json"' in attributes for attributes, _body in inline)
    assert "http://" not in html and "https://" not in html and "/api/openapi.json" in html


def test_the_docs_scripts_are_static_files_of_this_site():
    assert all(finders.find(name) for name in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"))
