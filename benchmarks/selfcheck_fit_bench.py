"""Time the self-check's "initiatives that fit" and its PDF, for SYNTHETIC results (never a person's).

Figures: the ranking of the published initiatives (``selfcheck.fitting.initiatives_that_fit``) for
1,000 synthetic results with varied choices, the initiatives' entries read from the cache as on a
running site; and the PDF of the result (WeasyPrint), one after another on this machine.

    WIDMONITOR_HOME=/tmp/bench-home .venv/bin/python benchmarks/selfcheck_fit_bench.py [--results 1000] [--pdfs 10]

It needs a set-up site (`widmonitor setup`): the bundled registry tags no DigComp area, so every
ranking also relaxes; the figures are for that registry's size.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "widmonitor.settings")


def figures(times):
    times = sorted(times)
    return f"median {statistics.median(times) * 1000:.1f} ms, 95th percentile {times[int(len(times) * 0.95) - 1] * 1000:.1f} ms, slowest {times[-1] * 1000:.1f} ms"


def main():
    import django

    django.setup()
    from django.utils import translation

    sys.path.insert(0, str(Path(__file__).parent))
    from selfcheck_bench import synthetic_sets  # the same synthetic answer sets
    from widmonitor.search.models import SearchEntry
    from widmonitor.selfcheck.answers import Answers
    from widmonitor.selfcheck.fitting import Wishes, choices, initiatives_that_fit
    from widmonitor.selfcheck.framework import framework
    from widmonitor.selfcheck.pdf import result_pdf
    from widmonitor.selfcheck.scoring import score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=int, default=1000)
    parser.add_argument("--pdfs", type=int, default=10)
    options = parser.parse_args()
    translation.activate("en")
    rng, offered = random.Random(7), choices()
    results = [score(Answers(framework(), given)) for given in synthetic_sets(options.results)]
    wishes = [
        Wishes(rng.choice(["", *(c for c, _l in offered["age"])]), rng.choice(["", *(c for c, _l in offered["region"])]), rng.choice(["", "nl", "fr", "en"]), "", rng.random() < 0.3)
        for _ in results
    ]
    initiatives_that_fit(results[0], wishes[0], "en")  # the entries, into the cache
    times = []
    for result, wish in zip(results, wishes):
        started = time.perf_counter()
        initiatives_that_fit(result, wish, "en")
        times.append(time.perf_counter() - started)
    print(f"initiatives that fit: {options.results} synthetic results over {SearchEntry.objects.count()} published initiatives, {figures(times)}")

    result_pdf(results[0], "en")  # WeasyPrint loads its fonts once
    times = []
    for result in results[: options.pdfs]:
        started = time.perf_counter()
        result_pdf(result, "en")
        times.append(time.perf_counter() - started)
    print(f"PDF of the result: {options.pdfs} PDFs, {figures(times)}")


if __name__ == "__main__":
    main()
