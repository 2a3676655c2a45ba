"""The public pages: every language, only published records, escaped text, a marked fallback."""

import json
import re

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.strategy.models import Objective

LANGUAGES = ("nl", "fr", "en")
PAGES = [
    "/{lang}/",
    "/{lang}/initiatives/",
    "/{lang}/initiatives/?q=women&audience=women",
    "/{lang}/initiatives/girls-code/",
    "/{lang}/strategy/",
    "/{lang}/strategy/1/",
    "/{lang}/strategy/1.2/",
]


def test_the_bare_address_sends_a_visitor_to_her_language(anonymous):
    response = anonymous.get("/", HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9")
    assert (response.status_code, response["Location"]) == (302, "/fr/")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_speaks_the_language_of_its_address_and_has_landmarks(anonymous, fictional_registry, page, language):
    response = anonymous.get(page.format(lang=language))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html and "<nav aria-label=" in html
    with translation.override(language):
        assert gettext("Skip to content") in html


def test_the_language_switch_keeps_the_page_and_the_search(anonymous, fictional_registry):
    html = anonymous.get("/fr/initiatives/?q=formation&audience=women").content.decode()
    assert 'href="/nl/initiatives/?q=formation&amp;audience=women" hreflang="nl" lang="nl">Nederlands</a>' in html
    assert 'href="/en/initiatives/?q=formation&amp;audience=women" hreflang="en" lang="en">English</a>' in html


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_search_finds_the_same_initiative_in_every_language_of_the_site(anonymous, fictional_registry, language):
    html = anonymous.get(f"/{language}/initiatives/?q=programmeren").content.decode()
    assert 'href="/%s/initiatives/girls-code/"' % language in html


@pytest.mark.parametrize(("language", "question"), [("nl", "Bedoelde u:"), ("fr", "Vouliez-vous dire :"), ("en", "Did you mean:")])
def test_a_misspelt_search_offers_the_nearest_words_of_the_index(anonymous, fictional_registry, language, question):
    html = anonymous.get(f"/{language}/initiatives/?q=progammeren&audience=girls").content.decode()
    assert f'<p class="suggestion">{question} <a href="?q=programmeren&amp;audience=girls">programmeren</a></p>' in html
    assert 'href="/%s/initiatives/girls-code/"' % language in html


def test_a_text_without_translation_shows_its_original_marked_and_in_its_language(anonymous, fictional_registry):
    html = anonymous.get("/fr/initiatives/mentoring-network/").content.decode()
    with translation.override("fr"):
        note = gettext("in %(language)s, the original; no translation yet") % {"language": "anglais"}
    assert f'<span lang="en">Mentoring network for women in tech</span> <small class="fallback">({escape(note)})</small>' in html


def test_unpublished_initiatives_are_not_public(anonymous, fictional_registry):
    assert anonymous.get("/en/initiatives/secret-draft/").status_code == 404
    assert "secret" not in anonymous.get("/en/initiatives/").content.decode().lower()


def test_an_initiative_page_describes_itself_in_json_ld(anonymous, fictional_registry):
    html = anonymous.get("/en/initiatives/teachers-ai/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert (data["@type"], data["name"]) == ("CreativeWork", "Teaching material on artificial intelligence for teachers")
    assert {a["audienceType"] for a in data["audience"]} == {"teachers", "schools"}


def test_user_text_is_escaped_on_pages_and_in_structured_data(anonymous, strategy):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    organisation = Organisation.objects.create(slug="evil", name={"nl": payload})
    initiative = save_initiative(
        Initiative(uid="evil", title={"nl": payload}, summary={"nl": payload}, moderation="published", cost="free"),
        {"organisations": [organisation], "objectives": list(Objective.objects.current().filter(code="1.3"))},
    )
    pages = (f"/nl/initiatives/{initiative.uid}/", "/nl/initiatives/?q=alert", "/nl/organisations/evil/", "/nl/strategy/1.3/", "/nl/finder/?free=1")
    for url in pages:
        html = anonymous.get(url).content.decode()
        assert payload not in html and "<script>alert" not in html, url
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html, url
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', anonymous.get("/nl/initiatives/evil/").content.decode(), re.S)
    assert "<" not in block.group(1) and json.loads(block.group(1))["name"] == payload


def test_objective_pages_count_their_published_initiatives(anonymous, fictional_registry):
    html = anonymous.get("/en/strategy/1/").content.decode()
    assert "2 published initiatives" in html
    assert "girls-code" in html and "teachers-ai" in html and "secret-draft" not in html
    assert anonymous.get("/en/strategy/9.9/").status_code == 404


def test_an_organisation_page_lists_its_published_initiatives(anonymous, fictional_registry):
    organisation = Organisation.objects.create(slug="ella", name={"nl": "ella vzw"})
    for initiative in Initiative.objects.filter(uid__in=["girls-code", "secret-draft"]):
        save_initiative(initiative, {"organisations": [organisation]})
    html = anonymous.get("/en/organisations/ella/").content.decode()
    assert "1 published initiative" in html and "/en/initiatives/girls-code/" in html and "secret-draft" not in html


def test_an_empty_search_offers_a_way_out(anonymous, fictional_registry):
    html = anonymous.get("/en/initiatives/?q=zzzz&audience=women").content.decode()
    assert "No initiative matches" in html
    assert 'href="?q=zzzz">Keep the words, remove every filter</a>' in html


def test_search_results_are_paginated_with_links_that_keep_the_search(anonymous, strategy):
    from widmonitor.initiatives.writes import save_initiatives

    save_initiatives([(Initiative(uid=f"synthetic-{n:02d}", title={"en": f"Synthetic club {n:02d}"}, original_language="en", moderation="published"), {}) for n in range(45)])
    html = anonymous.get("/en/initiatives/?q=club&page=2").content.decode()
    assert "45 initiatives, 21–40 shown" in html
    assert 'href="?q=club&amp;page=3" rel="next"' in html and 'href="?q=club" rel="prev"' in html


def test_a_missing_page_says_so_in_the_site_frame_and_the_visitor_s_language(anonymous, fictional_registry):
    response = anonymous.get("/fr/initiatives/secret-draft/")
    html = response.content.decode()
    with translation.override("fr"):
        title = gettext("Page not found")
    assert response.status_code == 404
    assert '<html lang="fr">' in html and f"<h1>{title}</h1>" in html and "secret" not in html.split("<main", 1)[1]


@pytest.mark.parametrize(("language", "events", "mentoring"), [("nl", "Evenementen", "Mentoringprogramma’s"), ("fr", "Événements", "Programmes de mentorat"),
                                                               ("en", "Events", "Mentoring programmes")])  # fmt: skip
def test_the_home_page_leads_to_the_calendar_the_mentoring_programmes_and_the_self_check(anonymous, fictional_registry, language, events, mentoring):
    html = anonymous.get(f"/{language}/").content.decode()

    for path, title in ((f"/{language}/events/", events), (f"/{language}/mentoring/", mentoring), (f"/{language}/self-check/", "")):
        assert re.search(rf'<a href="{path}"><strong>{re.escape(title)}', html), path
        assert anonymous.get(path).status_code == 200
