"""A confirmed pair: each accepts or declines with her signed link, a decline frees both, either ends it saying why, check-ins."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from widmonitor.mentoring import links, runs
from widmonitor.mentoring.models import Pair
from widmonitor.mentoring.reminders import send_checkins

from .conftest import applicant


@pytest.fixture
def pair(cycles, people):
    cycle = cycles[0]
    applicant(cycle, "mentee", "Mia"), applicant(cycle, "mentor", "Mona", language="nl")
    [pair] = runs.confirm(runs.run_matching(cycle, people["matcher of A"]), people["matcher of A"])
    return pair


def page_of(pair, role):
    return f"/en/mentoring/pair/{links.token('pair', pair=pair.pk, role=role)}/"


def test_the_pair_runs_once_both_accept(pair):
    Client().post(page_of(pair, "mentee"), {"action": "accept"})
    pair.refresh_from_db()
    assert (pair.status, pair.mentee_accepted_at is not None, pair.mentor_accepted_at) == ("proposed", True, None)
    Client().post(page_of(pair, "mentor"), {"action": "accept"})
    pair.refresh_from_db()
    assert pair.status == "active"
    assert "mia@example.org" in Client().get(page_of(pair, "mentor")).content.decode()  # once both accepted, she may write


def test_a_decline_frees_both_and_the_next_run_does_not_propose_them_again(pair, people):
    Client().post(page_of(pair, "mentor"), {"action": "decline"})
    pair.refresh_from_db()
    assert (pair.status, pair.closed_by) == ("declined", "mentor")
    mentees, mentors = runs.candidates(pair.cycle)
    assert ([m.key for m in mentees], [m.key for m in mentors]) == ([str(pair.mentee_id)], [str(pair.mentor_id)])
    rerun = runs.run_matching(pair.cycle, people["matcher of A"])
    assert rerun.pairs == [] and runs.sentences(rerun.unmatched[0]["reasons"]) == ["every mentor who speaks her language was excluded for her"]


def test_a_closed_pair_cannot_be_accepted_afterwards(pair):
    Client().post(page_of(pair, "mentee"), {"action": "decline"})
    response = Client().post(page_of(pair, "mentor"), {"action": "accept"}, follow=True)
    assert "This pair is declined: there is nothing left to answer." in response.content.decode()
    pair.refresh_from_db()
    assert pair.status == "declined" and pair.mentor_accepted_at is None


def test_either_ends_a_running_pair_saying_why(pair):
    pair.accept("mentee"), pair.accept("mentor")
    response = Client().post(page_of(pair, "mentor"), {"action": "end", "reason": ""})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    Client().post(page_of(pair, "mentor"), {"action": "end", "reason": "We reached her goal."})
    pair.refresh_from_db()
    assert (pair.status, pair.closed_by, pair.end_reason) == ("ended", "mentor", "We reached her goal.")


def test_a_link_altered_to_name_the_other_side_is_refused(pair):
    mine, theirs = links.token("pair", pair=pair.pk, role="mentee"), links.token("pair", pair=pair.pk, role="mentor")
    forged = theirs.split(":")[0] + ":" + mine.split(":", 1)[1]  # her signature on the other side's payload
    assert Client().post(f"/en/mentoring/pair/{forged}/", {"action": "accept"}).status_code == 404
    pair.refresh_from_db()
    assert pair.mentor_accepted_at is None
    assert Client().get(f"/en/mentoring/pair/{links.token('profile', pair=pair.pk, role='mentor')}/").status_code == 404


def test_running_pairs_are_reminded_to_check_in_each_interval_in_their_languages(pair):
    pair.accept("mentee"), pair.accept("mentor")
    mail.outbox.clear()
    today = timezone.localdate()
    assert send_checkins(today + timedelta(days=29)) == 0
    assert send_checkins(today + timedelta(days=30)) == 1
    assert sorted(m.subject for m in mail.outbox) == ["Het is tijd om bij Mia in te checken", "Il est temps de faire le point avec Mona"]
    assert send_checkins(today + timedelta(days=31)) == 0
