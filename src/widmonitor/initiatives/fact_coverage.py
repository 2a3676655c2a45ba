"""Per field, how many records have it and from which kind of source: the record's own source
document, or a public page (by kind), and for the others, whether anyone searched.

``FieldCoverage`` is a plain object; ``coverage`` counts the published initiatives and
``organisation_coverage`` every organisation, from the records and the stored facts.
"""

from dataclasses import dataclass, field

from widmonitor.actors.models import Organisation

from .fact_outcomes import EMPTY, INITIATIVE_LISTS, INITIATIVE_SCALARS
from .models import Fact, FactPage, Initiative
from .public_facts import FACTS_PREFETCH as FACTS

INITIATIVE_FIELDS = (*INITIATIVE_SCALARS, *INITIATIVE_LISTS, "ages", "places")
ORGANISATION_FIELDS = ("website", "kind", "region", "places")
FROM_PAGES = (Fact.Use.FILLED, Fact.Use.SHOWN)


@dataclass
class FieldCoverage:
    field: str
    records: int = 0
    from_source: int = 0  # the record's own value (its source document, or a person)
    from_pages: dict = field(default_factory=lambda: {kind: 0 for kind in FactPage.Kind.values})
    no_page_found: int = 0  # searched; no page about the record
    not_stated: int = 0  # searched; pages found, none states the field
    pages_differ: int = 0  # searched; pages state it but differ
    not_searched: int = 0
    confirmed: int = 0  # an own value that a page states too
    contradicted: int = 0  # an own value that a page states otherwise

    @property
    def have(self):
        return self.from_source + sum(self.from_pages.values())

    def count(self, has_own_value, facts, searches):
        """Count one record's field: its own value, the facts about it, the searches for the record."""
        self.records += 1
        uses = {fact.use for fact in facts}
        if has_own_value:
            self.from_source += 1
            self.confirmed += Fact.Use.AGREES in uses
            self.contradicted += Fact.Use.DIFFERS in uses
        elif uses & set(FROM_PAGES):
            self.from_pages[next(f for f in facts if f.use in FROM_PAGES).page.kind] += 1
        elif Fact.Use.PAGES_DIFFER in uses:
            self.pages_differ += 1
        elif not searches:
            self.not_searched += 1
        elif all(search.no_page_found for search in searches):
            self.no_page_found += 1
        else:
            self.not_stated += 1


def facts_by_field(record):
    searches = list(record.fact_searches.all())
    by_field = {}
    for search in searches:
        for fact in search.facts.all():
            by_field.setdefault(fact.field, []).append(fact)
    return searches, by_field


def own_value(record, name, facts):
    """Whether the record has a value of its own for ``name`` (not one that facts filled)."""
    if any(fact.use == Fact.Use.FILLED for fact in facts) or name not in EMPTY:
        return False
    if name in INITIATIVE_LISTS:
        return bool(getattr(record, name).all())
    value = getattr(record, name)
    return bool(value) and value != EMPTY[name]


def coverage():
    """One ``FieldCoverage`` per field, over the published initiatives."""
    rows = {name: FieldCoverage(name) for name in INITIATIVE_FIELDS}
    for initiative in Initiative.objects.published().prefetch_related(*INITIATIVE_LISTS, FACTS):
        searches, by_field = facts_by_field(initiative)
        for name, row in rows.items():
            facts = by_field.get(name, [])
            row.count(own_value(initiative, name, facts), facts, searches)
    return list(rows.values())


def organisation_coverage():
    """One ``FieldCoverage`` per field, over every organisation."""
    rows = {name: FieldCoverage(name) for name in ORGANISATION_FIELDS}
    for organisation in Organisation.objects.prefetch_related(FACTS):
        searches, by_field = facts_by_field(organisation)
        for name, row in rows.items():
            facts = by_field.get(name, [])
            row.count(own_value(organisation, name, facts), facts, searches)
    return list(rows.values())
