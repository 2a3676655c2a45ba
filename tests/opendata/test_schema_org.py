"""Each dataset of the catalogue has a page that describes it as a schema.org ``Dataset`` (JSON-LD), in the page's
language, with its downloads in that language and the language-free ones."""

import json

import pytest
from django.utils import translation

from widmonitor.opendata.datasets import datasets
from widmonitor.reports import editions


@pytest.fixture(scope="module")
def published(setup_data, django_db_blocker):
    with django_db_blocker.unblock():
        editions.publish(2022, None)


def described(page):
    blocks = [json.loads(part.split("</script>")[0]) for part in page.split('<script type="application/ld+json">')[1:]]
    return {block["identifier"]: block for block in blocks if block.get("@type") == "Dataset"}


def test_every_datasets_page_describes_it(published, db, client):
    with translation.override("fr"):  # the language-free files' addresses are the French page's (any language's serves them)
        found = datasets()
    assert {"registry", "reach", "report-2022"} <= {dataset.key for dataset in found} and len(found) >= 20
    for dataset in found:
        response = client.get(dataset.landing_pages["fr"])
        description = described(response.content.decode()).get(dataset.key)
        assert (dataset.key, response.status_code, description is not None) == (dataset.key, 200, True)
        assert description["name"] == dataset.title["fr"]
        expected = {f"http://testserver{d.path}" for d in dataset.distributions if d.language in ("", "fr")}
        assert {d["contentUrl"] for d in description["distribution"]} == expected


def test_the_sdmx_csv_is_described_with_its_media_type(published, db, client):
    description = described(client.get("/en/indicators/wid_sse_icts/").content.decode())["indicator-wid_sse_icts"]
    formats = {d["contentUrl"].rsplit("/", 1)[1]: d["encodingFormat"] for d in description["distribution"]}
    assert formats["sdmx-csv"] == "application/vnd.sdmx.data+csv" and formats["json-stat?lang=en"] == "application/json"
