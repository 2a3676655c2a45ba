"""The initiative and organisation pages show each public fact with a link to the page that states it."""

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.facts_loader import load_facts
from widmonitor.initiatives.registry_loader import load_registry

from ..initiatives import registry_files
from ..initiatives.facts_files import NEWS, OWN_SITE, fact, facts_file, initiative_facts, write

NEWS_LINK = f'<a href="{NEWS["url"]}" rel="noopener nofollow" hreflang="nl" title="Coding club restarts">'
OWN_LINK = f'<a href="{OWN_SITE["url"]}" rel="noopener nofollow" hreflang="nl" title="Coding club">Coding club vzw</a>'


@pytest.fixture
def facts(tmp_path, strategy):
    data = registry_files.registry(
        organisations=[{"slug": "club-vzw", "name": "Club vzw"}],
        initiatives=[
            registry_files.initiative("club"),
            registry_files.initiative("paid-course", cost="paid", starts="2020", ends="2021"),
            registry_files.initiative("nothing-found"),
            registry_files.initiative("never-searched"),
        ],
    )
    load_registry([registry_files.write(tmp_path, data)])
    records = [
        initiative_facts(
            "club",
            url=fact(OWN_SITE["url"], page="own"),
            cost=fact("free"),
            ages=fact({"min": 7, "max": 18}),
            places=fact(["Asse", "Beersel"]),
            status=fact("ongoing"),
            regions=[fact(["flanders"]), fact(["brussels"], page="own")],
        ),
        initiative_facts("paid-course", cost=fact("free"), regions=fact(["flanders"]), status=fact("ongoing")),
        {"initiative": "nothing-found", "no_page_found": True, "searched_for": "nothing found"},
        {"organisation": "club-vzw", "facts": {"website": fact(OWN_SITE["url"], page="own")}},
    ]
    load_facts([write(tmp_path, facts_file(records))])


def page(client, language, uid):
    response = client.get(f"/{language}/initiatives/{uid}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "language, free, source, age, september",
    [
        ("en", "free", "source:", "7 to 18 years", "September 2021"),
        ("nl", "gratis", "bron:", "7 tot 18 jaar", "september 2021"),
        ("fr", "gratuit", "source :", "de 7 à 18 ans", "septembre 2021"),
    ],
)
def test_each_fact_links_to_the_page_that_states_it_in_the_reader_s_language(anonymous, facts, language, free, source, age, september):
    html = page(anonymous, language, "club")
    assert f"{free} — {source} {NEWS_LINK}Example News, {september}</a>" in html
    assert f"{age} — {source} {NEWS_LINK}Example News, {september}</a>" in html
    assert f'<a href="{OWN_SITE["url"]}" rel="noopener nofollow">{OWN_SITE["url"]}</a> — {source} {OWN_LINK}' in html
    assert f"Asse, Beersel — {source} {NEWS_LINK}" in html


def test_the_status_a_page_states_is_shown_with_that_page_and_its_date(anonymous, facts):
    assert f"<dd>ongoing — source: {NEWS_LINK}Example News, September 2021</a></dd>" in page(anonymous, "en", "club")


def test_a_status_the_dates_contradict_is_shown_as_what_a_page_stated_then(anonymous, facts):
    html = page(anonymous, "en", "paid-course")
    assert f"<dt>Status</dt><dd>completed (a page states: ongoing — source: {NEWS_LINK}Example News, September 2021</a>)</dd>" in html


def test_a_page_that_states_part_of_a_list_is_named_with_what_it_states(anonymous, facts):
    html = page(anonymous, "en", "club")
    assert (
        f"<dt>Where</dt><dd>Brussels-Capital Region, Flanders (Flanders — source: {NEWS_LINK}Example News, September 2021</a>; "
        f"Brussels-Capital Region — source: {OWN_LINK})</dd>"
    ) in html


def test_a_searched_record_says_what_the_search_found_instead_of_unknown(anonymous, facts):
    with translation.override("fr"):
        nothing = gettext("no public page found (searched %(month)s)") % {"month": "décembre 2026"}
        not_stated = gettext("not stated on the public pages found (searched %(month)s)") % {"month": "décembre 2026"}
    assert nothing != "no public page found (searched %(month)s)" % {"month": "décembre 2026"}  # translated
    found_nothing = page(anonymous, "fr", "nothing-found")
    assert found_nothing.count(escape(nothing)) == 3  # status, cost, website
    assert escape(not_stated) in page(anonymous, "fr", "paid-course")
    never = page(anonymous, "en", "never-searched")
    assert "<dt>Cost</dt><dd>unknown</dd>" in never and "(searched" not in never and "<dt>Website</dt>" not in never


def test_a_fact_that_differs_from_the_record_is_shown_beside_its_value(anonymous, facts):
    html = page(anonymous, "en", "paid-course")
    assert f"<dt>Cost</dt><dd>paid (a page states: free — source: {NEWS_LINK}Example News, September 2021</a>)</dd>" in html
    assert f"<dt>Where</dt><dd>Flanders — source: {NEWS_LINK}" in html


def test_an_organisation_page_shows_its_website_with_the_page_that_states_it(anonymous, facts):
    html = anonymous.get("/nl/organisations/club-vzw/").content.decode()
    assert f'<a href="{OWN_SITE["url"]}" rel="noopener nofollow">{OWN_SITE["url"]}</a> — bron: {OWN_LINK}' in html


def test_the_api_and_the_downloads_carry_each_fact_with_its_page(anonymous, facts):
    answer = anonymous.get("/api/initiatives/club").json()["public_facts"]
    assert (answer["searched"], answer["page_found"]) == ("2026-12-07", True)
    cost = next(f for f in answer["facts"] if f["field"] == "cost")
    assert cost == {"field": "cost", "value": "free", "use": "filled", "says": "stated here", "page": {**{"date": ""}, **NEWS}}
    assert anonymous.get("/api/initiatives/never-searched").json()["public_facts"] == {"searched": None, "page_found": None, "facts": []}
    rows = {row["uid"]: row for row in anonymous.get("/en/initiatives/download.json").json()["initiatives"]}
    assert rows["club"]["facts_searched"] == "2026-12-07"
    assert f"cost: free ({NEWS['url']})" in rows["club"]["fact_sources"] and f"ages: 7-18 ({NEWS['url']})" in rows["club"]["fact_sources"]
    assert rows["paid-course"]["fact_sources"] == [f"regions: flanders ({NEWS['url']})", f"status: ongoing ({NEWS['url']})"]  # not the differing cost


def test_an_initiative_whose_sector_is_unknown_does_not_say_unknown_sector(facts, client):
    assert Initiative.objects.get(uid="club").sector == "unknown"
    for language, label in (("en", "Run by"), ("nl", "Gedragen door"), ("fr", "Porté par")):
        page = client.get(f"/{language}/initiatives/club/").content.decode()
        assert page.count("<dt>") > 3 and f"<dt>{label}</dt>" not in page
