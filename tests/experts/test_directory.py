"""The public directory: search by topic, language and region, shareable, paginated; profile pages without e-mail."""

import pytest
from django.urls import reverse

from widmonitor.experts.models import ExpertProfile
from widmonitor.experts.views import PAGE_SIZE

from .conftest import make_expert


@pytest.fixture
def experts(topics):
    return {
        "ai-nl-flanders": make_expert("e1", name="Eva AI", topics=["artificial-intelligence"], languages=["nl", "en"], region="flanders"),
        "cyber-fr-wallonia": make_expert("e2", name="Fatima Cyber", topics=["cybersecurity"], languages=["fr"], region="wallonia"),
        "ai-fr-brussels": make_expert("e3", name="Greta Both", topics=["artificial-intelligence", "cybersecurity"], languages=["fr"], region="brussels"),
        "hidden": make_expert("e4", name="Hanna Hidden", topics=["artificial-intelligence"], consent=False),
    }


def names(response):
    return sorted(expert.name for expert in response.context["page"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["Eva AI", "Fatima Cyber", "Greta Both"]),
        ({"topic": "artificial-intelligence"}, ["Eva AI", "Greta Both"]),
        ({"language": "fr"}, ["Fatima Cyber", "Greta Both"]),
        ({"region": "wallonia"}, ["Fatima Cyber"]),
        ({"topic": "artificial-intelligence", "language": "fr", "region": "brussels"}, ["Greta Both"]),
        ({"topic": "design-ux"}, []),
    ],
)
def test_the_directory_finds_public_experts_by_topic_language_and_region(experts, anonymous, query, expected):
    response = anonymous.get(reverse("experts:directory"), query)

    assert response.status_code == 200
    assert names(response) == expected


def test_an_unknown_code_in_the_query_string_is_ignored_not_an_error(experts, anonymous):
    response = anonymous.get(reverse("experts:directory"), {"topic": "astrology"})

    assert response.status_code == 200
    assert names(response) == ["Eva AI", "Fatima Cyber", "Greta Both"]


def test_an_empty_result_offers_a_way_out(experts, anonymous):
    response = anonymous.get(reverse("experts:directory"), {"topic": "design-ux"})

    assert "No expert matches" in response.content.decode()
    assert f'href="{reverse("experts:directory")}"' in response.content.decode()


def test_the_directory_is_paginated_and_pages_keep_the_search(topics, anonymous):
    for number in range(PAGE_SIZE + 3):
        make_expert(f"p{number}", name=f"Synthetic {number:02d}", languages=["nl"])

    first = anonymous.get(reverse("experts:directory"), {"language": "nl"})
    second = anonymous.get(reverse("experts:directory"), {"language": "nl", "page": 2})

    assert len(first.context["page"]) == PAGE_SIZE and len(second.context["page"]) == 3
    assert "?language=nl&amp;page=2" in first.content.decode()


def test_the_profile_page_shows_no_e_mail_address(experts, anonymous):
    expert = experts["ai-nl-flanders"]

    page = anonymous.get(reverse("experts:profile", args=[expert.pk])).content.decode()

    assert "Eva AI" in page
    assert "e1@example.org" not in page and "mailto:" not in page


def test_the_bio_carries_its_language(topics, anonymous):
    expert = make_expert("iris", bio="Ik werk aan veilige netwerken.", bio_language="nl")

    page = anonymous.get(reverse("experts:profile", args=[expert.pk])).content.decode()

    assert '<div class="bio" lang="nl"><p>Ik werk aan veilige netwerken.</p></div>' in page


def test_an_unknown_or_hidden_profile_is_not_found(experts, anonymous):
    assert anonymous.get(reverse("experts:profile", args=[experts["hidden"].pk])).status_code == 404
    assert anonymous.get(reverse("experts:profile", args=[999999])).status_code == 404


def test_the_directory_is_in_the_portal_navigation(anonymous, experts):
    for language in ("nl", "fr", "en"):
        page = anonymous.get(f"/{language}/experts/").content.decode()
        assert f'<a href="/{language}/experts/" aria-current="page">' in page


def test_the_panel_check_suggests_only_experts_willing_to_speak_on_the_topics_and_language(topics, anonymous):
    make_expert("j1", name="Jo Speaks", topics=["cybersecurity"], languages=["fr"], willing_to_speak=True)
    make_expert("j2", name="Kim Quiet", topics=["cybersecurity"], languages=["fr"], willing_to_speak=False)
    make_expert("j3", name="Lea Dutch", topics=["cybersecurity"], languages=["nl"], willing_to_speak=True)
    make_expert("j4", name="Mia Design", topics=["design-ux"], languages=["fr"], willing_to_speak=True)

    response = anonymous.get(
        reverse("panels:check"), {"women": 0, "men": 3, "non_binary": 0, "not_stated": 0, "topics": ["cybersecurity"], "language": "fr"}
    )

    assert [expert.name for expert in response.context["suggestions"]] == ["Jo Speaks"]


def test_the_panel_check_shows_the_share_the_verdict_and_the_rule_with_its_source(topics, anonymous):
    response = anonymous.get(reverse("panels:check"), {"women": 1, "men": 2, "non_binary": 0, "not_stated": 0})
    page = response.content.decode()

    assert response.status_code == 200
    assert "33.3% (1 of 3 speakers)" in page
    assert "This panel meets the Inclusive Panels charter&#x27;s aim: women and men both speak." in page
    assert 'href="https://inclusivepanels.be/nl/charter-organisatie"' in page


def test_the_panel_check_refuses_negative_counts(topics, anonymous):
    response = anonymous.get(reverse("panels:check"), {"women": -1, "men": 2, "non_binary": 0, "not_stated": 0})

    assert response.status_code == 400
    assert response.context["assessment"] is None


def test_the_panel_check_without_input_shows_the_form_and_the_rule(topics, anonymous):
    response = anonymous.get(reverse("panels:check"))

    assert response.status_code == 200
    assert response.context["assessment"] is None
    assert "The rule applied" in response.content.decode()


def test_public_links_are_only_web_addresses(expert, expert_client):
    data = {"name": "Ann", "bio_language": "en", "links": "javascript:alert(1)"}

    response = expert_client.post(reverse("experts:me"), data)

    assert response.status_code == 400
    assert "is not a web address starting with https:// or http://" in response.content.decode()
    assert ExpertProfile.objects.get(pk=expert.pk).links == ""
