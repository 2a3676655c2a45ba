"""A search of the published registry: text, facets, sort and page in; a page of results and facet counts out.

Each worker keeps the index as bit sets (``snapshot``), rebuilt after a change; a search is a
few integer operations on them, one full-text query when there is text, and the page's
records. Counts are disjunctive: a facet's counts apply every
other facet's choice, so that choosing a second audience widens the results.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from . import analysis, backends, cards, facets, snapshot

PER_PAGE = 20
MAX_TEXT = 200
SORTS = {
    "relevance": _("relevance"),
    "title": _("title"),
    "newest": _("last updated"),
    "starts": _("start date"),
}


@lru_cache(maxsize=4096)
def encoded(name, value):
    """``name=value`` as ``urlencode`` writes it; kept, because a results page writes some 80 such links."""
    return urlencode([(name, value)])


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
        return "&".join(encoded(name, value) for name, value in pairs)

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
    implied: int = 0  # of ``count``, those the strategy implies (an audience their record does not state)


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


def search(query, language):
    """Run ``query`` for a reader of ``language``; returns Results."""
    index, text, terms, chosen = matched(query, language)
    matches = text & combined(index, chosen)
    total = matches.bit_count()
    pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
    page = min(query.page, pages)
    positions = ordered(index, matches, query, language, terms, page * PER_PAGE)[(page - 1) * PER_PAGE :]
    shown = cards.cards([index.pks[i] for i in positions], index.key)
    counts = [facet_counts(index, facet, text, chosen, query, language) for facet in facets.FACETS]
    return Results(query, total, shown, page, pages, counts)


def matching_ids(query, language):
    """The ids of every initiative ``query`` matches, in its sort order, its page aside (the API, downloads)."""
    index, text, terms, chosen = matched(query, language)
    return [index.pks[i] for i in ordered(index, text & combined(index, chosen), query, language, terms)]


def matched(query, language):
    """The index now, the rows the words match, the words' terms, and each chosen facet's rows."""
    index = snapshot.current()
    text, terms = text_mask(index, query, language)
    chosen = {name: index.facet_mask(name, codes) for name, codes in query.chosen.items()}
    return index, text, terms, chosen


def text_mask(index, query, language):
    """The rows whose text matches the query's words (every row without words), and the words' terms."""
    if not query.text:
        return index.all, []
    terms = analysis.terms(query.text, language)
    return (index.matching_text(language, terms, backends.matching_ids) if terms else 0), terms


def combined(index, chosen, leave_out=None):
    mask = index.all
    for name, facet_mask in chosen.items():
        if name != leave_out:
            mask &= facet_mask
    return mask


def facet_counts(index, facet, text, chosen, query, language):
    """A facet's options with their counts under every other facet's choice (disjunctive counts)."""
    base = text & combined(index, chosen, facet.name)
    selected = set(query.chosen.get(facet.name, ()))
    options = []
    for code, label in index.facet_options(facet, language):
        count = (base & index.postings.get(f"{facet.name}:{code}", 0)).bit_count()
        if count or code in selected:
            implied = (base & index.postings.get(f"{facets.IMPLIED}:{code}", 0)).bit_count() if facet.name == "audience" else 0
            options.append(Option(code, label, count, code in selected, query.toggled(facet.name, code), implied))
    return FacetCounts(facet, options)


def ordered(index, matches, query, language, terms, limit=None):
    """Positions of the matches in the query's order; with ``limit``, only the first ones."""
    how = query.effective_sort
    order = index.order(how, language)
    if how == "relevance" and terms:  # titles holding every word first, each part by title
        titled = matches & index.titled(language, terms)
        first = index.walk(titled, order, limit)
        if limit is not None and len(first) >= limit:
            return first
        rest = index.walk(matches & ~titled, order, None if limit is None else limit - len(first))
        return first + rest
    return index.walk(matches, order, limit)
