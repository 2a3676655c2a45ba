"""The site's CSS and the API docs' scripts reach the browser, from the server under test (under gunicorn in CI)."""

import re

import pytest

from .conftest import SERVED_AT

HASHED = re.compile(r"\.[0-9a-f]{12}\.(css|js)$")  # the name carries the content's hash: cached for a year


def files_linked(page, selector, attribute):
    return page.locator(selector).evaluate_all(f"nodes => nodes.map(n => n.{attribute})")


def check_served(page, urls, content_type):
    for url in urls:
        response = page.request.get(url)
        assert (response.status, response.headers["content-type"].split(";")[0]) == (200, content_type), url
        assert len(response.body()) > 1000, url
        if SERVED_AT:  # as production serves them: collected, named by their hash, cached for a year
            assert HASHED.search(url), url
            assert "immutable" in response.headers["cache-control"], url


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_sites_css_is_served_and_applied(page, live_server, db, language):
    response = page.goto(f"{live_server.url}/{language}/")
    assert response.status == 200

    stylesheets = files_linked(page, "link[rel=stylesheet]", "href")
    assert any("/static/widmonitor/portal." in url for url in stylesheets), stylesheets
    check_served(page, stylesheets, "text/css")
    assert page.evaluate("[...document.styleSheets].reduce((rules, sheet) => rules + sheet.cssRules.length, 0)") > 50


def test_the_api_docs_scripts_are_served_and_draw_the_docs(page, live_server, db):
    response = page.goto(f"{live_server.url}/api/docs")
    assert response.status == 200

    scripts = files_linked(page, "script[src]", "src")
    assert [re.sub(r"\.[0-9a-f]{12}\.", ".", url.rsplit("/", 1)[1]) for url in scripts] == ["swagger-ui-bundle.js", "swagger-ui-init.js"]
    check_served(page, scripts, "text/javascript")
    check_served(page, files_linked(page, "link[rel=stylesheet]", "href"), "text/css")
    page.locator(".opblock").first.wait_for(timeout=30_000)  # the scripts ran, under the Content-Security-Policy, and drew the operations
