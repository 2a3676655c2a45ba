"""What a result list shows of each initiative, read in one query and no model instances.

A page of results needs a title, a summary, the organisations' names, the objective codes and
the period. Loading ``Initiative`` objects with ``prefetch_related`` for that made most of a
search's cost (model instances, related managers, one JSON decode per field), and three queries
of plain rows still half of it; the index writes them into each entry (``index.card``) instead.
"""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from widmonitor.languages import Translated

from .models import SearchEntry


@dataclass
class Named(Translated):
    """An organisation as a result card names it."""

    name: dict
    original_language: str


@dataclass
class Card(Translated):
    """An initiative as a result list shows it; ``text`` follows the same rule as a record's."""

    pk: int
    uid: str
    title: dict
    summary: dict
    original_language: str
    starts: str
    ends: str
    organisations: list = field(default_factory=list)
    objective_codes: list = field(default_factory=list)
    markup: dict = field(default_factory=dict, compare=False)  # language -> the card as the result list shows it


KEPT = 10000  # cards a worker keeps (some 4 kB each with their markup in three languages)
KEPT_SECONDS = 300  # and for how long at most: what a card shows but the index does not follow (an objective's code)


class Kept:
    """The cards one index of this process has read, and each card's markup per language once rendered.

    An index keeps its cards while it applies changes (``forget`` the records it applies), so that
    an edit elsewhere in the registry does not make every card be read again; an index read whole
    starts with none.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.cards = OrderedDict()  # pk -> (Card, read at)
        self.version = 0  # moved on by each ``forget``: a card read before it is not kept after it

    def get(self, pks):
        """``({pk: Card} of those kept, the version to hand back to ``put``)``."""
        now = time.monotonic()
        with self.lock:
            found = {}
            for pk in pks:
                kept = self.cards.get(pk)
                if kept is not None and now - kept[1] < KEPT_SECONDS:
                    found[pk] = kept[0]
                    self.cards.move_to_end(pk)
            return found, self.version

    def put(self, new, version):
        now = time.monotonic()
        with self.lock:
            if version != self.version:
                return  # records changed while these were read: they may be older than the change
            self.cards.update((pk, (card, now)) for pk, card in new.items())
            while len(self.cards) > KEPT:
                self.cards.popitem(last=False)

    def forget(self, pks):
        with self.lock:
            self.version += 1
            for pk in pks:
                self.cards.pop(pk, None)


def cards(pks, kept=None):
    """The cards of the initiatives ``pks``, in that order (ids no longer in the registry are left out).

    With the ``kept`` cards of the index they were found in, cards read before come from this
    process's memory: any change to what a card shows (an initiative written, an organisation
    renamed) is applied to that index, which forgets them.
    """
    pks = list(pks)
    found, version = kept.get(pks) if kept else ({}, 0)
    missing = [pk for pk in pks if pk not in found]
    if missing:
        read = read_cards(missing)
        found.update(read)
        if kept:
            kept.put(read, version)
    return [found[pk] for pk in pks if pk in found]


def read_cards(pks):
    """``{pk: Card}`` from the search entries (``index.card``): one query, one JSON value a card."""
    found = {}
    for pk, shown in SearchEntry.objects.filter(pk__in=pks).values_list("pk", "card"):
        organisations = [Named(name, language) for name, language in shown.pop("organisations")]
        found[pk] = Card(pk=pk, organisations=organisations, **shown)
    return found
