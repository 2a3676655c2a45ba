"""Fetching from Eurostat with recorded answers: the HTTP wrapper is patched at one point,
``fetch.http.open_url``; no test touches the network."""

import gzip
import io
import urllib.error
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings

from widmonitor.indicators.fetch import eurostat, http
from widmonitor.indicators.models import Observation, Source
from widmonitor.problems import Problems

API = settings.REPO_DIR / "tests" / "indicators" / "fixtures" / "eurostat_api"
TSV = (settings.DATA_DIR / "eurostat" / "isoc_sks_itsps_PC_F_2014-2021.tsv").read_bytes()


class Answer:
    def __init__(self, body, status=200, headers=None):
        self.body, self.status, self.headers = body, status, headers or {"Content-Type": "text/tab-separated-values"}

    def read(self):
        return self.body

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class Recorded:
    """A fake ``open_url``: the answers for each URL part, in order; records the URLs asked."""

    def __init__(self, routes):
        self.routes = {part: list(answers) for part, answers in routes.items()}
        self.urls = []

    def __call__(self, request, timeout=None):
        url = request.full_url
        self.urls.append(url)
        part = next(part for part in self.routes if part in url)
        answer = self.routes[part].pop(0) if len(self.routes[part]) > 1 else self.routes[part][0]
        if isinstance(answer, Exception):
            raise answer
        if answer.status >= 400:
            raise urllib.error.HTTPError(url, answer.status, "error", answer.headers, io.BytesIO(answer.body))
        return answer


def fixture(name):
    return Answer((API / name).read_bytes(), headers={"Content-Type": "application/xml"})


def columns(tsv, first, last):
    """The TSV with only its year columns ``first``..``last`` (1-based), as Eurostat would cut it."""
    lines = tsv.decode().splitlines()
    return ("\n".join("\t".join([cells[0], *cells[first : last + 1]]) for cells in (line.split("\t") for line in lines)) + "\n").encode()


def metadata():
    return {"/dataflow/": [fixture("dataflow_isoc_sks_itsps.xml")], "/datastructure/": [fixture("datastructure_isoc_sks_itsps.xml")]}


@pytest.fixture
def recorded(monkeypatch):
    def install(routes):
        opener = Recorded(routes)
        monkeypatch.setattr(http, "open_url", opener)
        monkeypatch.setattr(http, "sleep", lambda seconds: None)
        return opener

    return install


def test_it_gunzips_a_body_sent_without_content_encoding(recorded):
    recorded({"example": [Answer(gzip.compress(TSV))]})

    assert http.get("https://example.test/data").body == TSV


def test_it_retries_server_errors_and_timeouts_then_succeeds(recorded):
    opener = recorded({"example": [Answer(b"busy", status=503), TimeoutError("timed out"), Answer(b"ok")]})

    assert http.get("https://example.test/data").body == b"ok"
    assert len(opener.urls) == 3


def test_it_gives_up_after_a_bounded_number_of_retries(recorded):
    opener = recorded({"example": [Answer(b"down", status=502)]})

    with pytest.raises(Problems, match="answered 502 after 3 attempts"):
        http.get("https://example.test/data", retries=2)
    assert len(opener.urls) == 3


def test_it_fetches_filtered_data_and_stores_its_last_update(db, recorded):
    opener = recorded({**metadata(), "/data/isoc_sks_itsps/": [Answer(gzip.compress(TSV))]})

    summary = eurostat.fetch(["wid_sse_icts"], since=2014, until=2021)

    data_url = next(url for url in opener.urls if "/data/isoc_sks_itsps/" in url)
    assert urlsplit(data_url).path.endswith("/sdmx/2.1/data/isoc_sks_itsps/.PC.F+M.")
    assert parse_qs(urlsplit(data_url).query) == {"format": ["TSV"], "compressed": ["true"], "startPeriod": ["2014"], "endPeriod": ["2021"]}
    be = Observation.objects.get(indicator="wid_sse_icts", geo="BE", period="2021", source__key="eurostat:isoc_sks_itsps")
    assert (be.value, be.flags) == (19.6, "b")
    assert summary.created == 288
    assert Source.objects.get(key="eurostat:isoc_sks_itsps").last_update.isoformat() == "2023-03-31T21:00:00+00:00"


def test_it_skips_a_dataset_whose_last_update_has_not_changed(db, recorded):
    recorded({**metadata(), "/data/isoc_sks_itsps/": [Answer(gzip.compress(TSV))]})
    eurostat.fetch(["wid_sse_icts"], since=2014, until=2021)
    opener = recorded({**metadata(), "/data/": [AssertionError("the data must not be asked again")]})

    summary = eurostat.fetch(["wid_sse_icts"], since=2014, until=2021)

    assert summary.up_to_date == ["isoc_sks_itsps"]
    assert not any("/data/isoc" in url for url in opener.urls)


def test_it_polls_an_asynchronous_answer_until_the_data_is_available(db, recorded):
    opener = recorded({
        **metadata(),
        "/data/isoc_sks_itsps/": [fixture("async_queued.xml")],
        "/async/status/": [fixture("async_status_processing.xml"), fixture("async_status_available.xml")],
        "/async/data/": [Answer(gzip.compress(TSV))],
    })

    summary = eurostat.fetch(["wid_sse_icts"], since=2014, until=2021)

    assert summary.created == 288
    statuses = [url for url in opener.urls if "/async/status/c6a3e7b2-5f0d-4d7b-9b0e-2a1f4e9d7c11" in url]
    assert len(statuses) == 2


def test_it_stops_polling_after_a_bounded_number_of_checks(db, recorded, monkeypatch):
    monkeypatch.setattr(eurostat, "POLLS", 3)
    recorded({**metadata(), "/data/isoc_sks_itsps/": [fixture("async_queued.xml")], "/async/status/": [fixture("async_status_processing.xml")]})

    with pytest.raises(Problems, match="was not ready after 3 checks"):
        eurostat.fetch(["wid_sse_icts"], since=2014, until=2021)
    assert not Observation.objects.exists()


def test_it_splits_an_extraction_that_is_too_big_by_time(db, recorded):
    too_big = fixture("extraction_too_big.xml")
    too_big.status = 413
    opener = recorded({
        **metadata(),
        "startPeriod=2014&endPeriod=2021": [too_big],
        "startPeriod=2014&endPeriod=2017": [Answer(gzip.compress(columns(TSV, 1, 4)))],
        "startPeriod=2018&endPeriod=2021": [Answer(gzip.compress(columns(TSV, 5, 8)))],
    })

    summary = eurostat.fetch(["wid_sse_icts"], since=2014, until=2021)

    assert summary.created == 288
    assert Observation.objects.get(indicator="wid_sse_icts", geo="BE", period="2017").flags == "b"
    assert len([url for url in opener.urls if "/data/isoc" in url]) == 3


def test_a_client_error_is_one_problem_naming_eurostats_reason(db, recorded):
    missing = Answer(b"<S:Fault><faultcode>404</faultcode><faultstring>No data for the query</faultstring></S:Fault>", status=404)
    recorded({**metadata(), "/data/isoc_sks_itsps/": [missing]})

    with pytest.raises(Problems, match="answered 404 \\(No data for the query\\)"):
        eurostat.fetch(["wid_sse_icts"], since=2014, until=2021)
