"""Accepting a proposal applies only the fields and languages it changes, onto the record as it is now.

A later save of one of those (by a moderator, or by another proposal accepted first) refuses it,
naming who changed what and when; a later save of anything else stays.
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import Proposal
from widmonitor.vocabularies.models import Term

from .conftest import initiative_form
from .diff_table import diff_rows

QUEUE = reverse("admin:partners_proposal_changelist")


@pytest.fixture
def club(records):
    """The record of X, titled in English and Dutch: version 2."""
    x = Initiative.objects.get(pk=records[0].pk)
    x.title = {"en": "X coding club", "nl": "X codeerclub"}
    return save_initiative(x, {}, None, "Dutch title")


def propose(club, people, **data):
    return Proposal.objects.create(initiative=club, author=people["partner of X"], data=data, seen_version=club.version)


def moderator_edits(club, people, reason="Corrected", relations=None, **fields):
    record = Initiative.objects.get(pk=club.pk)
    for name, value in fields.items():
        setattr(record, name, value)
    return save_initiative(record, relations or {}, people["moderator"], reason)


def accept_in_the_queue(client, *proposals):
    response = client.post(QUEUE, {"action": "accept", "_selected_action": [p.pk for p in proposals], "message": ""})
    return [str(message) for message in response.wsgi_request._messages]


def test_accepting_an_english_title_keeps_the_dutch_title_a_moderator_corrected_since(club, people, moderator_client):
    proposal = propose(club, people, title={"en": "X coding club for girls", "nl": "X codeerclub"})
    moderator_edits(club, people, title={"en": "X coding club", "nl": "X-codeerclub"})

    accept_in_the_queue(moderator_client, proposal)

    assert Initiative.objects.get(pk=club.pk).title == {"en": "X coding club for girls", "nl": "X-codeerclub"}
    assert Proposal.objects.get(pk=proposal.pk).status == "accepted"


def test_two_proposals_of_one_title_in_two_languages_accepted_together_both_stay(club, people, moderator_client):
    english = propose(club, people, title={"en": "X coding club for girls", "nl": "X codeerclub"})
    dutch = propose(club, people, title={"en": "X coding club", "nl": "X codeerclub voor meisjes"})

    accept_in_the_queue(moderator_client, english, dutch)

    assert Initiative.objects.get(pk=club.pk).title == {"en": "X coding club for girls", "nl": "X codeerclub voor meisjes"}
    assert set(Proposal.objects.values_list("status", flat=True)) == {"accepted"}


def test_the_second_of_two_proposals_of_one_field_accepted_together_is_refused_naming_the_first(
    club, people, moderator_client, mailoutbox
):
    first = propose(club, people, url="https://first.example.org")
    second = propose(club, people, url="https://second.example.org")

    shown = accept_in_the_queue(moderator_client, first, second)

    assert Initiative.objects.get(pk=club.pk).url == "https://first.example.org"
    assert Proposal.objects.get(pk=second.pk).status == "pending"
    refused = f"Proposal #{second.pk} is not applied, as its record changed since the partner made it: moderator changed web address on "
    assert [message for message in shown if message.startswith(refused)] != []
    assert f"(“Proposal #{first.pk} by partner-x accepted”). Reject it, or ask the partner" in " ".join(shown)
    assert "1 proposal decided." in shown
    assert [m.subject for m in mailoutbox] == [f"Your proposal #{first.pk} was accepted"]


def test_a_proposal_is_refused_naming_who_changed_its_language_and_when(club, people):
    proposal = propose(club, people, title={"en": "X coding club for girls", "nl": "X codeerclub"})
    edit = moderator_edits(club, people, "Typo", title={"en": "X Coding Club", "nl": "X codeerclub"})

    with pytest.raises(ValidationError) as refusal:
        proposal.accept(people["moderator"])

    when = re.escape(edit.history.first().history_date.astimezone().strftime("%Y-%m-%d %H:%M"))
    assert re.fullmatch(
        rf"Proposal #{proposal.pk} is not applied, as its record changed since the partner made it: moderator changed title \(en\) on {when} "
        r"\(“Typo”\)\. Reject it, or ask the partner to propose again on the record as it is now\.",
        refusal.value.messages[0],
    )
    assert Initiative.objects.get(pk=club.pk).title["en"] == "X Coding Club"
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"


def test_a_proposal_of_regions_is_refused_when_a_moderator_set_other_regions_since(club, people, vocabularies):
    first, second = Term.objects.filter(vocabulary="region")[:2]
    proposal = propose(club, people, regions=[first.pk])
    moderator_edits(club, people, relations={"regions": [second]})

    with pytest.raises(ValidationError, match=r"moderator changed regions on .*\(“Corrected”\)"):
        proposal.accept(people["moderator"])

    assert list(Initiative.objects.get(pk=club.pk).regions.all()) == [second]


def test_the_queue_shows_the_values_accepting_would_give_and_the_conflict(club, people, moderator_client):
    proposal = propose(club, people, title={"en": "X coding club for girls", "nl": "X codeerclub"}, url="https://x.example.org")
    moderator_edits(club, people, title={"en": "X coding club", "nl": "X-codeerclub"}, url="https://club.example.org")

    page = moderator_client.get(reverse("admin:partners_proposal_change", args=[proposal.pk])).content.decode()

    assert "Accepting is refused, as the record changed since the partner made this proposal: moderator changed web address on " in page
    assert diff_rows(page) == [  # the moderator's Dutch title stays: it is not part of the diff
        ("title (English)", "X coding club", "X coding club{+ for girls+}"),
        ("web address", "https://[-club-].example.org", "https://{+x+}.example.org"),
    ]


def test_a_proposal_sent_from_a_form_opened_before_a_moderators_edit_does_not_undo_it(club, people, partner_x, organisations):
    form = partner_x.get(reverse("partners:propose", args=[club.uid])).context["form"]
    moderator_edits(club, people, title={"en": "X coding club", "nl": "X-codeerclub"})
    data = initiative_form(organisations[0], title="X coding club for girls", title_nl="X codeerclub", summary_en="", starts="")

    partner_x.post(reverse("partners:propose", args=[club.uid]), {**data, "seen_version": form["seen_version"].value()})

    proposal = Proposal.objects.get()
    assert proposal.seen_version == club.version
    proposal.accept(people["moderator"])
    assert Initiative.objects.get(pk=club.pk).title == {"en": "X coding club for girls", "nl": "X-codeerclub"}
