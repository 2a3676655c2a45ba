"""The catalogue is built once and kept until what it describes changes; its ETag answers a conditional GET."""

import pytest
from django.test import override_settings
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS

from widmonitor.initiatives.models import Initiative
from widmonitor.opendata import datasets
from widmonitor.reach.models import Outcome


@pytest.fixture
def visitor(setup_data, db, client):
    return client


@pytest.fixture
def builds(monkeypatch):
    """How many times the catalogue's datasets were read."""
    counted = []
    real = datasets.datasets

    def counting():
        counted.append(1)
        return real()

    monkeypatch.setattr("widmonitor.opendata.dcat.datasets", counting)
    return counted


def test_a_second_request_is_served_the_kept_catalogue(visitor, builds):
    first = visitor.get("/catalog.ttl")
    second = visitor.get("/catalog.ttl")

    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert len(builds) <= 1


def test_a_harvester_that_has_the_catalogue_gets_304(visitor):
    etag = visitor.get("/catalog.jsonld")["ETag"]

    response = visitor.get("/catalog.jsonld", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304 and response.content == b""


def test_a_changed_initiative_makes_a_new_catalogue(visitor):
    first = visitor.get("/catalog.ttl")
    initiative = Initiative.objects.published().get(pk=Initiative.objects.published().order_by("pk").values("pk")[:1])
    initiative.save()  # its updated_at, the registry's modified date

    response = visitor.get("/catalog.ttl", HTTP_IF_NONE_MATCH=first["ETag"])

    assert response.status_code == 200 and response["ETag"] != first["ETag"]
    assert initiative.updated_at.isoformat(timespec="seconds") in response.content.decode()


def test_an_accepted_outcome_makes_a_new_catalogue(visitor):
    first = visitor.get("/catalog.ttl")["ETag"]
    initiative = Initiative.objects.published().order_by("pk").first()
    Outcome.objects.create(initiative=initiative, year=2023, participants=10, women_and_girls=5, source_kind="own-count", status="accepted")

    response = visitor.get("/catalog.ttl")

    graph = Graph().parse(data=response.content, format="turtle")
    period = graph.value(URIRef("http://testserver/catalog.ttl#reach"), DCTERMS.temporal)
    assert response["ETag"] != first and str(graph.value(period, DCAT.startDate)) == "2023-01-01"


def test_other_settings_make_another_catalogue(visitor):
    first = visitor.get("/catalog.ttl")["ETag"]
    with override_settings(CONTACT={"operator": "FOD Economie", "email": ""}):
        response = visitor.get("/catalog.ttl")

    assert response["ETag"] != first and "FOD Economie" in response.content.decode()
