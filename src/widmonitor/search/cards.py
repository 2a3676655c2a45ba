"""What a result list shows of each initiative, read with three lean queries and no model instances.

A page of results needs a title, a summary, the organisations' names, the objective codes and
the period. Loading ``Initiative`` objects with ``prefetch_related`` for that made most of a
search's cost (model instances, related managers, one JSON decode per field); plain rows do not.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from widmonitor.initiatives.models import Initiative
from widmonitor.languages import Translated


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


CARD_FIELDS = ("pk", "uid", "title", "summary", "original_language", "starts", "ends")
KEPT = 5000  # cards a worker keeps for the index generation it serves


class Kept:
    """The cards this process read for one index generation; a new generation starts afresh."""

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = None
        self.cards = OrderedDict()

    def get(self, generation, pks):
        with self.lock:
            if generation != self.generation:
                self.generation, self.cards = generation, OrderedDict()
            found = {pk: self.cards[pk] for pk in pks if pk in self.cards}
            for pk in found:
                self.cards.move_to_end(pk)
            return found

    def put(self, generation, new):
        with self.lock:
            if generation == self.generation:
                self.cards.update(new)
                while len(self.cards) > KEPT:
                    self.cards.popitem(last=False)


kept = Kept()


def cards(pks, generation=None):
    """The cards of the initiatives ``pks``, in that order (ids no longer in the registry are left out).

    With the index ``generation`` they were found in, cards read before under the same
    generation come from this process's memory: any change to what a card shows (an
    initiative written, an organisation renamed) moves the generation on.
    """
    pks = list(pks)
    found = kept.get(generation, pks) if generation else {}
    missing = [pk for pk in pks if pk not in found]
    if missing:
        read = read_cards(missing)
        found.update(read)
        if generation:
            kept.put(generation, read)
    return [found[pk] for pk in pks if pk in found]


def read_cards(pks):
    rows = Initiative.objects.filter(pk__in=pks).values_list(*CARD_FIELDS)
    by_pk = {row[0]: Card(*row) for row in rows}
    organisations = Initiative.organisations.through.objects.filter(initiative_id__in=by_pk)
    for pk, name, language in organisations.order_by("organisation__slug").values_list(
        "initiative_id", "organisation__name", "organisation__original_language"
    ):
        by_pk[pk].organisations.append(Named(name, language))
    objectives = Initiative.objectives.through.objects.filter(initiative_id__in=by_pk)
    for pk, code in objectives.order_by("objective__strategy__code", "objective__position").values_list(
        "initiative_id", "objective__code"
    ):
        by_pk[pk].objective_codes.append(code)
    return by_pk
