"""A record's public facts as its readers get them: per field, the pages that state its value,
the pages that state something else, and whether a search for pages was done and found any.

Read from ``record.fact_searches`` (prefetch ``FACTS_PREFETCH`` to read many records at once);
the public pages, the API and the downloads all go through ``PublicFacts``.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, prefetch_related_objects

from .models import Fact, FactSearch

FACTS_PREFETCH = Prefetch(
    "fact_searches", queryset=FactSearch.objects.prefetch_related(Prefetch("facts", queryset=Fact.objects.select_related("page")))
)
SOURCES = (Fact.Use.FILLED, Fact.Use.AGREES, Fact.Use.SHOWN)  # pages that state the value shown
OTHERS = (Fact.Use.DIFFERS, Fact.Use.PAGES_DIFFER)  # pages that state another value, not applied


@dataclass
class PublicFacts:
    facts: list
    searched: object  # the day of the latest search, or None: nobody searched
    page_found: bool
    record: object = None

    @classmethod
    def of(cls, record):
        if "fact_searches" not in getattr(record, "_prefetched_objects_cache", {}):
            prefetch_related_objects([record], FACTS_PREFETCH)
        searches = list(record.fact_searches.all())
        facts = [fact for search in searches for fact in search.facts.all()]
        latest = max((search.searched for search in searches), default=None)
        return cls(facts, latest, any(not search.no_page_found for search in searches), record)

    def sources(self, name):
        """The facts whose pages state the value the record shows for ``name``."""
        return [fact for fact in self.facts if fact.field == name and fact.use in SOURCES]

    def states_all(self, fact):
        """Whether ``fact`` states all the record shows for its field (for a list: every item, no other)."""
        relation = getattr(self.record, fact.field, None) if isinstance(fact.value, list) else None
        if relation is None or not hasattr(relation, "all"):
            return True
        shown = {getattr(item, "slug", None) or item.code for item in relation.all()}
        return shown == set(fact.value)

    def others(self, name):
        """The facts whose pages state another value for ``name`` than the record shows."""
        return [fact for fact in self.facts if fact.field == name and fact.use in OTHERS]

    def stated(self, name):
        """Every fact of ``name``, whatever its use."""
        return [fact for fact in self.facts if fact.field == name]

    def as_data(self):
        """Plain data for the API and the downloads: the search and every fact with its page."""
        return {
            "searched": self.searched.isoformat() if self.searched else None,
            "page_found": self.page_found if self.searched else None,
            "facts": [fact_data(fact) for fact in self.facts],
        }


def fact_data(fact):
    page = fact.page
    return {
        "field": fact.field,
        "value": fact.value,
        "use": fact.use,
        "says": fact.says,
        "page": {name: getattr(page, name) for name in ("url", "title", "publisher", "date", "language", "kind")},
    }
