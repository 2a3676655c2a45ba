"""Requests per second of the DCAT-AP catalogue (/catalog.ttl, /catalog.jsonld): built on every request (as it
was before it was kept), kept (``opendata/cached.py``), and a harvester's conditional GET (304).

Runs on the bundled data (the real registry, Eurostat files, the 2022 report published) in a throw-away SQLite
database under a temporary WIDMONITOR_HOME; nothing is synthetic. The in-process test client, no web server:

    .venv/bin/python benchmarks/catalogue_bench.py [--seconds 10]

Prints, per document: the size, and requests/s and the median time of each way of serving it. Then it
changes one published initiative and checks that the next request serves the changed catalogue.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def drive(client, path, seconds, before=None, **headers):
    """``(requests/s, median ms, last response)`` of GET ``path`` for ``seconds``; ``before()`` runs untimed first."""
    times, response, deadline = [], None, time.perf_counter() + seconds
    while time.perf_counter() < deadline or not times:
        if before:
            before()
        started = time.perf_counter()
        response = client.get(path, **headers)
        times.append(time.perf_counter() - started)
    return len(times) / sum(times), statistics.median(times) * 1000, response


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10, help="how long each way is driven")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="widmonitor-catalogue-bench-") as home:
        os.environ["WIDMONITOR_HOME"] = home
        os.environ.pop("WIDMONITOR_DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "widmonitor.settings")
        os.environ.setdefault("WIDMONITOR_ALLOWED_HOSTS", "testserver")
        sys.path.insert(0, str(REPO / "src"))
        import django

        django.setup()
        bench(args.seconds)


def bench(seconds):
    from django.core.management import call_command
    from django.test import Client

    from widmonitor.initiatives.models import Initiative
    from widmonitor.opendata import cached
    from widmonitor.reports import editions

    started = time.perf_counter()
    call_command("setup", verbosity=0)
    editions.in_background = lambda function, *args: None  # the edition's files are not made: the catalogue only lists them
    editions.publish(2022, None)
    print(f"data loaded (not counted): {time.perf_counter() - started:.1f} s")
    client = Client()
    for path in ("/catalog.ttl", "/catalog.jsonld"):
        built = drive(client, path, seconds, before=cached.forget)
        kept = drive(client, path, seconds)
        etag = kept[2]["ETag"]
        conditional = drive(client, path, seconds, HTTP_IF_NONE_MATCH=etag)
        assert (built[2].status_code, kept[2].status_code, conditional[2].status_code) == (200, 200, 304)
        print(f"{path}: {len(kept[2].content) / 1024:.0f} kB")
        for name, (rate, median, _response) in (("built every request", built), ("kept", kept), ("conditional GET, 304", conditional)):
            print(f"  {name:22} {rate:9.1f} requests/s   median {median:8.2f} ms")
    initiative = Initiative.objects.published().first()
    initiative.title = {**initiative.title, "en": "Changed for the benchmark"}
    initiative.save()
    response = client.get("/catalog.ttl", HTTP_IF_NONE_MATCH=etag)
    print(f"after an initiative changed: {response.status_code}, new ETag {response['ETag'] != etag}")


if __name__ == "__main__":
    main()
