"""Each worker's in-memory index, kept up to date change by change.

Every published initiative is its id in compressed bitmaps (pyroaring): one bitmap per
``facet:code`` token, and per content language one per term of the whole text and one per term
of the title. Filtering is then ANDs and ORs of bitmaps, a facet count one intersection's
cardinality, a page a walk along sort orders kept sorted (``bisect``).

When the index's generation moves on, a worker reads the initiatives logged as changed since the
generation it holds (``cache.changes``) and applies only those: it takes out what it held of
them and puts in what the database holds now (nothing, for one unpublished or deleted). A new
database (epoch), a change of everything or a worker too far behind reads the whole index; a new
day recomputes only the status shown. The generation lives in the database, so every worker and
host follows every change, whatever the cache backend.
"""

import bisect
import contextlib
import datetime
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from pyroaring import BitMap

from . import cache, cards, facets
from .models import SearchEntry, SearchText

ENTRY_FIELDS = ("initiative_id", "facets", "titles", "starts_on", "updated_at", "initiative__ends_on", "initiative__status")
TEXT_FIELDS = ("initiative_id", "language", "title_terms", "terms", "words")
REBUILD_SHARE = 0.25  # changes to more than this share of the index (and 1,000 records): read it whole instead
OPTIONS_TTL = 300  # seconds the facet labels are kept (they change without the index: a renamed term)
SORT_RATHER_THAN_WALK = 4  # a sort costs about this many steps of a walk per record sorted
_lock = threading.RLock()
_current = {}


@contextlib.contextmanager
def reading():
    """The index as it is now, held still while the caller reads it (one worker's threads take turns)."""
    with _lock:
        yield current()


def current():
    """The index of the generation now (``cache.generation``), catching up with the changes since the one held."""
    key = cache.generation()
    epoch, number, day = cache.parse(key)
    with _lock:
        index = _current.get("index")
        if index is None or index.epoch != epoch:
            index = _current["index"] = Index.read_all()
        elif number > index.number and not index.catch_up(number):
            index = _current["index"] = Index.read_all()
        if index.day != day:
            index.show_status_on(day)
        index.key = key
        return index


@dataclass
class Row:
    """What the index holds of one initiative, enough to take it out again."""

    facets: tuple
    titles: dict
    starts_on: object
    updated_at: object
    ends_on: object
    status: str
    texts: tuple = ()  # ((language, title terms, terms), ...)


class Index:
    def __init__(self, epoch, number, day):
        self.epoch, self.number, self.day, self.key = epoch, number, day, ""
        self.rows = {}
        self.all = BitMap()
        self.postings = {}  # facet:code -> rows
        self.text = {}  # language -> term -> rows whose text there holds it
        self.title = {}  # language -> term -> rows whose title there holds it
        self.written = {}  # language -> rows indexed in it
        self.words = {}  # language -> the folded words written in it (kept when their records go: see ranking)
        self._word_list = None
        self.by_title, self.by_start, self.by_update = {}, {}, []
        self.options, self.options_at = {}, {}
        self.kept = cards.Kept()  # the result cards read while this index serves

    # reading and applying -------------------------------------------------------------

    @classmethod
    def read_all(cls):
        epoch, number, day = cache.state()  # before the rows: rows newer than it are harmless, changes are applied again
        index = cls(epoch, number, day)
        index.read_whole()
        return index

    def catch_up(self, number):
        """Apply the changes logged up to generation ``number``; False if they are not all logged or too many."""
        logged = cache.changes(self.number, number)
        if set(logged) != set(range(self.number + 1, number + 1)):
            return False  # logged no more (a worker far behind)
        pks = {pk for found in logged.values() for pk in found}
        if None in pks or len(pks) > max(1000, REBUILD_SHARE * len(self.rows)):
            return False
        self.apply(pks)
        self.number = number
        return True

    def apply(self, pks):
        """Take out the rows ``pks`` and put in what the database holds of them now."""
        self.kept.forget(pks)
        for pk in pks:
            self.remove(pk)
        entries = SearchEntry.objects.filter(pk__in=pks).values_list(*ENTRY_FIELDS)
        for pk, tokens, titles, starts_on, updated_at, ends_on, status in entries:
            self.add(pk, Row(tuple(tokens.split()), titles, starts_on, updated_at, ends_on, status))
        held = {}
        for pk, language, title_terms, terms, words in SearchText.objects.filter(initiative__in=pks).values_list(*TEXT_FIELDS):
            if pk in self.rows:
                held.setdefault(pk, []).append((language, title_terms, terms))
                self.add_text(pk, language, title_terms, terms, words)
        for pk, found in held.items():
            self.rows[pk].texts = tuple(found)
        self._word_list = None

    def read_whole(self):
        """Every row, gathered in lists first and made into bitmaps and sorted orders once (a bitmap's add is a call)."""
        postings, text, title = defaultdict(list), defaultdict(lambda: defaultdict(list)), defaultdict(lambda: defaultdict(list))
        written = defaultdict(list)
        for pk, tokens, titles, starts_on, updated_at, ends_on, status in SearchEntry.objects.values_list(*ENTRY_FIELDS).iterator(5000):
            row = self.rows[pk] = Row(tuple(tokens.split()), titles, starts_on, updated_at, ends_on, status, [])
            for token in (*row.facets, self.status_token(row)):
                postings[token].append(pk)
        for pk, language, title_terms, terms, words in SearchText.objects.values_list(*TEXT_FIELDS).iterator(5000):
            row = self.rows.get(pk)
            if row is not None:
                row.texts.append((language, title_terms, terms))
                written[language].append(pk)
                for term in set(terms.split()):
                    text[language][term].append(pk)
                for term in set(title_terms.split()):
                    title[language][term].append(pk)
                self.words.setdefault(language, set()).update(words.split())
        self.all = BitMap(self.rows)
        self.postings = {token: BitMap(found) for token, found in postings.items()}
        self.text = {language: {term: BitMap(found) for term, found in terms.items()} for language, terms in text.items()}
        self.title = {language: {term: BitMap(found) for term, found in terms.items()} for language, terms in title.items()}
        self.written = {language: BitMap(found) for language, found in written.items()}
        for pk, row in self.rows.items():
            row.texts = tuple(row.texts)
        languages = {language for row in self.rows.values() for language in row.titles}
        for language in languages:
            self.by_title[language] = sorted(self.title_key(row, language, pk) for pk, row in self.rows.items() if language in row.titles)
            self.by_start[language] = sorted(self.start_key(row, language, pk) for pk, row in self.rows.items() if language in row.titles)
        self.by_update = sorted((row.updated_at, pk) for pk, row in self.rows.items())

    def add(self, pk, row):
        self.rows[pk] = row
        self.all.add(pk)
        for token in (*row.facets, self.status_token(row)):
            self.postings.setdefault(token, BitMap()).add(pk)
        for language in row.titles:
            bisect.insort(self.by_title.setdefault(language, []), self.title_key(row, language, pk))
            bisect.insort(self.by_start.setdefault(language, []), self.start_key(row, language, pk))
        bisect.insort(self.by_update, (row.updated_at, pk))

    def add_text(self, pk, language, title_terms, terms, words):
        self.written.setdefault(language, BitMap()).add(pk)
        text, title = self.text.setdefault(language, {}), self.title.setdefault(language, {})
        for term in set(terms.split()):
            text.setdefault(term, BitMap()).add(pk)
        for term in set(title_terms.split()):
            title.setdefault(term, BitMap()).add(pk)
        self.words.setdefault(language, set()).update(words.split())

    def remove(self, pk):
        row = self.rows.pop(pk, None)
        if row is None:
            return
        self.all.discard(pk)
        for token in (*row.facets, self.status_token(row)):
            discard(self.postings, token, pk)
        for language in row.titles:
            take_out(self.by_title[language], self.title_key(row, language, pk))
            take_out(self.by_start[language], self.start_key(row, language, pk))
        take_out(self.by_update, (row.updated_at, pk))
        for language, title_terms, terms in row.texts:
            self.written[language].discard(pk)
            for term in set(terms.split()):
                discard(self.text[language], term, pk)
            for term in set(title_terms.split()):
                discard(self.title[language], term, pk)

    def show_status_on(self, day):
        """A new day: the status shown follows the records' dates (``facets.status_token``)."""
        self.postings = {token: rows for token, rows in self.postings.items() if not token.startswith("status:")}
        self.day = day
        for pk, row in self.rows.items():
            self.postings.setdefault(self.status_token(row), BitMap()).add(pk)

    def status_token(self, row):
        return facets.status_token(datetime.date.fromisoformat(self.day), row.starts_on, row.ends_on, row.status)

    # sort orders ----------------------------------------------------------------------

    @staticmethod
    def title_key(row, language, pk):
        return (row.titles.get(language, "").casefold(), pk)

    @staticmethod
    def start_key(row, language, pk):
        starts = row.starts_on
        return (starts is None, starts.toordinal() if starts else 0, row.titles.get(language, "").casefold(), pk)

    def sorted_rows(self, rows, how, language, limit=None):
        """The ids of ``rows`` in the order ``how`` (title, newest, starts) for ``language``, at most ``limit``."""
        if not rows:
            return []
        language = language if language in self.by_title else next(iter(self.by_title), language)
        if how == "newest":
            order, key = reversed(self.by_update), lambda pk: (self.rows[pk].updated_at, pk)
        elif how == "starts":
            order, key = self.by_start[language], lambda pk: self.start_key(self.rows[pk], language, pk)
        else:
            order, key = self.by_title[language], lambda pk: self.title_key(self.rows[pk], language, pk)
        size, count = len(self.all), len(rows)
        walk = size if limit is None else min(size, limit * size // count + limit)
        if count * SORT_RATHER_THAN_WALK < walk:
            return sorted(rows, key=key, reverse=how == "newest")[:limit]
        found = []
        for item in order:
            if item[-1] in rows:
                found.append(item[-1])
                if limit is not None and len(found) >= limit:
                    break
        return found

    # the words of the index -----------------------------------------------------------

    def word_list(self):
        """The indexed words, for the nearest-word search (``ranking``)."""
        if self._word_list is None:
            self._word_list = sorted(set().union(*self.words.values()))
        return self._word_list

    def languages_of(self, word):
        return [language for language, words in self.words.items() if word in words]

    def facet_mask(self, name, codes):
        return BitMap.union(BitMap(), *(self.postings.get(f"{name}:{code}", BitMap()) for code in codes))

    def facet_options(self, facet, language):
        key = (facet.name, language)
        if key not in self.options or time.monotonic() - self.options_at[key] > OPTIONS_TTL:
            self.options[key], self.options_at[key] = facets.options(facet), time.monotonic()
        return self.options[key]


def discard(postings, token, pk):
    rows = postings.get(token)
    if rows is not None:
        rows.discard(pk)
        if not rows:
            del postings[token]


def take_out(order, key):
    i = bisect.bisect_left(order, key)
    if i < len(order) and order[i] == key:
        del order[i]

