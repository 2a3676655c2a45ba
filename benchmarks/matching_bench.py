"""Time the mentoring matcher on 2,000 SYNTHETIC mentees and 500 SYNTHETIC mentors (capacities 1–5).

Every candidate is synthetic, generated here from a fixed seed: no real person, profile or
statistic. The vocabularies are the platform's own: the expert topic codes of
data/experts/topics.yaml, the five DigComp 2.2 areas of data/selfcheck/digcomp22.yaml (as
"digcomp-1" … "digcomp-5"), Belgium's provinces and Brussels as ISO 3166-2 codes, and the
languages nl, fr, de and en. The language mix is a rough Belgian-like shape chosen for the test
(Dutch in the Flemish provinces, French in the Walloon ones, both in Brussels, German for a few
in Liège province, English as a frequent second language); the weights are illustrative, not
statistics. Goal and availability codes are placeholders.

Prints, for ``match`` (optimal), ``greedy`` (best pair first) and ``match(most_pairs_first=True)``:
the best time and the spread over the runs, the total score and the number of pairs; and checks
that the optimal total is at least greedy's.
Target: ``match`` in at most 5 s on this 2-core machine shared with other work.

    .venv/bin/python benchmarks/matching_bench.py [--runs 5] [--mentees 2000] [--mentors 500] [--seed 20]
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

import yaml

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "widmonitor.settings")

DATA = Path(__file__).resolve().parent.parent / "data"
FLEMISH = ["BE-VAN", "BE-VLI", "BE-VOV", "BE-VBR", "BE-VWV"]
WALLOON = ["BE-WBR", "BE-WHT", "BE-WLG", "BE-WLX", "BE-WNA"]
BRUSSELS = ["BE-BRU"]
GOALS = ["first-digital-job", "career-switch", "leadership", "start-a-business", "study-choice",
         "return-to-work", "technical-skills", "network"]  # placeholders
AVAILABILITY = ["weekday-daytime", "weekday-evening", "weekend"]  # placeholders


def vocabulary_topics():
    topics = yaml.safe_load((DATA / "experts" / "topics.yaml").read_text(encoding="utf-8"))["topics"]
    areas = yaml.safe_load((DATA / "selfcheck" / "digcomp22.yaml").read_text(encoding="utf-8"))["areas"]
    return [topic["code"] for topic in topics] + [f"digcomp-{area['code']}" for area in areas]


def synthetic_candidate(rng, key, topics, capacity):
    from widmonitor.mentoring.matching import Candidate

    region = rng.choices([FLEMISH, WALLOON, BRUSSELS], weights=[57, 32, 11])[0]
    province = rng.choice(region)
    if region is FLEMISH:
        languages = {"nl"} | ({"fr"} if rng.random() < 0.3 else set())
    elif region is WALLOON:
        languages = {"fr"} | ({"de"} if province == "BE-WLG" and rng.random() < 0.1 else set()) \
            | ({"nl"} if rng.random() < 0.15 else set())
    else:
        languages = rng.choice([{"fr"}, {"fr", "nl"}, {"nl"}, {"fr"}])
    if rng.random() < 0.5:
        languages.add("en")
    if rng.random() < 0.01:
        languages = {"de"}  # a few who would be matched with nobody
    online, on_site = rng.choice([(True, True), (True, False), (False, True), (True, True)])
    return Candidate(
        key=key,
        languages=frozenset(languages),
        topics=frozenset(rng.sample(topics, rng.randint(1, 4))),
        goals=frozenset(rng.sample(GOALS, rng.randint(1, 3))),
        region=province,
        municipality=f"{province}-{rng.randint(1, 20)}",
        online=online,
        on_site=on_site,
        availability=frozenset(rng.sample(AVAILABILITY, rng.randint(1, 3))),
        capacity=capacity,
    )


def synthetic_cycle(mentees, mentors, seed):
    rng = random.Random(seed)
    topics = vocabulary_topics()
    return (
        [synthetic_candidate(rng, f"mentee-{index}", topics, 0) for index in range(mentees)],
        [synthetic_candidate(rng, f"mentor-{index}", topics, rng.randint(1, 5)) for index in range(mentors)],
    )


def timed(function, runs):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return result, times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentees", type=int, default=2000)
    parser.add_argument("--mentors", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20)
    arguments = parser.parse_args()

    import django

    django.setup()
    from widmonitor.mentoring.matching import Weights, greedy, match, score

    mentees, mentors = synthetic_cycle(arguments.mentees, arguments.mentors, arguments.seed)
    slots = sum(mentor.capacity for mentor in mentors)
    print(f"{len(mentees)} synthetic mentees, {len(mentors)} synthetic mentors with {slots} places (seed {arguments.seed})")
    weights = Weights()
    rows = []
    for name, function in (("match (optimal)", lambda: match(mentees, mentors, weights)),
                           ("greedy (baseline)", lambda: greedy(mentees, mentors, weights)),
                           ("most pairs first", lambda: match(mentees, mentors, weights, most_pairs_first=True))):
        proposal, times = timed(function, arguments.runs)
        spread = f"{min(times):.2f}–{max(times):.2f} s" if len(times) > 1 else "one run"
        rows.append((name, proposal))
        print(f"{name:17} best {min(times):6.2f} s  (runs {spread}, median {statistics.median(times):.2f} s)  "
              f"total score {proposal.total_score:10.3f}  pairs {len(proposal.pairs)}  unmatched {len(proposal.unmatched)}")
    from widmonitor.mentoring.score_matrix import score_milli_matrix

    _, times = timed(lambda: score_milli_matrix(mentees, mentors, weights), arguments.runs)
    print(f"scoring all pairs alone (score_matrix, used by all three): best {min(times):.2f} s")
    sample = [(mentees[index % len(mentees)], mentors[(index * 7) % len(mentors)]) for index in range(20_000)]
    start = time.perf_counter()
    for mentee, mentor in sample:
        score(mentee, mentor, weights)
    per_pair = (time.perf_counter() - start) / len(sample)
    print(f"score() one pair at a time: {per_pair * 1e6:.1f} µs a pair, so {per_pair * len(mentees) * len(mentors):.1f} s "
          f"for the {len(mentees) * len(mentors):,} pairs that score_matrix computes at once")
    optimal, baseline = rows[0][1], rows[1][1]
    gain = optimal.total_score - baseline.total_score
    print(f"optimal − greedy: {gain:+.3f} points ({gain / baseline.total_score:+.2%})")
    if optimal.total_score < baseline.total_score:
        print("ERROR: the optimal total is below the greedy total", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
