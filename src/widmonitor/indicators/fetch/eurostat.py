"""The client of Eurostat's dissemination API (SDMX 2.1), through ``http.get`` only.

For each dataset the catalogue's indicators need:

1. the dataflow (``sdmx/2.1/dataflow/ESTAT/<CODE>``): its ``UPDATE_DATA`` annotation is the
   date of Eurostat's last data update. When it equals the stored ``Source.last_update``,
   the dataset is skipped;
2. the data structure (``sdmx/2.1/datastructure/ESTAT/<CODE>``): the order of the dimensions,
   to build the series key from the catalogue's filters (``A.PC.F+M.`` ; an empty position is
   a wildcard);
3. the data (``sdmx/2.1/data/<code>/<key>?format=TSV&compressed=true&startPeriod=…``). An
   asynchronous answer (a ``syncResponse`` with a ``queued`` key) is polled at
   ``1.0/async/status/<key>`` a bounded number of times, then read at ``1.0/async/data/<key>``.
   An ``EXTRACTION_TOO_BIG`` answer (HTTP 413) is split into two halves of the time range.
"""

import re
from datetime import datetime
from urllib.parse import urlencode
from xml.etree import ElementTree

import polars as pl
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from widmonitor.problems import Problem, Problems

from .. import readers, store
from ..models import Source
from . import http

BASE = "https://ec.europa.eu/eurostat/api/dissemination"
POLLS = 20  # status requests for one asynchronous answer
POLL_SECONDS = 15
SPLITS = 4  # how many times a too-big extraction may be halved (at most 16 requests)
ASYNC_KEY = re.compile(r"<(?:\w+:)?(?:id|key)>\s*([^<\s]+)\s*<")
ASYNC_STATUS = re.compile(r"<(?:\w+:)?status>\s*([A-Z_]+)\s*<")


def data_url(dataset, key, start, end):
    params = {"format": "TSV", "compressed": "true", "startPeriod": start, "endPeriod": end}
    return f"{BASE}/sdmx/2.1/data/{dataset}/{key}?{urlencode({k: v for k, v in params.items() if v})}"


def dataflow_url(dataset):
    return f"{BASE}/sdmx/2.1/dataflow/ESTAT/{dataset.upper()}"


def structure_url(dataset):
    return f"{BASE}/sdmx/2.1/datastructure/ESTAT/{dataset.upper()}"


def fetch(codes=None, since=2010, until=None, progress=None):
    """Fetch and load the data of the indicators ``codes`` (default: all with data)."""
    indicators = store.select_indicators(codes)
    summary = store.LoadSummary(no_data=[i.code for i in indicators if i.data == "none" or not i.source.dataset])
    datasets = {}
    for indicator in indicators:
        if indicator.code not in summary.no_data:
            datasets.setdefault(indicator.source.dataset, []).append(indicator)
    until = until or timezone.now().year
    for dataset, group in store.tracked(list(datasets.items()), progress, desc="Eurostat", unit="dataset"):
        summary.add(fetch_dataset(dataset, group, since, until))
    return summary


def fetch_dataset(dataset, indicators, since, until):
    key = f"eurostat:{dataset}"
    updated = last_update(dataset)
    stored = Source.objects.filter(key=key).values_list("last_update", flat=True).first()
    if updated and stored == updated:
        return store.LoadSummary(up_to_date=[dataset])
    retrieved_at = timezone.now()
    frame = fetch_frame(dataset, series_key(dimensions(dataset), indicators), int(since), int(until))
    source = {"key": key, "kind": Source.Kind.EUROSTAT, "dataset": dataset, "title": f"Eurostat, {dataset}",
              "url": data_url(dataset, "", None, None).split("?")[0], "last_update": updated}
    return store.load(frame, indicators, source, retrieved_at=retrieved_at)


def last_update(dataset):
    """Eurostat's last data update of ``dataset`` (the dataflow's UPDATE_DATA annotation), or None."""
    root = xml(http_ok(dataflow_url(dataset)), dataflow_url(dataset))
    for annotation in root.iter():
        if annotation.tag.endswith("}Annotation"):
            texts = {child.tag.rsplit("}", 1)[-1]: (child.text or "").strip() for child in annotation}
            if texts.get("AnnotationType") == "UPDATE_DATA" and texts.get("AnnotationTitle"):
                try:
                    return datetime.fromisoformat(texts["AnnotationTitle"])
                except ValueError:
                    return None
    return None


def dimensions(dataset):
    """The dataset's dimension codes in key order (the time dimension left out)."""
    root = xml(http_ok(structure_url(dataset)), structure_url(dataset))
    found = [(int(e.get("position", 0)), e.get("id", "").lower()) for e in root.iter() if e.tag.endswith("}Dimension")]
    if not found:
        message = _("the structure of %(dataset)s lists no dimensions (expected SDMX 2.1 Dimension elements)")
        raise Problems([Problem("bad_structure", message, {"dataset": dataset}, file=structure_url(dataset))])
    return [name for _position, name in sorted(found)]


def series_key(dims, indicators):
    """The SDMX key selecting every series of ``indicators``: codes joined by + per dimension,
    empty (all codes) where some series does not filter that dimension."""
    filters = [filters for indicator in indicators for filters in indicator.source.defined_series().values()]
    parts = []
    for dim in dims:
        values = {f.get(dim) for f in filters}
        parts.append("" if None in values or not values else "+".join(sorted(values)))
    return ".".join(parts)


def fetch_frame(dataset, key, start, end, splits=SPLITS):
    """Normalised rows of the data for ``key`` from ``start`` to ``end`` (years)."""
    url = data_url(dataset, key, start, end)
    response = http.get(url)
    if response.status == 413 or b"EXTRACTION_TOO_BIG" in response.body[:2000]:
        if splits == 0 or start >= end:
            message = _("Eurostat finds the extraction of %(dataset)s too big even for %(start)s-%(end)s; filter it further in config/indicators.yaml")
            raise Problems([Problem("too_big", message, {"dataset": dataset, "start": start, "end": end}, file=url)])
        middle = (start + end) // 2
        halves = [fetch_frame(dataset, key, start, middle, splits - 1), fetch_frame(dataset, key, middle + 1, end, splits - 1)]
        return pl.concat(halves)
    body = ok(response).body
    if is_async(body):
        body = wait_for(dataset, body, url)
    return parse(dataset, body)


def is_async(body):
    head = body[:2000]
    return head.lstrip().startswith(b"<") and b"syncResponse" in head


def wait_for(dataset, body, url):
    """The data of an asynchronous answer, once Eurostat says it is available."""
    found = ASYNC_KEY.search(body.decode("utf-8", errors="replace"))
    if not found:
        message = _("Eurostat answered asynchronously for %(dataset)s without a key to ask for the data")
        raise Problems([Problem("async_without_key", message, {"dataset": dataset}, file=url)])
    key = found.group(1)
    for _poll in range(POLLS):
        status = ASYNC_STATUS.findall(http_ok(f"{BASE}/1.0/async/status/{key}"))
        state = status[-1] if status else ""
        if state == "AVAILABLE":
            return ok(http.get(f"{BASE}/1.0/async/data/{key}")).body
        if state not in ("SUBMITTED", "PROCESSING"):
            message = _("Eurostat's asynchronous extraction %(key)s of %(dataset)s ended with status %(status)s")
            raise Problems([Problem("async_failed", message, {"key": key, "dataset": dataset, "status": state or "?"}, file=url)])
        http.sleep(POLL_SECONDS)
    message = _("Eurostat's asynchronous extraction %(key)s of %(dataset)s was not ready after %(count)s checks; run the fetch again later")
    raise Problems([Problem("async_timeout", message, {"key": key, "dataset": dataset, "count": POLLS}, file=url)])


def parse(dataset, body):
    return readers.parse(body, f"{dataset}.tsv", dataset)


def http_ok(url):
    return ok(http.get(url)).text


def ok(response):
    if response.status == 200:
        return response
    fault = re.search(r"<faultstring>([^<]*)</faultstring>", response.text)
    message = _("%(url)s answered %(status)s (%(reason)s)")
    reason = fault.group(1).strip() if fault else response.text[:200].strip() or "-"
    raise Problems([Problem("http_error", message, {"url": response.url, "status": response.status, "reason": reason})])


def xml(text, url):
    try:
        return ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        message = _("the answer from %(url)s is not XML (%(reason)s)")
        raise Problems([Problem("bad_xml", message, {"url": url, "reason": str(error)})]) from error
