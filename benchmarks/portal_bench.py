"""Serve a registry of SYNTHETIC initiatives with gunicorn and drive the public search at it.

Every initiative here is made up for the benchmark ("Synthetic initiative 00042", labelled so);
nothing comes from the registry. For each size it fills a fresh database (SQLite in a temporary
folder, or the PostgreSQL database named by --database-url, which it empties), starts gunicorn
on 127.0.0.1, and for --seconds each drives, with --clients concurrent keep-alive clients:

- a mix of search URLs (words, facets, both, deep pages), each URL different (no cache help),
- one repeated search URL (served from the cache that publishing invalidates),
- the trivial view /healthz, as the baseline of the same server in the same run,

and prints p50 / p95 latency, throughput and errors, and the ratios to the baseline.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/portal_bench.py [--sizes 10000 100000] [--seconds 60] [--database-url postgres://...]

Targets (PostgreSQL): p95 <= 100 ms at 10,000 and <= 300 ms at 100,000 initiatives, no errors; the
repeated search at >= 50 % of the trivial view's throughput.
"""

import argparse
import http.client
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

WORDS = ["code", "women", "training", "digital", "mentoring", "girls", "network", "data", "school", "career"]


def environment(home, database_url):
    env = dict(os.environ, WIDMONITOR_HOME=str(home), WIDMONITOR_ALLOWED_HOSTS="127.0.0.1", DJANGO_SETTINGS_MODULE="widmonitor.settings")
    env.pop("WIDMONITOR_DATABASE_URL", None)
    if database_url:
        env["WIDMONITOR_DATABASE_URL"] = database_url
    return env


FILL = """
import random, sys, time
import django
django.setup()
from django.core.management import call_command
from django.conf import settings
call_command("flush", interactive=False, verbosity=0)
from widmonitor.vocabularies.loader import load_vocabularies
from widmonitor.strategy.loader import load_strategy
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiatives
load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
load_strategy(settings.CONFIG_DIR / "strategies" / "belgium-wid-2021.yaml")
rng = random.Random(42)
words = {words!r}
objectives = list(Objective.objects.current().sub_objectives())
terms = {{v: list(Term.objects.of(v)) for v in ("audience", "region", "language", "format")}}
size, batch, start = int(sys.argv[1]), 2000, time.perf_counter()
for first in range(0, size, batch):
    changes = []
    for n in range(first, min(first + batch, size)):
        title = " ".join(rng.sample(words, 3))
        initiative = Initiative(
            uid=f"synthetic-{{n:06d}}", original_language="en", moderation="published",
            title={{"en": f"Synthetic initiative {{n:05d}}: {{title}}", "nl": f"Synthetisch initiatief {{n:05d}}"}},
            summary={{"en": "Synthetic, for the benchmark only: " + " ".join(rng.sample(words, 5))}},
            cost=rng.choice(["free", "paid", "unknown"]), sector=rng.choice(["public", "private", "mixed", "unknown"]),
            status=rng.choice(["planned", "ongoing", "completed", "unknown"]), starts=str(rng.randint(2015, 2026)),
        )
        relations = {{"objectives": rng.sample(objectives, rng.randint(1, 3))}}
        for name, vocabulary in (("audiences", "audience"), ("regions", "region"), ("languages", "language"), ("formats", "format")):
            relations[name] = rng.sample(terms[vocabulary], rng.randint(0, 3))
        changes.append((initiative, relations))
    save_initiatives(changes, reason="Synthetic benchmark data")
from django.db import connection
if connection.vendor == "postgresql":
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics after a bulk load, as a deployment would have them
print(f"filled {{size}} synthetic initiatives in {{time.perf_counter() - start:.0f}} s", flush=True)
"""


def fill(home, database_url, size):
    env = environment(home, database_url)
    subprocess.run([sys.executable, "-m", "widmonitor.cli", "migrate", "-v", "0"], env=env, check=True)
    subprocess.run([sys.executable, "-c", FILL.format(words=WORDS), str(size)], env=env, check=True)
    # the pages name their CSS by its collected, hashed copy, as `widmonitor setup` makes it
    subprocess.run([sys.executable, "-m", "widmonitor.cli", "collectstatic", "--noinput", "-v", "0"], env=env, check=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(home, database_url, workers, threads=1):
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server = subprocess.Popen(
        [gunicorn, "-w", str(workers), "--threads", str(threads), "-b", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", "widmonitor.wsgi"],
        env=environment(home, database_url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
            return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def search_urls(rng, count):
    facets = ["audience=women", "audience=girls&region=brussels", "cost=free", "objective=1", "sub_objective=2.1&format=training", "status=ongoing&sector=public"]
    urls = []
    for n in range(count):
        kind = n % 4
        if kind == 0:
            urls.append(f"/en/initiatives/?q={rng.choice(WORDS)}&page={rng.randint(1, 3)}&n={n}")
        elif kind == 1:
            urls.append(f"/en/initiatives/?{rng.choice(facets)}&n={n}")
        elif kind == 2:
            urls.append(f"/en/initiatives/?q={rng.choice(WORDS)}&{rng.choice(facets)}&n={n}")
        else:
            urls.append(f"/nl/initiatives/?sort=title&page={rng.randint(20, 200)}&n={n}")
    return urls


def drive(port, urls, clients, seconds):
    """Each client loops over its share of ``urls`` for ``seconds``; returns latencies (s) and errors."""
    latencies, errors, stop = [], [0], time.monotonic() + seconds
    lock = threading.Lock()

    def client(offset):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, n = [], offset
        while time.monotonic() < stop:
            url = urls[n % len(urls)]
            n += clients
            start = time.perf_counter()
            try:
                connection.request("GET", url)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - start)
            if not ok:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0]


def report(label, latencies, errors, seconds):
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000 if ordered else 0
    rate = len(ordered) / seconds
    print(f"  {label:<22} {rate:8.0f} req/s   p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   errors {errors}")
    return rate, p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (more than 1: gunicorn's gthread workers, with keep-alive)")
    parser.add_argument("--database-url", help="a PostgreSQL database to use (emptied!); default: SQLite in a temporary folder")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="widmonitor-portal-bench-"))
    database = "PostgreSQL" if args.database_url else "SQLite"
    try:
        for size in args.sizes:
            fill(home, args.database_url, size)
            server, port = serve(home, args.database_url, args.workers, args.threads)
            try:
                drive(port, ["/healthz", "/en/initiatives/"], args.clients, 2)  # warm up
                print(f"{database}, {size} synthetic initiatives, {args.clients} clients, {args.workers} gunicorn workers × {args.threads} threads, {args.seconds} s each:")
                trivial, _ = report("trivial view", *drive(port, ["/healthz"], args.clients, args.seconds), args.seconds)
                searches, p95 = report("search mix (uncached)", *drive(port, search_urls(random.Random(size), 100_000), args.clients, args.seconds), args.seconds)
                repeated, _ = report("repeated search", *drive(port, ["/en/initiatives/?q=women&audience=women"], args.clients, args.seconds), args.seconds)
                print(f"  ratios to the trivial view: search mix {searches / trivial:.1%}, repeated search {repeated / trivial:.1%}")
                target = 100 if size <= 10_000 else 300
                print(f"  target p95 <= {target} ms: {'met' if p95 <= target else 'NOT met'}; repeated >= 50 %: {'met' if repeated >= trivial / 2 else 'NOT met'}")
            finally:
                server.terminate()
                server.wait(timeout=30)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
