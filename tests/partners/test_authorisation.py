"""Every write of partners and moderation, tried as every role: exactly the right ones write, the others write nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import PartnerMembership, Proposal

from .conftest import client_of, initiative_form

ROLES = ["anonymous", "partner of X", "partner of Y", "moderator", "administrator"]


def submit_for_x(client, world):
    client.post(reverse("partners:submit"), initiative_form(world["org_x"], title="Tried"))
    return Initiative.objects.filter(title__en="Tried").exists()


def version_of(uid):
    """The version a proposal form opened now says it was opened on."""
    return Initiative.objects.get(uid=uid).version


def propose_for_x(client, world):
    data = initiative_form(world["org_x"], title="X coding club", url="https://tried.example", seen_version=version_of("x-coding-club"))
    client.post(reverse("partners:propose", args=["x-coding-club"]), data)
    return Proposal.objects.filter(data__url="https://tried.example").exists()


def propose_for_y(client, world):
    data = initiative_form(world["org_y"], title="Y draft", url="https://tried.example", seen_version=version_of("y-draft"))
    client.post(reverse("partners:propose", args=["y-draft"]), data)
    return Proposal.objects.filter(data__url="https://tried.example").exists()


def proposal_action(action, message=""):
    def attempt(client, world):
        url = reverse("admin:partners_proposal_changelist")
        client.post(url, {"action": action, "_selected_action": [world["proposal"].pk], "message": message})
        return Proposal.objects.get(pk=world["proposal"].pk).status != "pending"

    return attempt


def proposal_page_decision(decision, message=""):
    def attempt(client, world):
        client.post(reverse(f"admin:partners_proposal_{decision}", args=[world["proposal"].pk]), {"message": message})
        return Proposal.objects.get(pk=world["proposal"].pk).status != "pending"

    return attempt


def publish_submitted(client, world):
    url = reverse("admin:initiatives_initiative_changelist")
    client.post(url, {"action": "publish", "_selected_action": [world["submitted"].pk], "reason": ""})
    return Initiative.objects.get(pk=world["submitted"].pk).moderation == "published"


def invite(client, world):
    client.post(reverse("admin:partners_partnermembership_invite"), {"email": "new@example.org", "organisations": [world["org_x"].pk], "language": "en"})
    return get_user_model().objects.filter(username="new@example.org").exists()


def add_membership(client, world):
    data = {"user": world["people"]["partner of Y"].pk, "organisation": world["org_x"].pk}
    client.post(reverse("admin:partners_partnermembership_add"), data)
    return PartnerMembership.objects.filter(user=world["people"]["partner of Y"], organisation=world["org_x"]).exists()


WRITES = {
    "submit an initiative for X": (submit_for_x, {"partner of X"}),
    "propose an edit of X's record": (propose_for_x, {"partner of X"}),
    "propose an edit of Y's record": (propose_for_y, {"partner of Y"}),
    "accept a proposal": (proposal_action("accept"), {"moderator", "administrator"}),
    "reject a proposal": (proposal_action("reject", "No."), {"moderator", "administrator"}),
    "accept a proposal on its page": (proposal_page_decision("accept"), {"moderator", "administrator"}),
    "reject a proposal on its page": (proposal_page_decision("reject", "No."), {"moderator", "administrator"}),
    "publish a submitted initiative": (publish_submitted, {"moderator", "administrator"}),
    "invite a partner": (invite, {"moderator", "administrator"}),
    "add a membership": (add_membership, {"moderator", "administrator"}),
}


@pytest.fixture
def world(records, people, organisations):
    org_x, org_y = organisations
    x, _y = records
    proposal = Proposal.objects.create(initiative=x, author=people["partner of X"], data={"url": "https://p.example"}, seen_version=x.version)
    submitted = Initiative(uid="submitted-by-x", title={"en": "Submitted"}, original_language="en", moderation="submitted")
    save_initiative(submitted, {"organisations": [org_x]}, people["partner of X"], "Submitted by partner-x")
    return {"org_x": org_x, "org_y": org_y, "people": people, "proposal": proposal, "submitted": submitted}


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("role", ROLES)
def test_exactly_the_right_roles_may_write(write, role, world):
    attempt, allowed = WRITES[write]

    wrote = attempt(client_of(world["people"][role]), world)

    assert wrote == (role in allowed), f"{role} {'could' if wrote else 'could not'} {write}"


@pytest.mark.parametrize("role", ["partner of Y", "moderator", "administrator"])
def test_a_record_of_another_organisation_is_not_found_on_the_partner_pages(role, world):
    response = client_of(world["people"][role]).get(reverse("partners:propose", args=["x-coding-club"]))

    assert response.status_code == 404
