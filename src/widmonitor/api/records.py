"""The published registry as plain data: what the API and the downloads read, and nothing private.

Every public answer reads initiatives through ``published_in_order``, so an unpublished record
cannot reach one; the dicts name their fields one by one, so contact details and the curators'
provenance notes never do.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import TERM_RELATIONS, Initiative
from widmonitor.initiatives.public_facts import FACTS_PREFETCH, PublicFacts
from widmonitor.languages import content_codes
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Moderation, Vocabulary
from widmonitor.vocabularies.models import Term

CHUNK = 500
PLAIN_FIELDS = ("cost", "sector", "status", "starts", "ends", "url", "source_document", "source_section")  # no curator's note


def default_language():
    codes = content_codes()
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in codes else codes[0]


def text(record, field, language):
    local = record.text(field, language)
    return {
        "text": local.text,
        "language": local.language,
        "original": local.language == record.original_language,
        "fallback": local.fallback,
    }


def published_in_order(pks):
    """The published initiatives ``pks`` in that order, relations prefetched, read in chunks."""
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        records = Initiative.objects.published().filter(pk__in=chunk).prefetch_related("organisations", "objectives", *TERM_RELATIONS, FACTS_PREFETCH)
        by_pk = {record.pk: record for record in records}
        yield from (by_pk[pk] for pk in chunk if pk in by_pk)


@dataclass(frozen=True)
class StrategyCodes:
    """What a public answer needs of the strategy this platform runs, read once for all its records."""

    codes: dict  # {objective pk: code}
    implied: dict  # {objective pk: {audience code, ...}}: the audiences the strategy names for it
    audience_order: dict  # {audience code: its position in the list}

    def objectives(self, initiative):
        """The codes of the objectives and sub-objectives ``initiative`` (relations prefetched) serves."""
        return [self.codes[o.pk] for o in initiative.objectives.all() if o.pk in self.codes]

    def implied_audiences(self, initiative):
        """The audience codes the strategy implies for ``initiative`` and its record does not state, in list order."""
        named = set().union(*(self.implied.get(o.pk, set()) for o in initiative.objectives.all() if o.pk in self.codes))
        stated = {term.code for term in initiative.audiences.all()}
        return sorted(named - stated, key=lambda code: self.audience_order.get(code, 0))


def current_strategy_codes():
    objectives = Objective.objects.current()
    order = {code: i for i, code in enumerate(Term.objects.of(Vocabulary.AUDIENCE).values_list("code", flat=True))}
    return StrategyCodes(dict(objectives.values_list("pk", "code")), objectives.implied_audiences(), order)


def initiative(record, language, strategy_codes):
    return {
        "uid": record.uid,
        "title": text(record, "title", language),
        "summary": text(record, "summary", language),
        "original_language": record.original_language,
        "organisations": [{"slug": o.slug, "name": text(o, "name", language)} for o in record.organisations.all()],
        "objectives": strategy_codes.objectives(record),
        **{relation: [term.code for term in getattr(record, relation).all()] for relation in TERM_RELATIONS},
        "implied_audiences": strategy_codes.implied_audiences(record),
        **{name: getattr(record, name) for name in PLAIN_FIELDS},
        "public_facts": PublicFacts.of(record).as_data(),
        "updated_at": record.updated_at,
    }


def organisations():
    """Every organisation, with the number of its published initiatives."""
    published = Count("initiatives", filter=Q(initiatives__moderation=Moderation.PUBLISHED))
    return Organisation.objects.select_related("region").prefetch_related(FACTS_PREFETCH).annotate(initiative_count=published)


def organisation(record, language):
    return {
        "slug": record.slug,
        "name": text(record, "name", language),
        "kind": record.kind,
        "sector": record.sector,
        "region": record.region.code if record.region else "",
        "website": record.website,
        "source_document": record.source_document,
        "source_section": record.source_section,
        "public_facts": PublicFacts.of(record).as_data(),
        "initiative_count": record.initiative_count,
    }


def objective(record, language, counts, implied, audience_order):
    return {
        "code": record.code,
        "title": text(record, "title", language),
        "description": text(record, "description", language),
        "age_band": record.age_band,
        "audiences": sorted(implied.get(record.pk, ()), key=lambda code: audience_order.get(code, 0)),
        "initiative_count": counts.get(record.pk, 0),
    }

