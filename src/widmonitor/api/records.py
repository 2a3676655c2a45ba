"""The published registry as plain data: what the API and the downloads read, and nothing private.

Every public answer reads initiatives through ``published_in_order``, so an unpublished record
cannot reach one; the dicts name their fields one by one, so contact details never do.
"""

from django.conf import settings
from django.db.models import Count, Q

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import TERM_RELATIONS, Initiative
from widmonitor.initiatives.public_facts import FACTS_PREFETCH, PublicFacts
from widmonitor.languages import content_codes
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Moderation

CHUNK = 500
PLAIN_FIELDS = ("cost", "sector", "status", "starts", "ends", "url", "source_document", "source_section", "provenance_note")


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


def current_objective_codes():
    """``{pk: code}`` of the objectives of the strategy this platform runs."""
    return dict(Objective.objects.current().values_list("pk", "code"))


def objective_codes(initiative, strategy_codes):
    return [strategy_codes[o.pk] for o in initiative.objectives.all() if o.pk in strategy_codes]


def initiative(record, language, strategy_codes):
    return {
        "uid": record.uid,
        "title": text(record, "title", language),
        "summary": text(record, "summary", language),
        "original_language": record.original_language,
        "organisations": [{"slug": o.slug, "name": text(o, "name", language)} for o in record.organisations.all()],
        "objectives": objective_codes(record, strategy_codes),
        **{relation: [term.code for term in getattr(record, relation).all()] for relation in TERM_RELATIONS},
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
        "provenance_note": record.provenance_note,
        "public_facts": PublicFacts.of(record).as_data(),
        "initiative_count": record.initiative_count,
    }


def objective(record, language, counts):
    return {
        "code": record.code,
        "title": text(record, "title", language),
        "description": text(record, "description", language),
        "age_band": record.age_band,
        "initiative_count": counts.get(record.pk, 0),
    }

