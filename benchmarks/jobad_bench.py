"""Time the job-ad checker on 10,000 SYNTHETIC ads of about 400 words, beside a plain regex pass.

The ads are synthetic (generated here from a few neutral sentences and the lists' own words),
never real vacancies. The plain pass is one precompiled case-insensitive regex of the English
stems over the same texts: what a minimal checker costs, without folding, language detection,
titles or markers. Target: at least 200 ads/s on a 2-core machine, one ad in under 50 ms.

    WIDMONITOR_HOME=/tmp/bench-home .venv/bin/python benchmarks/jobad_bench.py [--ads 10000]
"""

import argparse
import os
import random
import re
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "widmonitor.settings")

FILLER = {
    "en": "We are a team in Brussels and you will work with our clients on the data of the public sector . "
    "The work is varied and you have a laptop , training and a train pass .",
    "nl": "Wij zijn een team in Gent en je werkt met onze klanten aan de data van de overheid . "
    "Het werk is gevarieerd en je krijgt een laptop , opleiding en een treinabonnement .",
    "fr": "Nous sommes une équipe à Liège et vous travaillez avec nos clients sur les données du secteur public . "
    "Le travail est varié et vous avez un ordinateur , une formation et un abonnement de train .",
}
TITLES = {"en": "Data engineer (m/f/x)", "nl": "Verkoper", "fr": "Développeur"}


def synthetic_ads(count, words_per_ad=400, seed=7):
    """SYNTHETIC ads: filler sentences in one language with coded words of its list mixed in."""
    from widmonitor.jobads.wordlists import word_list

    rng = random.Random(seed)
    coded = {language: [entry.match.split("|")[0].strip("*") for entry in word_list(language).entries] for language in FILLER}
    ads = []
    for index in range(count):
        language = ("en", "nl", "fr")[index % 3]
        filler = FILLER[language].split()
        words = [TITLES[language], "\n"]
        while len(words) < words_per_ad:
            words.extend(filler[: rng.randint(5, len(filler))])
            words.append(rng.choice(coded[language]) + rng.choice(["", "s", "e"]))
        ads.append(" ".join(words))
    return ads


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=10_000)
    args = parser.parse_args()
    import django

    django.setup()
    from widmonitor.jobads.checker import check
    from widmonitor.jobads.wordlists import word_list

    ads = synthetic_ads(args.ads)
    for language in ("en", "nl", "fr"):
        word_list(language)  # compiled once, as in a running server
    words = sum(len(ad.split()) for ad in ads) / len(ads)
    print(f"{len(ads)} synthetic ads, {words:.0f} words each on average")

    plain = re.compile(r"\b(?:" + "|".join(e.match.strip("*").replace("-", "-?") for e in word_list("en").entries) + r")\w*", re.I)
    started = time.perf_counter()
    found = sum(len(plain.findall(ad)) for ad in ads)
    plain_seconds = time.perf_counter() - started
    print(f"plain regex pass: {len(ads) / plain_seconds:,.0f} ads/s ({found} matches)")

    durations = []
    started = time.perf_counter()
    for ad in ads:
        one = time.perf_counter()
        check(ad)
        durations.append(time.perf_counter() - one)
    seconds = time.perf_counter() - started
    durations.sort()
    print(f"checker (auto language): {len(ads) / seconds:,.0f} ads/s (target >= 200)")
    print(
        f"one ad: median {statistics.median(durations) * 1000:.2f} ms, "
        f"99th percentile {durations[int(len(durations) * 0.99)] * 1000:.2f} ms, max {durations[-1] * 1000:.2f} ms (target < 50 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    sys.exit(main())
