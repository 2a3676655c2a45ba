"""The partner's reach page, and what the portal shows: accepted outcomes only, shares computed, text escaped."""

import pytest
from django.urls import reverse

from widmonitor.partners.models import SUBMISSIONS_PER_HOUR
from widmonitor.reach.models import Outcome

from .conftest import outcome_form, outcome_of, reach_url

PAYLOAD = '<script>alert("x")</script><b onmouseover="alert(1)">'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b onmouseover=&quot;alert(1)&quot;&gt;"
PAGE = reverse("portal:initiative", args=["x-coding-club"])


def test_the_partner_overview_links_each_initiative_to_its_reach(records, partner_x):
    page = partner_x.get(reverse("partners:overview")).content.decode()

    assert f'href="{reach_url("x-coding-club")}"' in page


def test_a_partner_enters_an_outcome_with_its_ages_and_it_waits_for_a_moderator(records, people, partner_x):
    data = outcome_form(year=2024, participants=120, women=70, age_12_18_participants=80, age_12_18_women=50)

    response = partner_x.post(reach_url("x-coding-club"), data)

    assert response.status_code == 302
    outcome = Outcome.objects.get()
    assert (outcome.status, outcome.entered_by) == ("pending", people["partner of X"])
    assert (outcome.participants, outcome.women_and_girls) == (120, 70)
    assert [(a.band, a.participants, a.women_and_girls) for a in outcome.ages.all()] == [("12-18", 80, 50)]
    assert outcome.history.get().history_change_reason == "Entered by partner-x"
    page = partner_x.get(response.url).content.decode()
    assert "A moderator will check the figures before they are shown." in page
    assert "<td>58 %</td>" in page
    assert "<td>pending</td>" in page


def test_a_refused_outcome_answers_400_with_the_reason(records, partner_x):
    response = partner_x.post(reach_url("x-coding-club"), outcome_form(participants=10, women=12))

    assert response.status_code == 400
    assert "12 women and girls is more than the 10 participants." in response.content.decode()
    assert not Outcome.objects.exists()


def test_outcomes_beyond_the_hourly_limit_are_refused_with_a_clear_message(records, people, partner_x):
    for year in range(SUBMISSIONS_PER_HOUR):
        assert partner_x.post(reach_url("x-coding-club"), outcome_form(year=2000 + year)).status_code == 302

    response = partner_x.post(reach_url("x-coding-club"), outcome_form(participants=77, women=7))

    assert response.status_code == 429
    assert f"You have sent {SUBMISSIONS_PER_HOUR} initiatives, proposals and outcomes in the last hour" in response.content.decode()
    assert not Outcome.objects.filter(participants=77).exists()


def test_a_pending_or_rejected_outcome_is_not_public(records, client):
    outcome_of(records[0], year=2024, participants=4321, women=1234)
    outcome_of(records[0], year=2023, participants=5432, women=2345, status="rejected", reason="No.")

    page = client.get(PAGE).content.decode()

    assert "4321" not in page and "5432" not in page
    assert 'id="reach-title"' not in page


def test_accepted_outcomes_are_shown_by_year_with_computed_shares_and_their_source(records, people, client):
    partner = people["partner of X"]
    accepted = outcome_of(records[0], year=2024, participants=200, women=50, sessions=8, status="accepted", entered_by=partner)
    accepted.ages.create(band="12-18", participants=40, women_and_girls=30)
    outcome_of(records[0], year=2023, participants=0, women=0, status="accepted", source_kind="estimate")

    page = client.get(PAGE).content.decode()

    cells = "\n        ".join(["<td>200</td>", "<td>50</td>", "<td>25 %</td>", "<td>8</td>", "<td>own count</td>"])
    assert f'<th scope="row">2024</th>\n        {cells}' in page
    assert '<th scope="row">2024, aged 12 to 18</th>\n        <td>40</td>\n        <td>30</td>\n        <td>75 %</td>' in page
    assert '<td>0</td>\n        <td>0</td>\n        <td>–</td>' in page  # no share of nobody
    assert page.index(">2024<") < page.index(">2023<")
    assert "partner-x" not in page


@pytest.mark.parametrize("language, share", [("fr", "25 %"), ("nl", "25 %")])
def test_the_initiative_page_shows_the_reach_in_every_interface_language(records, client, language, share):
    outcome_of(records[0], year=2024, participants=200, women=50, status="accepted")

    response = client.get(f"/{language}/initiatives/x-coding-club/")

    assert response.status_code == 200
    assert f"<td>{share}</td>" in response.content.decode()


def test_the_source_note_comes_back_escaped_on_the_portal_the_partner_page_and_the_queue(records, people, partner_x, moderator_client):
    outcome_of(records[0], year=2024, status="accepted", source_kind="other", source_note=PAYLOAD)
    outcome_of(records[0], year=2023, source_kind="other", source_note=PAYLOAD, status="rejected", reason=PAYLOAD)
    pending = outcome_of(records[0], year=2022, source_kind="other", source_note=PAYLOAD)
    pages = {
        "initiative page": moderator_client.get(PAGE),
        "partner page": partner_x.get(reach_url("x-coding-club")),
        "outcome in the queue": moderator_client.get(reverse("admin:reach_outcome_change", args=[pending.pk])),
    }

    for name, response in pages.items():
        page = response.content.decode()
        assert response.status_code == 200, name
        assert PAYLOAD not in page and "<script>alert" not in page, name
        assert ESCAPED in page, name
