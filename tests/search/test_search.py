"""The public search: the same results on SQLite and PostgreSQL (CI runs this table on both)."""

import pytest
from django.http import QueryDict

from widmonitor.search.facets import FACETS
from widmonitor.search.query import SearchQuery, search

QUERIES = [
    # (language, query string, expected uids in result order)
    ("nl", "q=programmeren", ["girls-code"]),
    ("nl", "q=Meisjes", ["girls-code"]),
    ("nl", "q=intelligentie", ["teachers-ai"]),
    ("nl", "q=leerkracht", ["teachers-ai"]),  # stemming: leerkrachten
    ("nl", "q=geheim", []),  # only in an unpublished draft
    ("fr", "q=d%C3%A9veloppeuses", ["women-developers"]),
    ("fr", "q=developpeuse", ["women-developers"]),  # accents folded, singular
    ("fr", "q=l%27intelligence", ["teachers-ai"]),  # elision
    ("fr", "q=mentoring", ["mentoring-network"]),  # no French text: found in its English original
    ("fr", "q=formation&region=wallonia", ["women-developers"]),
    ("fr", "q=formation&region=brussels", []),
    ("en", "q=developer", ["women-developers"]),
    ("en", "q=mentor", ["mentoring-network"]),
    ("en", "q=artificial+intelligence", ["teachers-ai"]),
    ("en", "q=intelligence+zzzz", ["teachers-ai"]),  # any of the words: the one found
    ("en", "q=secret", []),
    ("en", "audience=women", ["mentoring-network", "teachers-ai", "women-developers"]),  # by title; teachers-ai: 4.2 implies women
    ("en", "audience=girls", ["girls-code", "teachers-ai"]),  # stated; implied by objective 1 (1.2) and by 4.2
    ("en", "audience=employees", ["mentoring-network"]),  # implied by objective 3 (3.4), stated by no record
    ("en", "audience=women&region=wallonia", ["women-developers"]),
    ("en", "audience=women&audience=teachers", ["mentoring-network", "teachers-ai", "women-developers"]),
    ("en", "objective=1", ["girls-code", "teachers-ai"]),  # through sub-objectives 1.3 and 1.2
    ("en", "sub_objective=1.2", ["teachers-ai"]),
    ("en", "cost=free", ["girls-code", "teachers-ai"]),
    ("en", "status=ongoing&cost=free", ["teachers-ai"]),
    ("nl", "sort=title", ["teachers-ai", "girls-code", "mentoring-network", "women-developers"]),
    ("en", "audience=nobody-uses-this", []),
    # every content language, whatever the reader's
    ("fr", "q=programmeren", ["girls-code"]),
    ("en", "q=programmeren", ["girls-code"]),
    ("nl", "q=formation", ["women-developers"]),  # only in the French text
    ("nl", "q=coderen+voor+meisjes", ["girls-code"]),  # "voor" is a Dutch stop word, "coderen" is nowhere
    ("en", "q=coding+girls", ["girls-code"]),  # English stems: coding = code
    ("fr", "q=filles+code", ["girls-code"]),  # "filles" in the French title, "code" in the English one
    ("nl", "q=progammeren", ["girls-code"]),  # a typo: found as its nearest indexed word
    ("en", "q=developpers", ["women-developers"]),
    ("nl", "q=voor", ["teachers-ai", "women-developers"]),  # only stop words: they are searched
    ("en", "q=web+women", ["women-developers", "mentoring-network"]),  # every word first, then by title
]


@pytest.mark.parametrize(("language", "params", "expected"), QUERIES)
def test_a_search_finds_exactly_the_published_initiatives_that_match(fictional_registry, language, params, expected):
    results = search(SearchQuery.from_params(QueryDict(params)), language)
    assert [initiative.uid for initiative in results.initiatives] == expected
    assert results.total == len(expected)


SUGGESTIONS = [
    ("nl", "progammeren", "programmeren"),
    ("en", "coding+grils", "coding girls"),
    ("fr", "d%C3%A9velopeuses", "developpeuses"),
    ("en", "mentoring", ""),  # every word is indexed: nothing to suggest
    ("nl", "coderen+voor+meisjes", ""),  # no indexed word is within two edits of "coderen"
]


@pytest.mark.parametrize(("language", "text", "suggestion"), SUGGESTIONS)
def test_a_word_found_nowhere_is_answered_with_the_nearest_indexed_word(fictional_registry, language, text, suggestion):
    assert search(SearchQuery.from_params(QueryDict(f"q={text}")), language).suggestion == suggestion


def test_matches_in_the_reader_s_language_come_before_those_in_another(fictional_registry):
    from widmonitor.initiatives.models import Initiative
    from widmonitor.initiatives.writes import save_initiative

    club = Initiative(uid="ai-club", original_language="en", moderation="published", title={"en": "Artificial intelligence club"})
    save_initiative(club, {}, None, "Fictional test record")

    results = search(SearchQuery.from_params(QueryDict("q=intelligence")), "fr")

    assert [i.uid for i in results.initiatives] == ["teachers-ai", "ai-club"]  # by title, the club ("Artificial…") first


def counts(results, facet):
    group = next(group for group in results.facets if group.facet.name == facet)
    return {option.code: (option.count, option.selected) for option in group.options}


def test_facet_counts_apply_every_other_facet_s_choice(fictional_registry):
    results = search(SearchQuery.from_params(QueryDict("audience=women&region=wallonia")), "en")
    assert counts(results, "region") == {"wallonia": (1, True), "flanders": (1, False)}  # women anywhere
    assert counts(results, "audience") == {"women": (1, True), "job-seekers": (1, False)}  # in Wallonia
    assert counts(results, "cost") == {"paid": (1, False)}


def test_a_relevance_sort_puts_title_matches_first(fictional_registry):
    results = search(SearchQuery.from_params(QueryDict("q=women")), "en")
    assert [i.uid for i in results.initiatives] == ["mentoring-network", "women-developers"]
    assert results.query.effective_sort == "relevance"


def test_a_page_past_the_last_shows_the_last_and_malformed_parameters_are_ignored(fictional_registry):
    results = search(SearchQuery.from_params(QueryDict("page=99&sort=evil&colour=red")), "en")
    assert (results.page, results.pages, results.total, results.query.sort) == (1, 1, 4, "")


def test_a_search_is_a_shareable_query_string(fictional_registry):
    query = SearchQuery.from_params(QueryDict("audience=women&q=tech&audience=girls&page=2"))
    assert query.params() == "q=tech&audience=girls&audience=women"
    assert query.toggled("audience", "girls") == "q=tech&audience=women"
    assert query.toggled("region", "brussels") == "q=tech&audience=girls&audience=women&region=brussels"


@pytest.mark.parametrize(
    ("given", "facet", "code", "chosen"),
    [
        ("q=tech&sort=title&page=3", "audience", "women", {"audience": ("women",)}),
        ("audience=women&region=brussels&sort=newest", "audience", "women", {"region": ("brussels",)}),
        ("region=wallonia&audience=women", "objective", "1", {"objective": ("1",), "audience": ("women",), "region": ("wallonia",)}),
        ("cost=free&format=online&q=code+meisjes", "cost", "paid", {"cost": ("free", "paid"), "format": ("online",)}),
        ("language=fr", "language", "fr", {}),
    ],
)
def test_a_toggled_link_changes_only_that_option_and_keeps_the_words_and_sort_on_page_one(given, facet, code, chosen):
    query = SearchQuery.from_params(QueryDict(given))
    toggled = SearchQuery.from_params(QueryDict(query.toggled(facet, code)))

    assert toggled == SearchQuery(query.text, tuple((f.name, chosen[f.name]) for f in FACETS if f.name in chosen), query.sort, 1)
    assert toggled.params() == query.toggled(facet, code)  # one canonical address per search, for the cache


def test_publishing_and_unpublishing_updates_the_search(fictional_registry, django_user_model):
    from widmonitor.initiatives.models import Initiative

    moderator = django_user_model.objects.create_user("moderator")
    Initiative.objects.filter(uid="secret-draft").publish(moderator)
    assert [i.uid for i in search(SearchQuery(text="geheim"), "nl").initiatives] == ["secret-draft"]
    Initiative.objects.filter(uid="secret-draft").reject(moderator, "Not public after all")
    assert search(SearchQuery(text="geheim"), "nl").total == 0
