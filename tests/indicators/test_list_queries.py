"""The indicator list asks the database a fixed number of questions, however many indicators it shows."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from widmonitor.indicators import presentation, store
from widmonitor.indicators.published import load_published


@pytest.fixture(scope="module")
def bundled_data(django_db_setup, django_db_blocker):
    """The bundled Eurostat files and the published figures, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        store.load_bundled()
        load_published()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def visitor(db, bundled_data, client):
    return client


def list_queries(client):
    client.get("/en/indicators/")  # the session, the language: asked once, not counted
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/indicators/").status_code == 200
    return len(queries)


def only(indicators, monkeypatch):
    chosen = {code: indicator for code, indicator in presentation.catalogue().items() if code in indicators}
    monkeypatch.setattr(presentation, "catalogue", lambda: chosen)


def test_the_list_asks_as_many_queries_for_three_indicators_as_for_all(visitor, monkeypatch):
    everything = list_queries(visitor)
    with_data = [code for code, indicator in presentation.catalogue().items() if indicator.data != "none"]
    only(with_data[:3], monkeypatch)

    assert list_queries(visitor) == everything
    assert len(presentation.catalogue()) == 3


def test_the_list_asks_at_most_six_queries(visitor):
    assert list_queries(visitor) <= 6  # was 63 with one query per indicator


def test_the_batched_summaries_equal_the_summaries_one_by_one(visitor):
    indicators = list(presentation.catalogue().values())
    assert presentation.summaries(indicators) == [presentation.summary(indicator) for indicator in indicators]
