"""Serve a registry of SYNTHETIC initiatives with gunicorn and drive the public search at it, with and without edits.

Every initiative here is made up for the benchmark ("Synthetic initiative 00042", labelled so),
but its words are the registry's own: the titles and summaries are drawn, Zipf-like by their
frequency there, from the distinct words of the nl, fr and en texts of data/registry/*.yaml and
config/ (some 3,800 words). Most initiatives have text in all three languages, the others only
in their original one. For each size it fills a fresh database (SQLite in a temporary folder, or
the PostgreSQL database named by --database-url, which it empties), prints what applying one
edited record to a worker's index costs, starts gunicorn on 127.0.0.1, warms it up for --warm-up
seconds with other searches (as a server that has run a while: each worker has read the index
and keeps the result cards it has shown) and drives, for --seconds each, with --clients
concurrent keep-alive clients:

- the trivial view /healthz, the baseline of the same server in the same run;
- searches of 1-2 of those words (Zipf-like) in nl, fr and en, a third with facets, every URL
  different (no cache help) -- once alone, once while a separate process saves an edit of a
  random initiative through the one write path (``save_initiative``) every --edit-every seconds;
- one repeated search URL (served from the cache that every change invalidates);

and prints p50 / p95 / p99 latency, throughput and errors.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/portal_bench.py [--sizes 10000 100000] [--seconds 60] [--database-url postgres://...]

Targets (PostgreSQL, 16 clients, 3 workers): p95 <= 100 ms at 10,000 and <= 200 ms at 100,000
initiatives with an edit every 2 s; throughput with edits >= 70 % of without; no errors; applying
one edited record < 50 ms at 100,000.
"""

import argparse
import collections
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import yaml

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = ("nl", "fr", "en")
WORD = re.compile(r"[^\W\d_]{3,}")


def vocabulary():
    """``{language: [(word, count)]}``, most frequent first: the words of the registry's own texts."""
    counts = {language: collections.Counter() for language in LANGUAGES}

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in counts and isinstance(value, str):
                    counts[key].update(WORD.findall(value.lower()))
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in [*sorted((REPO / "data" / "registry").glob("*.yaml")), *sorted((REPO / "config").rglob("*.yaml"))]:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return {language: found.most_common() for language, found in counts.items()}


def zipf_weights(size):
    return [1 / rank for rank in range(1, size + 1)]


def environment(home, database_url):
    env = dict(os.environ, WIDMONITOR_HOME=str(home), WIDMONITOR_ALLOWED_HOSTS="127.0.0.1", DJANGO_SETTINGS_MODULE="widmonitor.settings")
    env.pop("WIDMONITOR_DATABASE_URL", None)
    if database_url:
        env["WIDMONITOR_DATABASE_URL"] = database_url
    return env


FILL = """
import json, random, sys, time
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
words = {{language: [word for word, _count in found] for language, found in json.load(open(sys.argv[2])).items()}}
weights = {{language: [1 / rank for rank in range(1, len(found) + 1)] for language, found in words.items()}}
def text(language, count):
    return " ".join(rng.choices(words[language], weights[language], k=count))
objectives = list(Objective.objects.current().sub_objectives())
terms = {{v: list(Term.objects.of(v)) for v in ("audience", "region", "language", "format")}}
size, batch, start = int(sys.argv[1]), 2000, time.perf_counter()
for first in range(0, size, batch):
    changes = []
    for n in range(first, min(first + batch, size)):
        original = rng.choice(["nl", "fr", "en"])
        languages = ["nl", "fr", "en"] if rng.random() < 0.7 else [original]
        initiative = Initiative(
            uid=f"synthetic-{{n:06d}}", original_language=original, moderation="published",
            title={{language: f"Synthetic {{n:05d}}: " + text(language, rng.randint(3, 6)) for language in languages}},
            summary={{language: text(language, rng.randint(8, 16)) for language in languages}},
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

# One edited record through the write path, and what applying it to a worker's index costs.
APPLY = """
import random, statistics, time
import django
django.setup()
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.search import cache, snapshot
start = time.perf_counter()
index = snapshot.Index.read_all()
whole = time.perf_counter() - start
pks = list(Initiative.objects.values_list("pk", flat=True))
rng, saves, applies = random.Random(7), [], []
for n in range(20):
    initiative = Initiative.objects.get(pk=rng.choice(pks))
    initiative.title = {{**initiative.title, initiative.original_language: f"Edited {{n}}: " + initiative.title.get(initiative.original_language, "")}}
    start = time.perf_counter()
    save_initiative(initiative, {{}}, None, "Benchmark edit")
    saves.append(time.perf_counter() - start)
    start = time.perf_counter()
    assert index.catch_up(cache.state()[1])
    applies.append(time.perf_counter() - start)
print(f"  one edited record: saved (write path, index tables, change log) in {{statistics.median(saves) * 1000:.1f}} ms, "
      f"applied to a worker's index in {{statistics.median(applies) * 1000:.1f}} ms (median of 20, max {{max(applies) * 1000:.1f}} ms); "
      f"reading the whole index: {{whole:.2f}} s", flush=True)
"""

# Another process, as a moderator: an edit saved through the write path every few seconds, until stdin closes.
EDITOR = """
import random, sys, threading, time
import django
django.setup()
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
every, stop, rng, n, took = float(sys.argv[1]), threading.Event(), random.Random(11), 0, []
threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
pks = list(Initiative.objects.values_list("pk", flat=True))
print("ready", flush=True)
while not stop.wait(every):
    initiative = Initiative.objects.get(pk=rng.choice(pks))
    initiative.title = {{**initiative.title, initiative.original_language: f"Edited {{n}}: " + initiative.title.get(initiative.original_language, "")}}
    start = time.perf_counter()
    save_initiative(initiative, {{}}, None, "Benchmark edit")
    took.append(time.perf_counter() - start)
    n += 1
print(n, sum(took) / max(len(took), 1), flush=True)
"""


def fill(home, database_url, size, words_file):
    env = environment(home, database_url)
    subprocess.run([sys.executable, "-m", "widmonitor.cli", "migrate", "-v", "0"], env=env, check=True)
    subprocess.run([sys.executable, "-c", FILL.format(), str(size), str(words_file)], env=env, check=True)
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


def search_urls(rng, count, words):
    """Searches of 1-2 words drawn Zipf-like from one language's vocabulary, a third with facets, each URL different."""
    facets = ["audience=women", "audience=girls&region=brussels", "cost=free", "objective=1", "sub_objective=2.1&format=training", "status=ongoing&sector=public"]
    weights = {language: zipf_weights(len(found)) for language, found in words.items()}
    urls = []
    for n in range(count):
        language = rng.choice(LANGUAGES)
        typed = "+".join(rng.choices([word for word, _count in words[language]], weights[language], k=rng.randint(1, 2)))
        facet = f"&{rng.choice(facets)}" if n % 3 == 0 else ""
        page = f"&page={rng.randint(2, 3)}" if n % 5 == 0 else ""
        urls.append(f"/{language}/initiatives/?q={quote(typed, safe='+')}{facet}{page}&n={n}")
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
    p50 = statistics.median(ordered) * 1000 if ordered else 0
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000 if ordered else 0
    p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000 if ordered else 0
    rate = len(ordered) / seconds
    print(f"  {label:<30} {rate:8.0f} req/s   p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   p99 {p99:7.1f} ms   errors {errors}", flush=True)
    return rate, p95, errors


def with_edits(home, database_url, every, work):
    """Run ``work()`` while another process saves an edit every ``every`` seconds; returns its result and the edits."""
    editor = subprocess.Popen(
        [sys.executable, "-c", EDITOR.format(), str(every)], env=environment(home, database_url), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        editor.stdout.readline()  # "ready": the edits start with the searches, not after its start-up
        result = work()
    finally:
        out, _err = editor.communicate("", timeout=120)
    edits, took = out.split() if out.strip() else ("0", "0")
    return result, int(edits), float(took)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (more than 1: gunicorn's gthread workers, with keep-alive)")
    parser.add_argument("--warm-up", type=int, default=10, help="seconds of other searches before measuring (default: 10)")
    parser.add_argument("--edit-every", type=float, default=2.0, help="seconds between two edits saved while searching (default: 2)")
    parser.add_argument("--database-url", help="a PostgreSQL database to use (emptied!); default: SQLite in a temporary folder")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="widmonitor-portal-bench-"))
    database = "PostgreSQL" if args.database_url else "SQLite"
    words = vocabulary()
    words_file = home / "words.json"
    words_file.write_text(json.dumps(words), encoding="utf-8")
    print(f"vocabulary: {sum(len(found) for found in words.values())} distinct words of the registry's nl, fr and en texts", flush=True)
    try:
        for size in args.sizes:
            fill(home, args.database_url, size, words_file)
            subprocess.run([sys.executable, "-c", APPLY.format()], env=environment(home, args.database_url), check=True)
            server, port = serve(home, args.database_url, args.workers, args.threads)
            try:
                urls = search_urls(random.Random(size), 200_000, words)
                # warm up, as a server that has run for a while: every worker reads the index and keeps the result
                # cards of earlier searches (other URLs than those measured)
                drive(port, ["/healthz", "/en/initiatives/?q=digitale"], args.clients, 5)
                drive(port, urls[100_000:], args.clients, args.warm_up)
                print(f"{database}, {size} synthetic initiatives, {args.clients} clients, {args.workers} gunicorn workers × {args.threads} threads, {args.seconds} s each:")
                trivial, _p95, _errors = report("trivial view", *drive(port, ["/healthz"], args.clients, args.seconds), args.seconds)
                alone, p95_alone, errors_alone = report("searches alone", *drive(port, urls[:100_000:2], args.clients, args.seconds), args.seconds)
                (latencies, errors), edits, took = with_edits(home, args.database_url, args.edit_every, lambda: drive(port, urls[1:100_000:2], args.clients, args.seconds))
                edited, p95_edited, errors_edited = report(f"searches, an edit every {args.edit_every:g} s", latencies, errors, args.seconds)
                print(f"  ({edits} edits saved meanwhile, {took * 1000:.0f} ms each on average)")
                repeated, _p95, _errors = report("repeated search", *drive(port, ["/en/initiatives/?q=women&audience=women"], args.clients, args.seconds), args.seconds)
                print(f"  ratios to the trivial view: searches {alone / trivial:.1%}, with edits {edited / trivial:.1%}, repeated search {repeated / trivial:.1%}")
                target = 100 if size <= 10_000 else 200
                met = p95_edited <= target and edited >= 0.7 * alone and not errors_alone + errors_edited
                print(f"  target p95 <= {target} ms with edits, throughput with edits >= 70 % of without ({edited / alone:.0%}), no errors: {'met' if met else 'NOT met'}")
            finally:
                server.terminate()
                server.wait(timeout=30)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
