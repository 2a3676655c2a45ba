"""Each worker's in-memory picture of the index, rebuilt when the index's generation moves on.

Every published initiative is a bit position; every ``facet:code`` token and every title term
is a Python integer used as a bit set of the rows that carry it. Filtering is then a few ANDs
and ORs of integers, a facet count one ``bit_count()``, and a page a walk along an order
computed once per language: a search costs microseconds of arithmetic instead of reading and
parsing every entry. The generation lives in the database (``search.cache``), so every worker
and host rebuilds after a change, and only then.
"""

import threading
import time
from collections import OrderedDict

from django.utils import timezone

from . import cache, facets
from .models import SearchEntry, SearchText

ENTRY_FIELDS = ("initiative_id", "facets", "titles", "starts_on", "updated_at", "initiative__ends_on", "initiative__status")
TEXTS_KEPT = 512  # word searches remembered per snapshot
OPTIONS_TTL = 300  # seconds the facet labels are kept (they change without the index: a renamed term)
_lock = threading.Lock()
_current = {}


def current():
    """The snapshot of the index as it is now, built by the first search after a change."""
    key = cache.generation()
    snapshot = _current.get("snapshot")
    if snapshot is None or snapshot.key != key:
        with _lock:
            snapshot = _current.get("snapshot")
            if snapshot is None or snapshot.key != key:
                snapshot = _current["snapshot"] = Snapshot(key)
    return snapshot


def bits(indices, size):
    """An integer whose bits ``indices`` are set."""
    data = bytearray((size + 7) // 8)
    for i in indices:
        data[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(data, "little")


class Snapshot:
    def __init__(self, key):
        self.key = key
        rows = list(SearchEntry.objects.order_by("pk").values_list(*ENTRY_FIELDS))
        self.size = len(rows)
        self.pks = [row[0] for row in rows]
        self.position = {pk: i for i, pk in enumerate(self.pks)}
        self.all = (1 << self.size) - 1
        tokens = {}
        today = timezone.localdate()  # the generation names the day: a new day is a new snapshot
        for i, (_pk, text, _titles, starts_on, _updated, ends_on, status) in enumerate(rows):
            for token in [*text.split(), facets.status_token(today, starts_on, ends_on, status)]:
                tokens.setdefault(token, []).append(i)
        self.postings = {token: bits(indices, self.size) for token, indices in tokens.items()}
        titles = [row[2] for row in rows]
        self.languages = sorted({language for texts in titles for language in texts})
        self.by_title = {
            language: sorted(range(self.size), key=lambda i: (titles[i].get(language, "").casefold(), self.pks[i]))
            for language in self.languages
        }
        self.by_update = sorted(range(self.size), key=lambda i: (rows[i][4], self.pks[i]), reverse=True)
        self.start_rank = [(rows[i][3] is None, rows[i][3] or 0) for i in range(self.size)]
        self.title_terms = self._title_terms()
        self.options, self.options_at = {}, {}
        self.by_start = {}  # language -> rows by start date, then title: sorted at the first such search
        self.lock = threading.Lock()
        self.texts = OrderedDict()  # (language, terms) -> the rows they match: popular words come back

    def _title_terms(self):
        terms = {}
        for pk, language, text in SearchText.objects.values_list("initiative_id", "language", "title_terms"):
            i = self.position.get(pk)
            if i is not None:
                for term in set(text.split()):
                    terms.setdefault(language, {}).setdefault(term, []).append(i)
        return {language: {term: bits(ix, self.size) for term, ix in found.items()} for language, found in terms.items()}

    def matching_text(self, language, terms, match):
        """The rows whose text holds ``terms``, asking ``match(language, terms)`` for ids once per snapshot."""
        key = (language, tuple(terms))
        with self.lock:
            if key in self.texts:
                self.texts.move_to_end(key)
                return self.texts[key]
        mask = self.of_pks(match(language, terms))
        with self.lock:
            self.texts[key] = mask
            if len(self.texts) > TEXTS_KEPT:
                self.texts.popitem(last=False)
        return mask

    def of_pks(self, pks):
        return bits((self.position[pk] for pk in pks if pk in self.position), self.size)

    def facet_mask(self, name, codes):
        mask = 0
        for code in codes:
            mask |= self.postings.get(f"{name}:{code}", 0)
        return mask

    def titled(self, language, terms):
        """The rows whose title in ``language`` holds every one of ``terms``."""
        mask = self.all
        for term in terms:
            mask &= self.title_terms.get(language, {}).get(term, 0)
        return mask

    def order(self, how, language):
        if how == "newest":
            return self.by_update
        titles = self.by_title.get(language) or next(iter(self.by_title.values()), [])
        if how == "starts":
            if language not in self.by_start:
                rank = self.start_rank
                self.by_start[language] = sorted(titles, key=lambda i: rank[i])  # stable: by title within a start date
            return self.by_start[language]
        return titles

    def walk(self, mask, order, limit=None):
        """The positions of ``order`` whose bit is set in ``mask``, at most ``limit``."""
        data = mask.to_bytes((self.size + 7) // 8 or 1, "little")
        found = []
        for i in order:
            if data[i >> 3] >> (i & 7) & 1:
                found.append(i)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def facet_options(self, facet, language):
        key = (facet.name, language)
        if key not in self.options or time.monotonic() - self.options_at[key] > OPTIONS_TTL:
            self.options[key], self.options_at[key] = facets.options(facet), time.monotonic()
        return self.options[key]
