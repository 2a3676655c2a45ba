"""Moderators accepting outcomes of one initiative and year at the same moment get no server error:
the second is refused with a clear message, or (SQLite, which lets one writer in at a time) replaces the first.

The requests run in a process of their own (``accept_at_once.py``), each a thread with its own
connection, on a database of their own: a PostgreSQL database beside the suite's when the suite
runs on PostgreSQL, else a SQLite file (an in-memory database shares its tables' locks between
connections, which a real server never does).
"""

import json
import os
import re
import subprocess
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from django.db import connection

SCRIPT = Path(__file__).with_name("accept_at_once.py")
REQUESTS = 40
REFUSED = re.compile(
    r"Outcome #\d+ is not accepted: outcome #\d+ of the same initiative and year was accepted by moderator at the same "
    r"moment\. Look at both, then accept this one again if it should replace it\."
)


@contextmanager
def database_for_the_script():
    """``WIDMONITOR_DATABASE_URL`` of an empty database of the suite's kind, dropped afterwards (None: SQLite in the home)."""
    if connection.vendor != "postgresql":
        yield None
        return
    db = connection.settings_dict
    name = f"{db['NAME']}_at_once"
    server = {"host": db["HOST"], "port": db["PORT"] or None, "user": db["USER"], "password": db["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def rounds(tmp_path_factory):
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "widmonitor.settings",
        "WIDMONITOR_HOME": str(tmp_path_factory.mktemp("home")),
        "WIDMONITOR_ALLOWED_HOSTS": "testserver",
        "WIDMONITOR_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    with database_for_the_script() as url:
        if url:
            environment["WIDMONITOR_DATABASE_URL"] = url
        finished = subprocess.run(
            [sys.executable, str(SCRIPT), str(REQUESTS)], env=environment, capture_output=True, text=True, timeout=600
        )
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


def messages(answers):
    return [" ".join(answer["messages"]) for answer in answers]


def test_no_acceptance_at_the_same_moment_is_a_server_error(rounds):
    errors = [answer for round in rounds.values() for answer in round["answers"] if answer["status"] != 302]

    assert errors == []


def test_one_outcome_accepted_at_once_by_many_is_accepted_once_and_the_others_told(rounds):
    same = rounds["same"]
    number = min(same["outcomes"], key=int)

    assert Counter(messages(same["answers"])) == {
        "1 outcome decided.": 1,
        f"Outcome #{number} was already accepted.": REQUESTS - 1,
    }
    assert same["outcomes"][number] == "accepted"
    assert Counter(same["outcomes"].values()) == {"accepted": 1, "pending": REQUESTS - 1}


def test_outcomes_of_one_year_accepted_at_once_leave_one_accepted_and_each_moderator_told_which(rounds):
    different = rounds["different"]
    said = messages(different["answers"])
    statuses = Counter(different["outcomes"].values())

    assert statuses["accepted"] == 1
    assert said.count("1 outcome decided.") == statuses["accepted"] + statuses["replaced"]
    assert [text for text in said if text != "1 outcome decided."] == [text for text in said if REFUSED.fullmatch(text)]
    assert len(said) - said.count("1 outcome decided.") == statuses["pending"]
