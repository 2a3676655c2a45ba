"""A search of the published registry: text, facets, sort and page in; a page of results and facet counts out.

One query reads every published entry's facets and sort keys (plus one full-text query when
there is text); filtering, counting and sorting happen on those rows, so that a search costs
the same few queries whatever the facets. Counts are disjunctive: a facet's counts apply every
other facet's choice, so that choosing a second audience widens the results.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from widmonitor.initiatives.models import Initiative

from . import analysis, backends, facets
from .models import SearchEntry, SearchText

PER_PAGE = 20
MAX_TEXT = 200
SORTS = {
    "relevance": _("relevance"),
    "title": _("title"),
    "newest": _("last updated"),
    "starts": _("start date"),
}


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    selected: tuple = ()  # ((facet name, (code, ...)), ...), in facet order
    sort: str = ""
    page: int = 1

    @classmethod
    def from_params(cls, params):
        """From a request's GET parameters; anything unknown or malformed is left out."""
        selected = []
        for facet in facets.FACETS:
            codes = tuple(sorted({code for code in params.getlist(facet.name) if code and len(code) <= 40}))
            if codes:
                selected.append((facet.name, codes[:50]))
        text = " ".join(params.get("q", "").split())[:MAX_TEXT]
        sort = params.get("sort", "")
        try:
            page = max(int(params.get("page", "1")), 1)
        except ValueError:
            page = 1
        return cls(text, tuple(selected), sort if sort in SORTS else "", page)

    @property
    def chosen(self):
        return dict(self.selected)

    @property
    def effective_sort(self):
        return self.sort or ("relevance" if self.text else "title")

    def params(self, **changes):
        """The query string of this search with ``changes`` (text, selected, sort, page); page 1 unless given."""
        query = {"text": self.text, "selected": self.selected, "sort": self.sort, "page": 1, **changes}
        pairs = [("q", query["text"])] if query["text"] else []
        pairs += [(name, code) for name, codes in query["selected"] for code in codes]
        if query["sort"]:
            pairs.append(("sort", query["sort"]))
        if query["page"] > 1:
            pairs.append(("page", query["page"]))
        return urlencode(pairs)

    def toggled(self, name, code):
        """The query string with ``code`` of facet ``name`` added, or removed if chosen."""
        chosen = dict(self.selected)
        codes = set(chosen.get(name, ()))
        codes ^= {code}
        chosen[name] = tuple(sorted(codes))
        selected = tuple((f.name, chosen[f.name]) for f in facets.FACETS if chosen.get(f.name))
        return self.params(selected=selected)


@dataclass
class Option:
    code: str
    label: str
    count: int
    selected: bool
    params: str  # the query string that toggles it


@dataclass
class FacetCounts:
    facet: facets.Facet
    options: list = field(default_factory=list)

    @property
    def chosen(self):
        return any(option.selected for option in self.options)


@dataclass
class Results:
    query: SearchQuery
    total: int
    initiatives: list
    page: int
    pages: int
    facets: list

    @property
    def first(self):
        return (self.page - 1) * PER_PAGE + 1 if self.total else 0

    @property
    def last(self):
        return min(self.page * PER_PAGE, self.total)


@dataclass
class Row:
    pk: int
    tokens: frozenset
    title: str
    starts_on: object
    updated_at: object


def search(query, language):
    """Run ``query`` for a reader of ``language``; returns Results."""
    rows, terms = candidates(query, language)
    chosen = query.chosen
    matches = [row for row in rows if passes(row, chosen)]
    counts = [facet_counts(facet, rows, chosen, query) for facet in facets.FACETS]
    ordered = sort(matches, query, language, terms)
    pages = max((len(ordered) + PER_PAGE - 1) // PER_PAGE, 1)
    page = min(query.page, pages)
    shown = [row.pk for row in ordered[(page - 1) * PER_PAGE : page * PER_PAGE]]
    records = Initiative.objects.filter(pk__in=shown).prefetch_related("organisations", "objectives", "audiences", "regions")
    by_pk = {initiative.pk: initiative for initiative in records}
    return Results(query, len(ordered), [by_pk[pk] for pk in shown], page, pages, counts)


def matching_ids(query, language):
    """The ids of every initiative ``query`` matches, in its sort order, its page aside (the API, downloads)."""
    rows, terms = candidates(query, language)
    chosen = query.chosen
    return [row.pk for row in sort([row for row in rows if passes(row, chosen)], query, language, terms)]


def candidates(query, language):
    """The rows that match the text of ``query`` (all rows without text), and the text's terms."""
    rows = [
        Row(pk, frozenset(tokens.split()), titles.get(language, ""), starts_on, updated_at)
        for pk, tokens, titles, starts_on, updated_at in SearchEntry.objects.values_list(
            "initiative_id", "facets", "titles", "starts_on", "updated_at"
        )
    ]
    terms = analysis.terms(query.text, language) if query.text else []
    if query.text:
        found = backends.matching_ids(language, terms) if terms else set()
        rows = [row for row in rows if row.pk in found]
    return rows, terms


def passes(row, chosen, leave_out=None):
    return all(
        any(f"{name}:{code}" in row.tokens for code in codes) for name, codes in chosen.items() if name != leave_out
    )


def facet_counts(facet, rows, chosen, query):
    prefix = f"{facet.name}:"
    counted = Counter(
        token[len(prefix) :] for row in rows if passes(row, chosen, facet.name) for token in row.tokens if token.startswith(prefix)
    )
    selected = set(chosen.get(facet.name, ()))
    options = [
        Option(code, label, counted[code], code in selected, query.toggled(facet.name, code))
        for code, label in facets.options(facet)
        if counted[code] or code in selected
    ]
    return FacetCounts(facet, options)


def sort(rows, query, language, terms):
    how = query.effective_sort
    if how == "newest":
        return sorted(rows, key=lambda row: (row.updated_at, row.pk), reverse=True)
    if how == "starts":
        return sorted(rows, key=lambda row: (row.starts_on is None, row.starts_on or 0, row.title.casefold()))
    by_title = sorted(rows, key=lambda row: (row.title.casefold(), row.pk))
    if how == "relevance" and terms:
        title_terms = dict(SearchText.objects.filter(language=language).values_list("initiative_id", "title_terms"))
        wanted = set(terms)
        return sorted(by_title, key=lambda row: -len(wanted & set(title_terms.get(row.pk, "").split())))
    return by_title
