"""/api/docs, drawn by Swagger UI in a browser, lists the indicator endpoints and shows their examples."""

import re

INDICATOR_PATHS = ["/api/indicators", "/api/indicators/{code}", "/api/indicators/{code}/observations",
                   "/api/indicators/{code}/sdmx-csv", "/api/indicators/{code}/json-stat"]  # fmt: skip


def test_the_docs_list_the_indicator_endpoints_and_show_the_sdmx_csv_example(page, live_server, db):
    from playwright.sync_api import expect  # imported here: the tests without a browser are collected without Playwright

    page.goto(f"{live_server.url}/api/docs")
    page.locator(".opblock").first.wait_for(timeout=30_000)

    shown = page.locator(".opblock-tag-section:has(h3[data-tag='indicators']) .opblock-summary-path").all_inner_texts()
    assert [re.sub(r"\s+", "", path) for path in shown] == INDICATOR_PATHS
    page.locator(".opblock-summary-path[data-path='/api/indicators/{code}/sdmx-csv']").click()
    operation = page.locator(".opblock", has=page.locator(".opblock-summary-path[data-path='/api/indicators/{code}/sdmx-csv']"))
    example = operation.locator(".responses-wrapper .example, .responses-wrapper .microlight").first
    expect(example).to_contain_text("WIDMONITOR:WID_SSE_ICTS(1.0)")
    assert "application/vnd.sdmx.data+csv; version=2.0.0" in operation.locator(".responses-wrapper").inner_html()
    operation.locator(".responses-wrapper").scroll_into_view_if_needed()
    page.screenshot(path="/work/notes/shots/opendata2-api-docs.png")
