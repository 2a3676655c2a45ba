"""An expert's own pages: edit her profile, download her data, log in through her invitation."""

import json

from django.core import mail
from django.test import Client
from django.urls import reverse

from widmonitor.experts.models import ExpertProfile
from widmonitor.vocabularies.models import Term

PROFILE = {
    "name": "Ann Expert",
    "title": "Security engineer",
    "organisation_name": "Synthetic Lab",
    "bio": "I test networks.",
    "bio_language": "en",
    "links": "https://example.org/ann\nhttps://example.org/talks",
    "willing_to_speak": "on",
}


def test_the_expert_edits_her_profile_and_the_history_says_so(expert, expert_client, topics):
    brussels = Term.objects.get(vocabulary="region", code="wallonia")
    data = {**PROFILE, "region": brussels.pk, "languages": [Term.objects.get(vocabulary="language", code="fr").pk]}

    response = expert_client.post(reverse("experts:me"), data)

    assert response.status_code == 302
    expert = ExpertProfile.objects.get(pk=expert.pk)
    assert (expert.title, expert.region.code, [t.code for t in expert.languages.all()]) == ("Security engineer", "wallonia", ["fr"])
    assert expert.link_list() == ["https://example.org/ann", "https://example.org/talks"]
    assert expert.history.first().history_change_reason == "Edited by the expert"


def test_the_download_holds_her_profile_consents_and_history(expert, expert_client):
    expert_client.post(reverse("experts:me"), {**PROFILE, "topics": [topic.pk for topic in expert.topics.all()]})

    response = expert_client.get(reverse("experts:download"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="widmonitor-expert-profile.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "ann@example.org"
    assert data["profile"]["title"] == "Security engineer"
    assert data["profile"]["topics"] == ["cybersecurity"]
    assert [c["wording_version"] for c in data["consents"]] == ["2026-1"]
    assert "erased 30 days later" in data["consents"][0]["wording"]
    assert data["history"][-1]["reason"] == "Edited by the expert"


def test_the_page_says_whether_the_profile_is_public_and_offers_to_withdraw(expert, expert_client):
    page = expert_client.get(reverse("experts:me")).content.decode()

    assert "Yes: you gave your consent on" in page
    assert f'action="{reverse("experts:withdraw")}"' in page


def test_after_withdrawing_the_page_gives_the_erasure_date(expert, expert_client):
    response = expert_client.post(reverse("experts:withdraw"), follow=True)
    page = response.content.decode()

    assert "Your consent is withdrawn: your profile is hidden now and will be erased on" in page
    assert "No: nobody but you sees your profile." in page


def test_the_invitation_link_lets_her_choose_a_password_and_log_in(people, topics):
    partner = Client()
    partner.force_login(people["partner"])
    partner.post(reverse("expert_invitations:invite"), {"email": "Nora@Example.org", "name": "Nora Invited", "language": "en"})

    link = next(line for line in mail.outbox[0].body.splitlines() if "/experts/me/password/" in line)
    path = link.split("8000", 1)[1]
    browser = Client()
    form_page = browser.get(path, follow=True)
    browser.post(form_page.redirect_chain[-1][0], {"new_password1": "a-long-pass-phrase-9", "new_password2": "a-long-pass-phrase-9"})
    logged_in = browser.post(reverse("experts:login"), {"username": "nora@example.org", "password": "a-long-pass-phrase-9"})

    assert mail.outbox[0].to == ["nora@example.org"]
    assert "Hello Nora Invited," in mail.outbox[0].body
    assert logged_in.status_code == 302 and logged_in["Location"] == reverse("experts:me")
    assert browser.get(reverse("experts:me")).status_code == 200


def test_the_expert_password_reset_mails_a_link_to_the_experts_page(expert, anonymous):
    anonymous.post(reverse("experts:password_reset"), {"email": "ann@example.org"})

    assert "/experts/me/password/" in mail.outbox[0].body
