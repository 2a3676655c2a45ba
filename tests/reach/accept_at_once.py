"""Moderators accept outcomes of one initiative and year at the same moment, through the back office.

Run by ``test_concurrent_acceptance.py`` in a process of its own, on the database that
``WIDMONITOR_DATABASE_URL`` (or ``WIDMONITOR_HOME``) names, migrated here if need be:

    python tests/reach/accept_at_once.py COUNT

Two rounds: in ``same``, COUNT requests accept one pending outcome of 2022; in ``different``,
each accepts its own of COUNT pending outcomes of 2023. Each request (the test client: a
server error is the exception it raises) is a thread with its own database connection, all
released at once. Prints one JSON object per round: each request's status and messages, and
each outcome's status.
"""

import json
import sys
import threading

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402 (after setup)
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from widmonitor.initiatives.models import Initiative  # noqa: E402
from widmonitor.initiatives.writes import save_initiative  # noqa: E402
from widmonitor.reach.models import Outcome  # noqa: E402


def prepared():
    """A published initiative and a moderator."""
    call_command("migrate", verbosity=0)
    initiative = save_initiative(
        Initiative(uid="club", title={"en": "Club"}, original_language="en", starts="2020", moderation="published")
    )
    moderator = get_user_model().objects.create_user("moderator", is_staff=True)
    moderator.groups.add(Group.objects.get(name="moderators"))
    return initiative, moderator


def pending(initiative, year, count):
    return [
        Outcome.objects.create(initiative=initiative, year=year, participants=100 + n, women_and_girls=50, source_kind="own-count")
        for n in range(count)
    ]


def accept_at_once(moderator, targets):
    """POST the queue's accept action for each target outcome, all threads released together."""
    clients = []
    for _target in targets:
        client = Client()
        client.force_login(moderator)
        clients.append(client)
    start, answers = threading.Barrier(len(targets)), [None] * len(targets)

    def request(n):
        start.wait()
        data = {"action": "accept", "_selected_action": [targets[n].pk], "message": ""}
        try:
            response = clients[n].post(reverse("admin:reach_outcome_changelist"), data)
            answers[n] = {"status": response.status_code, "messages": [str(m) for m in response.wsgi_request._messages]}
        except Exception as error:  # what would be a server error: kept to be counted and shown
            answers[n] = {"status": 500, "messages": [f"{type(error).__name__}: {error}"]}
        finally:
            connection.close()

    threads = [threading.Thread(target=request, args=(n,)) for n in range(len(targets))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def outcome_statuses(year):
    return {outcome.pk: outcome.status for outcome in Outcome.objects.filter(year=year)}


def main(count):
    initiative, moderator = prepared()
    rounds = {}
    for name, year in (("same", 2022), ("different", 2023)):
        outcomes = pending(initiative, year, count)
        targets = [outcomes[0]] * count if name == "same" else outcomes
        rounds[name] = {"answers": accept_at_once(moderator, targets), "outcomes": outcome_statuses(year)}
    print(json.dumps(rounds))


if __name__ == "__main__":
    main(int(sys.argv[1]))
