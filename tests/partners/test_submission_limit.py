"""A partner's submissions (initiatives, proposals, outcomes) share one budget an hour, counted before anything is saved.

Requests at the same moment each take their place under the limit in one statement, before
they save: the 21st request of a burst finds 20 places taken even when none of the 20 has
saved yet (the real race against a 3-worker server: ``benchmarks/limits_at_once.py``).
"""

from django.test import RequestFactory
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.partners.limits import submission_refused
from widmonitor.partners.models import SUBMISSIONS_PER_HOUR, Proposal
from widmonitor.reach.models import Outcome

from .conftest import initiative_form


def test_a_submission_takes_its_place_under_the_limit_before_it_is_saved(records, people, partner_x, organisations):
    request = RequestFactory().post("/")
    request.user = people["partner of X"]
    places = [submission_refused(request) for _n in range(SUBMISSIONS_PER_HOUR)]  # 20 requests let in, none saved yet

    response = partner_x.post(reverse("partners:submit"), initiative_form(organisations[0]))

    assert places == [False] * SUBMISSIONS_PER_HOUR
    assert response.status_code == 429
    assert not Initiative.objects.filter(title__en="A new club").exists()


def test_outcomes_initiatives_and_proposals_share_one_budget(records, partner_x, organisations):
    for year in range(SUBMISSIONS_PER_HOUR - 1):
        outcome = {"year": 2000 + year, "participants": 10, "women_and_girls": 5, "source_kind": "own-count"}
        assert partner_x.post(reverse("reach:outcomes", args=["x-coding-club"]), outcome).status_code == 302
    assert partner_x.post(reverse("partners:submit"), initiative_form(organisations[0], title="Club 20")).status_code == 302

    x_version = records[0].version
    proposal = partner_x.post(reverse("partners:propose", args=["x-coding-club"]), initiative_form(organisations[0], title="X club", seen_version=x_version))
    submission = partner_x.post(reverse("partners:submit"), initiative_form(organisations[0], title="Club 22"))

    assert (proposal.status_code, submission.status_code) == (429, 429)
    assert "You have sent 20 initiatives, proposals and outcomes in the last hour" in submission.content.decode()
    assert (Outcome.objects.count(), Initiative.objects.filter(moderation="submitted").count(), Proposal.objects.count()) == (19, 1, 0)

