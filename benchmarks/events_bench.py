"""The events calendar at Code Week's scale: p95 of a filtered month beside the trivial view, on SQLite or PostgreSQL.

Every event here is SYNTHETIC, made up for the benchmark ("Synthetic event 000042"): --size events
(default 100,000) of one synthetic initiative, starting at random times between 2026 and 2029
(Belgian time), 10 % online, the others in a random province; 1-2 audience terms, 1 language, free
or paid; 95 % published. The database is a fresh SQLite file in a temporary folder, or the
PostgreSQL database named by --database-url, which it empties (flush) and fills.

It then asks, in process through Django's test client (no network, no server: the view, its
queries and its template), --requests times each, in rounds of --rounds:

- the trivial view /healthz, the baseline;
- a filtered month: /en/events/?month=YYYY-MM with a random month of the data and a random
  filter (a province, a region, an audience, a language, a cost, or two of them);
- the same filters as an iCalendar feed, and as the map of counts;

and prints p50 / p95 of each round, and the best p95 and the spread (max - min) of the rounds,
since the machine is shared. With --explain it prints PostgreSQL's plan of a filtered month.

    python benchmarks/events_bench.py [--size 100000] [--database-url postgres://user@host:port/events_bench]

Target: p95 <= 100 ms for a filtered month on PostgreSQL at 100,000 events.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def setup_django(home, database_url):
    os.environ["WIDMONITOR_HOME"] = str(home)
    os.environ["DJANGO_SETTINGS_MODULE"] = "widmonitor.settings"
    os.environ["WIDMONITOR_ALLOWED_HOSTS"] = "testserver"
    os.environ.pop("WIDMONITOR_DATABASE_URL", None)
    if database_url:
        os.environ["WIDMONITOR_DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.conf import settings

    # static files by their plain names, as DEBUG and the tests serve them: nothing to collect first
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}


def fill(size, rng):
    import datetime
    from zoneinfo import ZoneInfo

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    from widmonitor.actors.models import Organisation
    from widmonitor.events.models import Event
    from widmonitor.events.places import REGION_OF, Province
    from widmonitor.initiatives.models import Initiative
    from widmonitor.initiatives.writes import save_initiative
    from widmonitor.vocabularies.loader import load_vocabularies
    from widmonitor.vocabularies.models import Term

    load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
    organisation = Organisation(slug="synthetic-organisation", name={"en": "Synthetic organisation"}, original_language="en")
    organisation.save()
    initiative = save_initiative(
        Initiative(uid="synthetic-initiative", title={"en": "Synthetic initiative"}, original_language="en", moderation="published"),
        {"organisations": [organisation]},
        reason="Synthetic benchmark data",
    )
    audiences = list(Term.objects.of("audience"))
    languages = list(Term.objects.of("language"))
    zone = ZoneInfo(settings.TIME_ZONE)
    first = datetime.datetime(2026, 1, 1, tzinfo=zone).timestamp()
    last = datetime.datetime(2029, 12, 31, tzinfo=zone).timestamp()
    start, batch = time.perf_counter(), 5000
    AudienceLink, LanguageLink = Event.audiences.through, Event.languages.through
    for offset in range(0, size, batch):
        events = []
        for n in range(offset, min(offset + batch, size)):
            starts = datetime.datetime.fromtimestamp(rng.uniform(first, last), tz=datetime.timezone.utc).replace(second=0, microsecond=0)
            online = rng.random() < 0.1
            province = "" if online else rng.choice(Province.values)
            paid = rng.random() < 0.3
            events.append(Event(
                initiative=initiative, uid=f"synthetic-event-{n:06d}", original_language="en",
                title={"en": f"Synthetic event {n:06d}"}, description={"en": "Made up for the benchmark."},
                starts_at=starts, ends_at=starts + datetime.timedelta(hours=rng.choice((2, 3, 6, 8, 30))),
                online=online, municipality="" if online else "Synthetic town", province=province, region=REGION_OF.get(province, ""),
                cost="paid" if paid else "free", price=15 if paid else None,
                moderation="published" if rng.random() < 0.95 else "submitted",
            ))
        Event.objects.bulk_create(events)
        saved = Event.objects.filter(uid__in=[e.uid for e in events]).values_list("pk", flat=True)
        AudienceLink.objects.bulk_create(
            AudienceLink(event_id=pk, term_id=term.pk) for pk in saved for term in rng.sample(audiences, rng.randint(1, 2))
        )
        LanguageLink.objects.bulk_create(LanguageLink(event_id=pk, term_id=rng.choice(languages).pk) for pk in saved)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics after a bulk load, as a deployment would have them
    print(f"filled {size} SYNTHETIC events in {time.perf_counter() - start:.0f} s ({connection.vendor})", flush=True)
    return audiences, languages


def filtered_month(rng, audiences, languages):
    from widmonitor.events.places import Province, Region

    month = f"{rng.randint(2026, 2029)}-{rng.randint(1, 12):02d}"
    choices = [
        lambda: f"province={rng.choice(Province.values)}",
        lambda: f"region={rng.choice(Region.values)}",
        lambda: f"audience={rng.choice([t.code for t in audiences if not t.code.startswith('age-')])}",
        lambda: f"age={rng.choice([t.code for t in audiences if t.code.startswith('age-')])}",
        lambda: f"language={rng.choice(languages).code}",
        lambda: f"cost={rng.choice(['free', 'paid'])}",
        lambda: "online=1",
    ]
    filters = [rng.choice(choices)() for _ in range(rng.randint(1, 2))]
    return f"month={month}&" + "&".join(filters)


def timed(client, url):
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return elapsed


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(name, make_url, client, requests, rounds):
    p95s = []
    for number in range(1, rounds + 1):
        times = [timed(client, make_url()) for _ in range(requests)]
        p95s.append(percentile(times, 95))
        print(f"  {name:<28} round {number}: p50 {statistics.median(times):6.1f} ms  p95 {p95s[-1]:6.1f} ms  ({requests} requests)", flush=True)
    print(f"  {name:<28} best p95 {min(p95s):6.1f} ms, spread of the rounds' p95 {max(p95s) - min(p95s):5.1f} ms", flush=True)
    return min(p95s)


def explain(rng, audiences, languages):
    from django.db import connection
    from django.http import QueryDict

    from widmonitor.events.calendar_query import CalendarQuery

    if connection.vendor != "postgresql":
        return
    query = CalendarQuery.from_params(QueryDict("month=2027-03&province=VBR"))
    print("  plan of month=2027-03&province=VBR:")
    print("    " + query.events()[:20].explain().replace("\n", "\n    "))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="synthetic events to make (default 100000)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL database to empty and fill (default: SQLite in a temporary folder)")
    parser.add_argument("--requests", type=int, default=200, help="requests per round (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per view (default 3)")
    parser.add_argument("--explain", action="store_true", help="print PostgreSQL's plan of a filtered month")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    with tempfile.TemporaryDirectory(prefix="events-bench-") as home:
        setup_django(Path(home), args.database_url)
        from django.test import Client

        rng = random.Random(42)
        audiences, languages = fill(args.size, rng)
        client = Client()
        if args.explain:
            explain(rng, audiences, languages)
        print(f"in-process requests, {args.size} events:", flush=True)
        for url in ("/healthz", f"/en/events/?{filtered_month(rng, audiences, languages)}"):  # warm up
            client.get(url)
        measure("trivial view /healthz", lambda: "/healthz", client, args.requests, args.rounds)
        best = measure("filtered month (calendar)", lambda: f"/en/events/?{filtered_month(rng, audiences, languages)}", client, args.requests, args.rounds)
        measure("filtered month (feed .ics)", lambda: f"/en/events/feed.ics?{filtered_month(rng, audiences, languages)}", client, args.requests, args.rounds)
        measure("filtered month (map)", lambda: f"/en/events/map/?{filtered_month(rng, audiences, languages)}", client, args.requests, args.rounds)
        print(f"target p95 <= 100 ms for a filtered month: best {best:.1f} ms -> {'met' if best <= 100 else 'NOT met'}")


if __name__ == "__main__":
    main()
