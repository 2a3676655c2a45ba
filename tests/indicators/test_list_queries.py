"""The indicator list asks the database a fixed number of questions, however many indicators it shows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from widmonitor.indicators import presentation


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
