"""Time the self-check's result: 1,000 SYNTHETIC answer sets scored, result pages rendered, 1,000 at once, and the statistics.

The answer sets are synthetic (random "yes" runs per competence, seed 7), never a person's. Two
figures: the pure computation (walk + scoring of complete answers), and the whole result page
through Django's test client (the view, the finder's ranking over the bundled registry, the
template), one after another on this machine. Target (issue 19): a result in under 50 ms.

    WIDMONITOR_HOME=/tmp/bench-home .venv/bin/python benchmarks/selfcheck_bench.py [--sets 1000] [--pages 50]

It needs a set-up site (`widmonitor setup`) for the page figure.

Two more figures (issue 19, items 4-5):

- **1,000 simultaneous results** (``--simultaneous 1000 --processes 2``): the result page
  requested 1,000 times at once from a pool of worker processes (as `widmonitor serve --workers 2`
  answers them), each worker with its own test client (the whole request: middleware, view,
  template, the site's SQLite database). Printed: the wall time, the throughput, and each
  request's own time (from its start on a worker, not counting its wait in the queue): best,
  median, 95th percentile, slowest. ``--threads 8`` also requests them from threads of this one
  process; there each request's time includes the other threads' work (one interpreter lock), so
  it measures contention rather than a result.
- **The statistics page over 100,000 stored self-checks** (``--stored 100000``): SYNTHETIC
  opt-in rows (random levels, age bands, genders and regions, seed 11) written inside a
  transaction that is rolled back at the end, so the site's database is left as it was; then
  the statistics computed, and the statistics page (its cache emptied before each request, then
  cached) and its CSV requested ``--rounds`` times. Target: the page under 200 ms.

The machine may be shared: each figure is given as best, median and spread over the rounds.
"""

import argparse
import os
import random
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "widmonitor.settings")


def synthetic_sets(count, seed=7):
    from widmonitor.selfcheck.framework import framework

    rng = random.Random(seed)
    sets = []
    for _ in range(count):
        given = {}
        for competence in framework().competences:
            reached = rng.randint(0, 3)
            for index in range(min(reached + 1, 3)):
                given[(competence.code, index)] = "yes" if index < reached else "not-yet"
        sets.append(given)
    return sets


def main():
    import django

    django.setup()
    from django.test import Client

    from widmonitor.selfcheck.answers import Answers, field_name
    from widmonitor.selfcheck.framework import LEVELS, framework
    from widmonitor.selfcheck.scoring import score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--simultaneous", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=0, help="also request them from this many threads of one process (0: not)")
    parser.add_argument("--processes", type=int, default=2, help="also request them from this many processes (0: not)")
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    options = parser.parse_args()
    sets = synthetic_sets(options.sets)

    started = time.perf_counter()
    for given in sets:
        answers = Answers(framework(), given)
        assert answers.complete
        score(answers).levels()
    elapsed = time.perf_counter() - started
    print(f"scoring: {options.sets} synthetic answer sets in {elapsed * 1000:.0f} ms ({elapsed / options.sets * 1000:.3f} ms each)")

    client, times = Client(), []
    for given in sets[: options.pages]:
        data = {field_name(code, LEVELS[index]): value for (code, index), value in given.items()}
        data.update(go="next", page=Answers(framework(), given).pages()[-1].key)  # the last page: next opens the result
        started = time.perf_counter()
        response = client.post("/en/self-check/", data, HTTP_HOST="127.0.0.1")
        times.append(time.perf_counter() - started)
        assert response.status_code == 200 and b"Your self-check result" in response.content, response.status_code
    times.sort()
    print(
        f"result page: {options.pages} renders, median {statistics.median(times) * 1000:.1f} ms, "
        f"95th percentile {times[int(len(times) * 0.95) - 1] * 1000:.1f} ms, slowest {times[-1] * 1000:.1f} ms"
    )
    if options.threads:
        simultaneous_results(synthetic_sets(options.simultaneous, seed=8), options.threads)
    if options.processes:
        simultaneous_in_processes(synthetic_sets(options.simultaneous, seed=8), options.processes)
    statistics_over_stored(options.stored, options.rounds)


def spread(times):
    """``best, median, 95th percentile, slowest`` of ``times`` (seconds) in ms, as a sentence."""
    times = sorted(times)
    return (
        f"best {times[0] * 1000:.1f} ms, median {statistics.median(times) * 1000:.1f} ms, "
        f"95th percentile {times[max(int(len(times) * 0.95) - 1, 0)] * 1000:.1f} ms, slowest {times[-1] * 1000:.1f} ms"
    )


def simultaneous_results(sets, threads):
    """Request the result page of every answer set at once from ``threads`` threads; print the wall time and each request's time."""
    import threading

    from django.test import Client

    local = threading.local()
    forms = result_forms(sets)

    def request(data):
        if not hasattr(local, "client"):
            local.client = Client()
        started = time.perf_counter()
        response = local.client.post("/en/self-check/", data, HTTP_HOST="127.0.0.1")
        took = time.perf_counter() - started
        assert response.status_code == 200 and b"Your self-check result" in response.content, response.status_code
        return took

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        times = list(pool.map(request, forms))
    wall = time.perf_counter() - started
    print(
        f"simultaneous results: {len(forms)} result pages requested at once on {threads} threads in {wall:.1f} s "
        f"({len(forms) / wall:.0f} a second); each request: {spread(times)}"
    )


def result_forms(sets):
    from widmonitor.selfcheck.answers import Answers, field_name
    from widmonitor.selfcheck.framework import LEVELS, framework

    forms = []
    for given in sets:
        data = {field_name(code, LEVELS[index]): value for (code, index), value in given.items()}
        data.update(go="next", page=Answers(framework(), given).pages()[-1].key)
        forms.append(data)
    return forms


_CLIENT = None


def _process_ready():
    import django

    django.setup()


def _timed_request(data):
    """One result page requested in a worker process, as a server's worker answers it: its own time."""
    global _CLIENT
    from django.test import Client

    _CLIENT = _CLIENT or Client()
    started = time.perf_counter()
    response = _CLIENT.post("/en/self-check/", data, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200 and b"Your self-check result" in response.content, response.status_code
    return time.perf_counter() - started


def simultaneous_in_processes(sets, processes):
    """The same requests at once from ``processes`` worker processes (like `widmonitor serve --workers N`)."""
    from concurrent.futures import ProcessPoolExecutor

    forms = result_forms(sets)
    with ProcessPoolExecutor(max_workers=processes, initializer=_process_ready) as pool:
        list(pool.map(_timed_request, forms[:processes]))  # each worker set up and warm before the clock starts
        started = time.perf_counter()
        times = list(pool.map(_timed_request, forms, chunksize=10))
        wall = time.perf_counter() - started
    print(
        f"simultaneous results: {len(forms)} result pages requested at once from {processes} processes in {wall:.1f} s "
        f"({len(forms) / wall:.0f} a second); each request: {spread(times)}"
    )


def synthetic_shared_checks(count, seed=11):
    """``count`` SYNTHETIC opt-in self-checks (random levels, age band, gender, region), unsaved."""
    from widmonitor.selfcheck.framework import framework
    from widmonitor.selfcheck.models import AGE_BANDS, Gender, Region, SharedCheck, area_sums, month_of

    rng = random.Random(seed)
    codes = [c.code for c in framework().competences]
    bands, genders, regions = [b.value for b in AGE_BANDS], [*Gender.values, ""], Region.values
    rows = []
    for _ in range(count):
        levels = {code: rng.randint(0, 3) for code in codes}
        sums = area_sums(levels)
        rows.append(SharedCheck(
            levels=levels, area_1=sums[0], area_2=sums[1], area_3=sums[2], area_4=sums[3], area_5=sums[4],
            age_band=rng.choice(bands), gender=rng.choice(genders), region=rng.choice(regions), month=month_of(),
        ))  # fmt: skip
    return rows


def statistics_over_stored(count, rounds):
    """Time the statistics page and its CSV over ``count`` synthetic stored self-checks, rolled back afterwards."""
    from django.core.cache import cache
    from django.db import transaction
    from django.test import Client

    from widmonitor.selfcheck.models import SharedCheck
    from widmonitor.selfcheck.statistics import computed

    client = Client()
    with transaction.atomic():
        started = time.perf_counter()
        SharedCheck.objects.bulk_create(synthetic_shared_checks(count), batch_size=5000)
        print(f"statistics: {SharedCheck.objects.count()} stored self-checks ({count} synthetic, written in {time.perf_counter() - started:.1f} s, rolled back at the end)")
        for name, run in (
            ("aggregate, computed (one query and the suppression)", lambda: computed(SharedCheck.objects.all())),
            ("statistics page, not cached", lambda: cache.clear() or client.get("/en/self-check/statistics/", HTTP_HOST="127.0.0.1")),
            ("statistics page, cached", lambda: client.get("/en/self-check/statistics/", HTTP_HOST="127.0.0.1")),
            ("statistics.csv", lambda: client.get("/en/self-check/statistics.csv", HTTP_HOST="127.0.0.1")),
        ):
            times = []
            for _ in range(rounds):
                started = time.perf_counter()
                result = run()
                times.append(time.perf_counter() - started)
                assert getattr(result, "status_code", 200) == 200
            print(f"  {name}, {rounds} rounds: {spread(times)}")
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
