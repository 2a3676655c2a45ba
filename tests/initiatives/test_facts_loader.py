import pytest

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.facts_loader import load_facts
from widmonitor.initiatives.models import Fact, FactPage, FactSearch, Initiative
from widmonitor.initiatives.registry_loader import load_registry
from widmonitor.initiatives.writes import save_initiative
from widmonitor.problems import Problems

from . import registry_files
from .facts_files import OWN_SITE, fact, facts_file, initiative_facts, write

CLUB_ORG = {"slug": "club-vzw", "name": "Club vzw"}


@pytest.fixture
def records(tmp_path, strategy):
    """Two fictional initiatives as a report gives them: one bare, one with a cost and a region of its own."""
    data = registry_files.registry(
        organisations=[CLUB_ORG],
        initiatives=[
            registry_files.initiative("club"),
            registry_files.initiative("paid-course", cost="paid", regions=["wallonia"], starts="2020", ends="2021"),
        ],
    )
    load_registry([registry_files.write(tmp_path, data, "registry.yaml")])


def club_facts(**extra):
    return initiative_facts(
        "club",
        url=fact(OWN_SITE["url"], page="own", says=""),
        cost=fact("free", says="gratis leren programmeren"),
        regions=fact(["flanders", "brussels"]),
        ages=fact({"min": 7, "max": 18}, says="alle kinderen van 7 tot 18 jaar"),
        places=fact(["Asse", "Beersel"]),
        organisations=fact(["club-vzw"]),
        **extra,
    )


def test_facts_fill_the_empty_fields_of_a_record_each_with_its_page(tmp_path, records):
    summary = load_facts([write(tmp_path, facts_file([club_facts()]))])
    club = Initiative.objects.get(uid="club")
    assert (club.url, club.cost) == (OWN_SITE["url"], "free")
    assert sorted(club.regions.values_list("code", flat=True)) == ["brussels", "flanders"]
    assert list(club.organisations.values_list("slug", flat=True)) == ["club-vzw"]
    cost = Fact.objects.get(field="cost")
    assert (cost.value, cost.use, cost.says, cost.page.url, cost.page.date) == ("free", "filled", "gratis leren programmeren", "https://news.example.org/coding-club-restarts", "2021-09")
    assert Fact.objects.get(field="ages").value == {"min": 7, "max": 18}
    assert Fact.objects.get(field="ages").use == "shown"
    assert (summary.facts, summary.pages, summary.initiatives_searched) == (6, 2, 1)
    assert (summary.outcome.fields_filled, summary.outcome.initiatives_changed, summary.outcome.differences) == (4, 1, [])


def test_a_fact_never_overwrites_what_the_record_has_from_its_source_and_is_reported(tmp_path, records):
    data = facts_file([initiative_facts("paid-course", cost=fact("free"), regions=fact(["wallonia"]), url=fact(OWN_SITE["url"], page="own"))])
    summary = load_facts([write(tmp_path, data)])
    course = Initiative.objects.get(uid="paid-course")
    assert (course.cost, course.url) == ("paid", OWN_SITE["url"])
    assert list(course.regions.values_list("code", flat=True)) == ["wallonia"]
    assert dict(Fact.objects.values_list("field", "use")) == {"cost": "differs", "regions": "agrees", "url": "filled"}
    assert [str(d) for d in summary.outcome.differences] == [
        "paid-course: cost: the record has 'paid'; https://news.example.org/coding-club-restarts (facts.yaml) says 'free'"
    ]


def test_each_load_is_one_history_entry_with_its_reason_and_a_second_load_changes_nothing(tmp_path, records):
    path = write(tmp_path, facts_file([club_facts()]), "a.yaml")
    load_facts([path])
    again = load_facts([path])
    club = Initiative.objects.get(uid="club")
    assert [h.history_change_reason for h in club.history.all()] == ["Facts from public pages (a.yaml)", "Loaded from registry.yaml"]
    assert again.outcome.initiatives_changed == 0 and again.outcome.fields_filled == 4
    assert (club.url, club.cost, Fact.objects.count(), FactPage.objects.count()) == (OWN_SITE["url"], "free", 6, 2)


def test_a_fact_taken_out_of_the_files_takes_the_value_it_filled_but_not_a_person_s_edit(tmp_path, records):
    load_facts([write(tmp_path, facts_file([club_facts()]))])
    club = Initiative.objects.get(uid="club")
    club.cost = "paid"  # a moderator's correction after the load
    save_initiative(club, reason="checked with the organiser")
    load_facts([write(tmp_path, facts_file([initiative_facts("club", places=fact(["Asse"]))]))])
    club = Initiative.objects.get(uid="club")
    assert (club.url, club.cost, club.regions.count(), club.organisations.count()) == ("", "paid", 0, 0)


def test_pages_that_differ_fill_nothing(tmp_path, records):
    data = facts_file([initiative_facts("club", cost=[fact("free"), fact("paid", page="own")])])
    summary = load_facts([write(tmp_path, data)])
    assert Initiative.objects.get(uid="club").cost == "unknown"
    assert set(Fact.objects.values_list("use", flat=True)) == {"pages-differ"}
    assert len(summary.outcome.differences) == 2


def test_dates_that_would_end_a_period_before_it_starts_are_not_applied(tmp_path, records):
    data = facts_file([initiative_facts("club", starts=fact(2021), ends=fact("2019"))])
    load_facts([write(tmp_path, data)])
    club = Initiative.objects.get(uid="club")
    assert (club.starts, club.ends) == ("", "")
    assert set(Fact.objects.values_list("use", flat=True)) == {"differs"}


def test_a_search_without_a_page_is_recorded(tmp_path, records):
    data = facts_file([{"initiative": "club", "no_page_found": True, "searched_for": "club coding Asse"}])
    summary = load_facts([write(tmp_path, data)])
    search = FactSearch.objects.get()
    assert (search.initiative.uid, search.no_page_found, search.searched_for, str(search.searched)) == ("club", True, "club coding Asse", "2026-12-07")
    assert summary.no_page_found == 1


def test_an_organisation_gets_its_website_from_its_own_page_with_one_history_entry(tmp_path, records):
    data = facts_file([{"organisation": "club-vzw", "facts": {"website": fact(OWN_SITE["url"], page="own"), "kind": fact("non-profit")}}])
    load_facts([write(tmp_path, data)])
    club = Organisation.objects.get(slug="club-vzw")
    assert (club.website, club.kind) == (OWN_SITE["url"], "non-profit")
    assert club.history.first().history_change_reason == "Facts from public pages (facts.yaml)"


def test_it_collects_every_problem_with_file_record_and_field_and_changes_nothing(tmp_path, records):
    load_facts([write(tmp_path, facts_file([club_facts()]), "good.yaml")])
    pages = {
        "news": {**OWN_SITE, "url": "https://news.example.org/a", "kind": "news"},
        "no-host": {**OWN_SITE, "url": "https:///path"},
        "undated": {**OWN_SITE, "url": "https://x.example.org/", "date": "2021-13", "kind": "blog"},
    }
    records_ = [
        initiative_facts(
            "club",
            url=fact("https://news.example.org/a"),  # the news article's own address
            cost=fact("free", page="nowhere"),
            regions=fact(["mars"]),
            ages=fact({"min": 18, "max": 7}),
        ),
        initiative_facts("paid-course", url=fact("https://guessed.example.be/", says="no address printed here"), status={"value": "ongoing"}),
        initiative_facts("paid-course", website=fact("ftp://files.example.org/")),
        {"initiative": "nobody-knows", "facts": {"cost": fact("free")}},
        {"organisation": "club-vzw"},
    ]
    with pytest.raises(Problems) as caught:
        load_facts([write(tmp_path, facts_file(records_, pages=pages), "bad.yaml")])
    messages = [str(problem) for problem in caught.value.problems]
    assert messages == [
        "bad.yaml, pages.no-host: url 'https:///path': the address has no host",
        "bad.yaml, pages.undated: date '2021-13' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)",
        "bad.yaml, pages.undated: 'kind' is 'blog' (expected one of news, own-site, event-listing, public-body, other)",
        "bad.yaml, records[1] (club).facts.url: url 'https://news.example.org/a' is the address of the news page that states it: "
        "that page is a source, not the web address (expected an own-site page, or an address the page prints, shown in 'says')",
        "bad.yaml, records[1] (club).facts.cost: page 'nowhere' is not among the file's pages (expected a page id listed under 'pages')",
        "bad.yaml, records[1] (club).facts.regions: unknown region 'mars' in 'regions' (expected one of brussels, eu, federal, flanders, german-speaking, online, wallonia)",
        "bad.yaml, records[1] (club).facts.ages: ages is {'min': 18, 'max': 7} (expected {min: N, max: N}, either may be left out, "
        "whole years from 0 to 120, min not above max)",
        "bad.yaml, records[2] (paid-course).facts.url: url 'https://guessed.example.be/' is not the page's own address and 'says' "
        "does not show it (expected the address as the page prints it, in 'says')",
        "bad.yaml, records[2] (paid-course).facts.status: missing 'page': every fact needs the page that states it",
        "bad.yaml, records[3] (paid-course): 'paid-course' has two records in this file",
        "bad.yaml, records[3] (paid-course): 'website' is not one of the facts of this record (expected one of url, organisations, cost, "
        "ages, audiences, regions, places, languages, formats, status, starts, ends)",
        "bad.yaml, records[4]: unknown initiative 'nobody-knows' (expected a uid of data/registry/*.yaml)",
        "bad.yaml, records[5] (club-vzw): no facts (expected facts, or no_page_found: true when no page about it was found)",
    ]
    assert caught.value.problems[4].field == "cost"
    assert Fact.objects.count() == 6 and Initiative.objects.get(uid="club").cost == "free"
    assert set(FactPage.objects.values_list("source_file", flat=True)) == {"good.yaml"}


@pytest.mark.parametrize(
    "address, problem",
    [
        ("ftp://files.example.org/", "expected an address starting with https:// or http://"),
        ("www.example.org", "expected an address starting with https:// or http://"),
        ("https://", "the address has no host"),
        ("http://exa mple.org/", "not a valid web address"),
    ],
)
def test_an_address_must_be_http_or_https_with_a_host(tmp_path, records, address, problem):
    data = facts_file([initiative_facts("club", url=fact(address, says=address))])
    with pytest.raises(Problems) as caught:
        load_facts([write(tmp_path, data)])
    assert [str(p) for p in caught.value.problems] == [f"facts.yaml, records[1] (club).facts.url: url '{address}': {problem}"]


def test_a_more_precise_date_agrees_with_a_year_and_pages_that_agree_fill_the_most_precise(tmp_path, records):
    data = facts_file(
        [
            initiative_facts("paid-course", starts=fact("2020-09")),
            initiative_facts("club", starts=[fact("2017"), fact("2017-03", page="own")]),
        ]
    )
    load_facts([write(tmp_path, data)])
    assert Initiative.objects.get(uid="club").starts == "2017-03"
    assert Initiative.objects.get(uid="paid-course").starts == "2020"
    assert sorted(Fact.objects.values_list("use", flat=True)) == ["agrees", "filled", "filled"]


def test_load_initiatives_loads_the_registry_and_its_facts_all_or_nothing(tmp_path, strategy, settings):
    from django.core.management import CommandError, call_command

    (tmp_path / "registry" / "facts").mkdir(parents=True)
    registry_files.write(tmp_path / "registry", registry_files.registry(initiatives=[registry_files.initiative("club")]))
    facts = write(tmp_path / "registry" / "facts", facts_file([initiative_facts("club", cost=fact("free"))]))
    settings.DATA_DIR = tmp_path
    call_command("load_initiatives", verbosity=0)
    assert Initiative.objects.get(uid="club").cost == "free"
    Initiative.objects.all().delete()
    facts.write_text(facts.read_text().replace("free", "cheap"), encoding="utf-8")
    with pytest.raises(CommandError, match="cost 'cheap' \\(expected one of free, paid\\)"):
        call_command("load_initiatives", verbosity=0)
    assert not Initiative.objects.exists()
