"""A search of the published registry: text, facets, sort and page in; a page of results and facet counts out.

Each worker keeps the index as bitmaps (``snapshot``), kept up to date change by change; a
search is a few bitmap operations on them (``ranking`` for the words) and the page's records.
Counts are disjunctive: a facet's counts apply every other facet's choice, so that choosing a
second audience widens the results.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from pyroaring import BitMap

from . import cards, facets, ranking, snapshot

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
        return self.toggler(name)(code)

    def toggler(self, name):
        """``toggled`` for facet ``name`` as a function of the code: a facet lists many options, and the parts of
        the query string before and after its own codes are the same for each."""
        chosen = self.chosen
        names = [facet.name for facet in facets.FACETS]
        position = names.index(name)
        before = [("q", self.text)] if self.text else []
        before += [(other, code) for other in names[:position] for code in chosen.get(other, ())]
        after = [(other, code) for other in names[position + 1 :] for code in chosen.get(other, ())]
        after += [("sort", self.sort)] if self.sort else []
        left, right = ("&".join(encoded(*pair) for pair in pairs) for pairs in (before, after))
        own = set(chosen.get(name, ()))

        def link(code):
            middle = "&".join(encoded(name, each) for each in sorted(own ^ {code}))
            return "&".join(part for part in (left, middle, right) if part)

        return link


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
    suggestion: str = ""  # the words with the nearest indexed ones ("did you mean …"), when some were found nowhere

    @property
    def suggestion_params(self):
        return self.query.params(text=self.suggestion, sort="" if self.query.sort == "relevance" else self.query.sort)

    @property
    def first(self):
        return (self.page - 1) * PER_PAGE + 1 if self.total else 0

    @property
    def last(self):
        return min(self.page * PER_PAGE, self.total)


def search(query, language):
    """Run ``query`` for a reader of ``language``; returns Results."""
    with snapshot.reading() as index:
        words, chosen = matched(index, query, language)
        text = words.rows if words else index.all
        matches = text & combined(index, chosen)
        total = len(matches)
        pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
        page = min(query.page, pages)
        shown = ordered(index, matches, query, language, words, page * PER_PAGE)[(page - 1) * PER_PAGE :]
        counts = [facet_counts(index, facet, text, chosen, query, language) for facet in facets.FACETS]
        kept = index.kept
    return Results(query, total, cards.cards(shown, kept), page, pages, counts, words.suggestion if words else "")


def matching_ids(query, language):
    """The ids of every initiative ``query`` matches, in its sort order, its page aside (the API, downloads)."""
    with snapshot.reading() as index:
        words, chosen = matched(index, query, language)
        return ordered(index, (words.rows if words else index.all) & combined(index, chosen), query, language, words)


def matched(index, query, language):
    """What the words find (``ranking.Matched``, None without words), and each chosen facet's rows."""
    words = ranking.match(index, query.text, language) if query.text else None
    return words, {name: index.facet_mask(name, codes) for name, codes in query.chosen.items()}


def combined(index, chosen, leave_out=None):
    return BitMap.intersection(index.all, *(rows for name, rows in chosen.items() if name != leave_out))


def facet_counts(index, facet, text, chosen, query, language):
    """A facet's options with their counts under every other facet's choice (disjunctive counts)."""
    base = text & combined(index, chosen, facet.name)
    selected = set(query.chosen.get(facet.name, ()))
    toggled = query.toggler(facet.name)
    options = []
    for code, label in index.facet_options(facet, language):
        rows = index.postings.get(f"{facet.name}:{code}")
        count = base.intersection_cardinality(rows) if rows else 0
        if count or code in selected:
            implied_rows = index.postings.get(f"{facets.IMPLIED}:{code}") if facet.name == "audience" else None
            implied = base.intersection_cardinality(implied_rows) if implied_rows else 0
            options.append(Option(code, label, count, code in selected, toggled(code), implied))
    return FacetCounts(facet, options)


def ordered(index, matches, query, language, words, limit=None):
    """Ids of the matches in the query's order; with ``limit``, only the first ones."""
    how = query.effective_sort
    if how != "relevance" or not words:
        return index.sorted_rows(matches, how, language, limit)
    found = []  # relevance: group after group (ranking.groups), each by title
    for group in words.groups:
        found += index.sorted_rows(group & matches, "title", language, None if limit is None else limit - len(found))
        if limit is not None and len(found) >= limit:
            break
    return found
