from django.test import Client
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.partners.models import SUBMISSIONS_PER_HOUR, Proposal

from .conftest import initiative_form

PAYLOAD = '<script>alert("x")</script><b onmouseover="alert(1)">'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b onmouseover=&quot;alert(1)&quot;&gt;"


def test_a_post_without_the_csrf_token_is_refused(people, organisations):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["partner of X"])

    response = client.post(reverse("partners:submit"), initiative_form(organisations[0]))

    assert response.status_code == 403
    assert not Initiative.objects.filter(title__en="A new club").exists()


def test_a_moderation_action_without_the_csrf_token_is_refused(records, people):
    proposal = Proposal.objects.create(initiative=records[0], author=people["partner of X"], data={"url": "https://a.example"}, seen_version=1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["moderator"])

    response = client.post(reverse("admin:partners_proposal_changelist"), {"action": "accept", "_selected_action": [proposal.pk]})

    assert response.status_code == 403
    assert Proposal.objects.get().status == "pending"


def test_script_in_every_text_field_comes_back_escaped_on_the_partner_pages_and_the_queue(
    records, people, partner_x, moderator_client, organisations
):
    organisations[0].name = {"en": PAYLOAD}
    organisations[0].save()
    texts = {f"{field}_{code}": PAYLOAD for field in ("title", "summary") for code in ("nl", "fr", "en")}
    partner_x.post(reverse("partners:submit"), initiative_form(organisations[0], **texts))
    submitted = Initiative.objects.get(moderation="submitted")
    proposal = Proposal.objects.create(
        initiative=submitted, author=people["partner of X"], seen_version=1, status="rejected", message=PAYLOAD,
        data={"title": {"en": "Plain"}, "summary": {"nl": "Plain"}, "url": "https://a.example/?q=<script>"},
    )
    pages = {
        "partner home": partner_x.get(reverse("partners:overview")),
        "proposal form": partner_x.get(reverse("partners:propose", args=[submitted.uid])),
        "queue": moderator_client.get(reverse("admin:partners_proposal_changelist")),
        "proposal in the queue": moderator_client.get(reverse("admin:partners_proposal_change", args=[proposal.pk])),
    }

    for name, response in pages.items():
        page = response.content.decode()
        assert response.status_code == 200, name
        assert PAYLOAD not in page and "<script>" not in page, name
        assert ESCAPED in page, name


def test_submissions_beyond_the_hourly_limit_are_refused_with_a_clear_message(records, people, partner_x, organisations):
    for n in range(SUBMISSIONS_PER_HOUR):
        assert partner_x.post(reverse("partners:propose", args=["x-coding-club"]), initiative_form(organisations[0], title=f"X club {n}", seen_version=records[0].version)).status_code == 302

    response = partner_x.post(reverse("partners:submit"), initiative_form(organisations[0]))

    assert response.status_code == 429
    assert "You have sent 20 initiatives, proposals and outcomes in the last hour, the most we accept." in response.content.decode()
    assert not Initiative.objects.filter(title__en="A new club").exists()


def test_the_limit_counts_new_initiatives_and_proposals_together(records, partner_x, organisations):
    for n in range(SUBMISSIONS_PER_HOUR - 1):
        assert partner_x.post(reverse("partners:submit"), initiative_form(organisations[0], title=f"Club {n}")).status_code == 302

    response = partner_x.post(reverse("partners:propose", args=["x-coding-club"]), initiative_form(organisations[0], title="X coding club", seen_version=records[0].version))
    assert response.status_code == 302
    response = partner_x.post(reverse("partners:propose", args=["x-coding-club"]), initiative_form(organisations[0], title="X club", seen_version=records[0].version))

    assert response.status_code == 429
    assert Proposal.objects.count() == 1
