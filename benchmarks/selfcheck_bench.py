"""Time the self-check's result: 1,000 SYNTHETIC answer sets scored, and result pages rendered.

The answer sets are synthetic (random "yes" runs per competence, seed 7), never a person's. Two
figures: the pure computation (walk + scoring of complete answers), and the whole result page
through Django's test client (the view, the finder's ranking over the bundled registry, the
template), one after another on this machine. Target (issue 19): a result in under 50 ms.

    WIDMONITOR_HOME=/tmp/bench-home .venv/bin/python benchmarks/selfcheck_bench.py [--sets 1000] [--pages 50]

It needs a set-up site (`widmonitor setup`) for the page figure.
"""

import argparse
import os
import random
import statistics
import time

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


if __name__ == "__main__":
    main()
