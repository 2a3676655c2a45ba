"""Requests at the same moment against a 3-worker gunicorn server: no server error, one acceptance, limits exact.

Starts ``widmonitor serve --workers 3`` on a scratch ``WIDMONITOR_HOME`` (SQLite there; or the
empty PostgreSQL database that ``WIDMONITOR_DATABASE_URL`` or ``--database-url`` names, which it
migrates and fills), with made-up accounts and records ("bench" in their names), and fires, each
round's requests in threads released together, over real HTTP with logins and CSRF tokens:

- ``same``: COUNT moderators accept one pending outcome from the back office's queue;
- ``different``: COUNT moderators each accept another pending outcome of the same initiative and year;
- ``submissions``: COUNT new initiatives of one partner, whose limit is 20 an hour;
- ``job-ad checks``: COUNT checks from one address, whose limit is 30 a minute;
- ``password resets``: COUNT reset requests from one address, whose limit is 5 an hour.

Prints each round's statuses and what the database holds after it, then the checks: no answer
5xx and no traceback in the server's log, exactly one outcome accepted per round, exactly the
limit let through. Exits 1 if a check fails.

    python benchmarks/limits_at_once.py [--requests 40] [--workers 3] [--database-url postgres://...]
"""

import argparse
import html
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

PASSWORD = secrets.token_urlsafe(16)
MESSAGE = re.compile(r'<ul class="messagelist">(.*?)</ul>', re.S)


class KeepRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer to count, not to follow


class Browser:
    """One visitor: her cookies (session, CSRF), plain HTTP to the server."""

    def __init__(self, port, cookies=()):
        self.port, self.jar = port, CookieJar()
        for cookie in cookies:
            self.jar.set_cookie(cookie)
        self.opener = build_opener(HTTPCookieProcessor(self.jar), KeepRedirects)

    def open(self, path, data=None, json_body=None):
        """``(status, body, Location)``."""
        headers, body = {}, None
        if data is not None:
            body, headers["Content-Type"] = urlencode(data, doseq=True).encode(), "application/x-www-form-urlencoded"
        if json_body is not None:
            body, headers["Content-Type"] = json.dumps(json_body).encode(), "application/json"
        request = Request(f"http://127.0.0.1:{self.port}{path}", data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.read().decode(), response.headers.get("Location")
        except HTTPError as answer:
            return answer.code, answer.read().decode(errors="replace"), answer.headers.get("Location")

    def form_token(self, path):
        status, page, _location = self.open(path)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if not found:
            raise SystemExit(f"no form at {path} ({status})")
        return found.group(1)

    def log_in(self, path, username):
        token = self.form_token(path)
        status, _page, _location = self.open(path, {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD})
        if status != 302:
            raise SystemExit(f"could not log in as {username} at {path} ({status})")
        return self

    def messages(self, location):
        """The messages of the page a redirect leads to (the admin's and the partner pages' message list)."""
        if not location:
            return []
        _status, page, _location = self.open(location)
        found = MESSAGE.search(page)
        return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in re.findall(r"<li[^>]*>(.*?)</li>", found.group(1), re.S)] if found else []


def at_once(count, prepare, fire):
    """``prepare(n)`` for each request (its form token...), then every ``fire(n, prepared)`` released together."""
    prepared = [prepare(n) for n in range(count)]
    start, answers = threading.Barrier(count), [None] * count

    def request(n):
        start.wait()
        try:
            answers[n] = fire(n, prepared[n])
        except OSError as error:  # a connection refused or reset: counted as a server error
            answers[n] = {"status": 599, "messages": [f"{type(error).__name__}: {error}"]}

    threads = [threading.Thread(target=request, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def environment(home, database_url):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="widmonitor.settings",
        WIDMONITOR_HOME=str(home),
        WIDMONITOR_ALLOWED_HOSTS="127.0.0.1",
        WIDMONITOR_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        WIDMONITOR_CACHE_URL="locmem://",  # each worker's own: the limits must not depend on the cache
    )
    env.pop("WIDMONITOR_DATABASE_URL", None)
    if database_url:
        env["WIDMONITOR_DATABASE_URL"] = database_url
    return env


def prepared_database(count):
    """Migrate; a published initiative of a made-up organisation, a moderator, a partner of it, pending outcomes."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from widmonitor.actors.models import Organisation
    from widmonitor.initiatives.models import Initiative
    from widmonitor.initiatives.writes import save_initiative
    from widmonitor.partners.models import PartnerMembership
    from widmonitor.reach.models import Outcome

    call_command("migrate", verbosity=0)
    if Initiative.objects.exists():
        raise SystemExit("The database is not empty: give an empty one (this script fills it with made-up records).")
    call_command("collectstatic", interactive=False, verbosity=0)  # the pages name their CSS by its collected copy
    organisation = Organisation.objects.create(slug="bench-org", name={"en": "Bench organisation (made up)"}, original_language="en")
    initiative = save_initiative(
        Initiative(uid="bench-club", title={"en": "Bench club (made up)"}, original_language="en", starts="2020", moderation="published"),
        {"organisations": [organisation]},
        reason="Made up for benchmarks/limits_at_once.py",
    )
    users = get_user_model().objects
    moderator = users.create_user("moderator@bench.example", "moderator@bench.example", PASSWORD, is_staff=True)
    moderator.groups.add(Group.objects.get(name="moderators"))
    partner = users.create_user("partner@bench.example", "partner@bench.example", PASSWORD)
    partner.groups.add(Group.objects.get(name="partners"))
    PartnerMembership.objects.create(user=partner, organisation=organisation)
    users.create_user("reset@bench.example", "reset@bench.example", PASSWORD)

    def outcome(year, n):
        return Outcome.objects.create(initiative=initiative, year=year, participants=100 + n, women_and_girls=50, source_kind="own-count")

    return {"organisation": organisation.pk, "same": outcome(2022, 0).pk, "different": [outcome(2023, n).pk for n in range(count)]}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(env, workers, log):
    port = free_port()
    command = [sys.executable, "-m", "widmonitor.cli", "serve", "--workers", str(workers), f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    for _attempt in range(150):
        try:
            if Browser(port).open("/healthz")[0] == 200:
                return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start; see " + log.name)


def accept_round(port, moderator, targets):
    queue = "/admin/reach/outcome/"

    def prepare(n):
        browser = Browser(port, moderator.jar)
        return browser, browser.form_token(queue)

    def fire(n, prepared):
        browser, token = prepared
        data = {"csrfmiddlewaretoken": token, "action": "accept", "_selected_action": targets[n], "message": ""}
        status, _page, location = browser.open(queue, data)
        return {"status": status, "messages": browser.messages(location)}

    return at_once(len(targets), prepare, fire)


def submission_round(port, partner, organisation, count):
    form = "/en/partner/initiatives/new/"

    def prepare(n):
        browser = Browser(port, partner.jar)
        return browser, browser.form_token(form)

    def fire(n, prepared):
        browser, token = prepared
        data = {
            "csrfmiddlewaretoken": token, "title_en": f"Bench submission {n:02d} (made up)", "summary_en": "Made up.",
            "original_language": "en", "organisations": organisation, "starts": "2025", "url": "https://bench.example/",
        }
        status, _page, _location = browser.open(form, data)
        return {"status": status}

    return at_once(count, prepare, fire)


def job_ad_round(port, count):
    text = {"text": "Engineer\nAn ambitious person.", "language": "en"}
    return at_once(count, lambda n: Browser(port), lambda n, browser: {"status": browser.open("/api/job-ads/check", json_body=text)[0]})


def reset_round(port, count):
    form = "/en/partner/password-reset/"

    def prepare(n):
        browser = Browser(port)
        return browser, browser.form_token(form)

    def fire(n, prepared):
        browser, token = prepared
        return {"status": browser.open(form, {"csrfmiddlewaretoken": token, "email": "reset@bench.example"})[0]}

    return at_once(count, prepare, fire)


def statuses(answers):
    return dict(sorted(Counter(answer["status"] for answer in answers).items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40, help="requests fired at once in each round (default 40)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument("--database-url", default=os.environ.get("WIDMONITOR_DATABASE_URL"), help="an empty PostgreSQL database; default SQLite")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="widmonitor-limits-"))
    env = environment(home, args.database_url)
    os.environ.update(env)
    if not args.database_url:
        os.environ.pop("WIDMONITOR_DATABASE_URL", None)
    scene = prepared_database(args.requests)

    from django.db import connection

    from widmonitor.initiatives.models import Initiative
    from widmonitor.jobads.throttle import CHECKS_PER_MINUTE
    from widmonitor.partners.models import RESETS_PER_HOUR, SUBMISSIONS_PER_HOUR
    from widmonitor.reach.models import Outcome

    connection.close()
    database = "PostgreSQL" if args.database_url else "SQLite"
    with open(home / "server.log", "w") as log:
        server, port = serve(env, args.workers, log)
        try:
            moderator = Browser(port).log_in("/admin/login/", "moderator@bench.example")
            partner = Browser(port).log_in("/en/partner/login/", "partner@bench.example")
            rounds = {
                "same": accept_round(port, moderator, [scene["same"]] * args.requests),
                "different": accept_round(port, moderator, scene["different"]),
                "submissions": submission_round(port, partner, scene["organisation"], args.requests),
                "job-ad checks": job_ad_round(port, args.requests),
                "password resets": reset_round(port, args.requests),
            }
        finally:
            server.terminate()
            server.wait(timeout=30)
    tracebacks = (home / "server.log").read_text().count("Traceback")

    accepted = {
        "same": Outcome.objects.filter(pk=scene["same"], status="accepted").count(),
        "different": Outcome.objects.filter(year=2023, status="accepted").count(),
    }
    passed = {
        "submissions": Initiative.objects.filter(created_by__username="partner@bench.example").count(),
        "job-ad checks": statuses(rounds["job-ad checks"]).get(200, 0),
        "password resets": statuses(rounds["password resets"]).get(302, 0),
    }
    limits = {"submissions": SUBMISSIONS_PER_HOUR, "job-ad checks": CHECKS_PER_MINUTE, "password resets": RESETS_PER_HOUR}

    print(f"{database}, {args.workers} gunicorn workers, {args.requests} requests at once per round")
    for name, answers in rounds.items():
        print(f"  {name:<16} statuses {statuses(answers)}")
        for text, times in Counter(" ".join(answer.get("messages", [])) for answer in answers if answer.get("messages")).most_common(3):
            print(f"  {'':<16} {times} × {text[:150]}")
    for name in ("same", "different"):
        print(f"  {name:<16} outcomes accepted in the database: {accepted[name]}")
    for name, count in passed.items():
        print(f"  {name:<16} let through: {count} (limit {limits[name]})")
    server_errors = sum(1 for answers in rounds.values() for answer in answers if answer["status"] >= 500)
    print(f"  server errors: {server_errors} answers 5xx, {tracebacks} tracebacks in {home / 'server.log'}")

    checks = {
        "no server error": server_errors == 0 and tracebacks == 0,
        "one acceptance per round": accepted == {"same": 1, "different": 1},
        "every moderator answered (302)": all(answer["status"] == 302 for name in ("same", "different") for answer in rounds[name]),
        "limits exact": all(passed[name] == min(limits[name], args.requests) for name in passed),
        "the others refused with 429": all(
            statuses(rounds[name]).get(429, 0) == args.requests - min(limits[name], args.requests) for name in passed
        ),
    }
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
