"""What public facts do to the records: fill a field the record lacks, never overwrite one it has.

A record's own value is what its original source (the 2022 report, a seed document) or a person
gave it. A fact fills a field only while the record's own value is empty or unknown; a fact that
differs from the record's own value is kept and reported, never applied; pages that disagree
among themselves fill nothing. What a previous load filled counts as empty, so that a load is
idempotent and a fact taken out of the files takes its value with it. Facts with no field on
the record (ages, places) are shown as stated. Each changed record gets one history entry.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from widmonitor.actors.models import Organisation
from widmonitor.vocabularies.choices import Cost, Status
from widmonitor.vocabularies.models import Term

from .models import TERM_RELATIONS, Fact, Initiative
from .periods import ends_before_starts
from .writes import save_initiatives

INITIATIVE_SCALARS = {"url": "", "cost": Cost.UNKNOWN, "status": Status.UNKNOWN, "starts": "", "ends": ""}
INITIATIVE_LISTS = ("organisations", *TERM_RELATIONS)
ORGANISATION_SCALARS = {"website": "", "kind": "", "region": ""}
DATES = ("starts", "ends")
EMPTY = {**INITIATIVE_SCALARS, **ORGANISATION_SCALARS, **{name: [] for name in INITIATIVE_LISTS}}


@dataclass
class Difference:
    """A fact not applied: it differs from the record's own value, or pages differ among themselves."""

    subject: str  # an initiative's uid or an organisation's slug
    field: str
    record_value: object
    fact_value: object
    page: str  # the address of the page that states it
    file: str
    use: str

    def __str__(self):
        if self.use == Fact.Use.PAGES_DIFFER:
            return f"{self.subject}: {self.field}: pages differ; {self.page} ({self.file}) says {self.fact_value!r}"
        return f"{self.subject}: {self.field}: the record has {self.record_value!r}; {self.page} ({self.file}) says {self.fact_value!r}"


@dataclass
class Outcome:
    initiatives_changed: int = 0  # by this load
    organisations_changed: int = 0
    fields_filled: int = 0  # fields of records that facts fill, in all
    differences: list = field(default_factory=list)


def comparable(name, value):
    if name in EMPTY and isinstance(EMPTY[name], list):
        return frozenset(value or ())
    if name in ("url", "website"):
        return str(value).rstrip("/").lower()
    return value


def subject_of(fact):
    search = fact.search
    return ("initiative", search.initiative_id) if search.initiative_id else ("organisation", search.organisation_id)


def filled_values():
    """``{(kind, pk, field): value}`` that the stored facts filled (to be read before they are replaced)."""
    filled = {}
    for fact in Fact.objects.filter(use=Fact.Use.FILLED).select_related("search").order_by("pk"):
        kind, pk = subject_of(fact)
        key = (kind, pk, fact.field)
        if isinstance(EMPTY.get(fact.field), list):
            filled[key] = list(dict.fromkeys([*filled.get(key, []), *fact.value]))
        else:
            filled[key] = fact.value
    return filled


def consistent(name, a, b):
    """Whether two values of ``name`` say the same: equal, or for a date one more precise than the
    other (2015-04 is in 2015)."""
    if name in DATES:
        return a.startswith(b) or b.startswith(a)
    return comparable(name, a) == comparable(name, b)


def decide(name, own, facts):
    """``(value, uses)``: the field's value after the facts, and what each fact of it is.

    A value of the record's own stays, each fact agreeing with it or differing. An empty field
    takes the facts' value: the union of what pages list, or the one value pages agree on (for a
    date, the most precise of consistent dates); pages that differ fill nothing.
    """
    empty = EMPTY[name]
    if comparable(name, own) != comparable(name, empty):
        if isinstance(empty, list):
            return own, [Fact.Use.AGREES if set(f.value) <= set(own) else Fact.Use.DIFFERS for f in facts]
        return own, [Fact.Use.AGREES if consistent(name, f.value, own) else Fact.Use.DIFFERS for f in facts]
    if isinstance(empty, list):
        return list(dict.fromkeys(item for f in facts for item in f.value)), [Fact.Use.FILLED] * len(facts)
    if facts and all(consistent(name, f.value, g.value) for f in facts for g in facts):
        return max((f.value for f in facts), key=len), [Fact.Use.FILLED] * len(facts)
    return own, [Fact.Use.PAGES_DIFFER] * len(facts)


class Applier:
    """Applies the stored facts to the records, once, and reports what it did."""

    def __init__(self, filled_before):
        self.filled_before = filled_before
        self.outcome = Outcome()
        self.facts = defaultdict(lambda: defaultdict(list))
        for fact in Fact.objects.select_related("search", "page").order_by("search__source_file", "search_id", "position"):
            self.facts[subject_of(fact)][fact.field].append(fact)

    def subjects(self, kind):
        return {pk for k, pk in self.facts if k == kind} | {pk for k, pk, _name in self.filled_before if k == kind}

    def resolve(self, kind, record, key, name, current):
        """The field's new value; sets each of its facts' use and notes the differences."""
        facts = self.facts[(kind, record.pk)].get(name, [])
        before = self.filled_before.get((kind, record.pk, name))
        own = EMPTY[name] if before is not None and comparable(name, current) == comparable(name, before) else current
        value, uses = decide(name, own, facts)
        for fact, use in zip(facts, uses):
            fact.use = use
            if use in (Fact.Use.DIFFERS, Fact.Use.PAGES_DIFFER):
                self.outcome.differences.append(Difference(key, name, own, fact.value, fact.page.url, fact.search.source_file, use))
        return value

    def initiatives(self, reason):
        records = Initiative.objects.filter(pk__in=self.subjects("initiative")).prefetch_related(*INITIATIVE_LISTS)
        organisations = {o.slug: o for o in Organisation.objects.all()}
        terms = {(t.vocabulary, t.code): t for t in Term.objects.all()}
        changes, fields = [], set()
        for initiative in records:
            values = {name: self.resolve("initiative", initiative, initiative.uid, name, getattr(initiative, name)) for name in INITIATIVE_SCALARS}
            self.keep_period(initiative, values)
            changed = {name for name, value in values.items() if value != getattr(initiative, name)}
            relations = {}
            for name in INITIATIVE_LISTS:
                current = [item.slug if name == "organisations" else item.code for item in getattr(initiative, name).all()]
                value = self.resolve("initiative", initiative, initiative.uid, name, current)
                if comparable(name, value) != comparable(name, current):
                    vocabulary = TERM_RELATIONS.get(name)
                    relations[name] = [organisations[v] if name == "organisations" else terms[(vocabulary, v)] for v in value]
            for name in changed:
                setattr(initiative, name, values[name])
            if changed or relations:
                changes.append((initiative, relations))
                fields |= changed
        if changes:
            save_initiatives(changes, reason=reason, fields=sorted(fields))
        self.outcome.initiatives_changed = len(changes)

    def keep_period(self, initiative, values):
        """Facts that would end the period before it starts fill neither date; they differ from the record."""
        if not ends_before_starts(values["starts"], values["ends"]):
            return
        period = f"{values['starts'] or '…'} – {values['ends'] or '…'}"
        for name in ("starts", "ends"):
            facts = self.facts[("initiative", initiative.pk)].get(name, [])
            if not facts or facts[0].use != Fact.Use.FILLED:
                continue
            values[name] = EMPTY[name]
            for fact in facts:
                fact.use = Fact.Use.DIFFERS
                self.outcome.differences.append(Difference(initiative.uid, name, period, fact.value, fact.page.url, fact.search.source_file, fact.use))

    def organisations(self, reason):
        regions = {t.code: t for t in Term.objects.of("region")}
        changed = 0
        for organisation in Organisation.objects.filter(pk__in=self.subjects("organisation")).select_related("region"):
            current = {"website": organisation.website, "kind": organisation.kind, "region": organisation.region.code if organisation.region else ""}
            values = {name: self.resolve("organisation", organisation, organisation.slug, name, current[name]) for name in ORGANISATION_SCALARS}
            if values == current:
                continue
            organisation.website, organisation.kind = values["website"], values["kind"]
            organisation.region = regions.get(values["region"])
            organisation._change_reason = reason
            organisation.save()
            changed += 1
        self.outcome.organisations_changed = changed

    def save_uses(self):
        facts = [fact for fields in self.facts.values() for facts in fields.values() for fact in facts]
        Fact.objects.bulk_update(facts, ["use"], batch_size=500)
        self.outcome.fields_filled = len({(subject, name) for subject, fields in self.facts.items() for name, facts in fields.items() if facts[0].use == Fact.Use.FILLED})


def apply(filled_before, reason):
    """Apply the stored facts to the records (``filled_before``: what the previous load filled); an ``Outcome``."""
    applier = Applier(filled_before)
    applier.initiatives(reason)
    applier.organisations(reason)
    applier.save_uses()
    return applier.outcome
