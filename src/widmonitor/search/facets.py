"""The facets a visitor narrows the search with: what each is called and where its codes come from.

Each published initiative's codes are stored as ``facet:code`` tokens in its SearchEntry.
Codes within one facet are alternatives (girls or women); facets combine (girls in Brussels).

The status is the exception: it is not the stored choice but the status shown on the day of
the search (``status_token``, ``Initiative.status_on``), because a record's status changes as
its dates pass and a stored "ongoing" without a date is no evidence that it runs today. Each
worker's snapshot and the finder compute it from the entry's dates, once a day.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from widmonitor.initiatives.models import Initiative, shown_status
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.digcomp import area_of
from widmonitor.vocabularies.models import Term


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter, e.g. audience
    label: str
    kind: str  # "objective", "sub_objective", "term" (with vocabulary), "choice" (with field) or "status" (shown)
    vocabulary: str = ""
    field: str = ""


FACETS = (
    Facet("objective", _("objective"), "objective"),
    Facet("sub_objective", _("sub-objective"), "sub_objective"),
    Facet("audience", _("target audience"), "term", vocabulary=Vocabulary.AUDIENCE, field="audiences"),
    Facet("region", _("region"), "term", vocabulary=Vocabulary.REGION, field="regions"),
    Facet("language", _("language"), "term", vocabulary=Vocabulary.LANGUAGE, field="languages"),
    Facet("format", _("format"), "term", vocabulary=Vocabulary.FORMAT, field="formats"),
    Facet("cost", _("cost"), "choice", field="cost"),
    Facet("sector", _("sector type"), "choice", field="sector"),
    Facet("status", _("status"), "status", field="status"),
)
BY_NAME = {facet.name: facet for facet in FACETS}
IMPLIED = "audience_implied"  # the token of an audience the strategy implies and the record does not state
DIGCOMP = "digcomp"  # what it develops, no facet of the search: ``digcomp:2.3`` and its area's ``digcomp:2``


def tokens(initiative, objectives_in_strategy, implied=None):
    """The ``facet:code`` tokens of an initiative whose relations are prefetched.

    ``implied`` maps an objective's pk to the audiences the strategy names for it
    (``ObjectiveQuerySet.implied_audiences``): an initiative serving it carries ``audience:code`` for
    each, as if stated, so that the facet and the coverage map count it, and ``audience_implied:code``
    for those its record does not state, so that the finder and the map know which are which.
    The DigComp areas and competences it develops give ``digcomp:3.4`` and ``digcomp:3`` (its area), for
    the self-check's initiatives that fit; they are no facet of the search.
    """
    found, named = [], set()
    for objective in initiative.objectives.all():
        if objective.pk not in objectives_in_strategy:
            continue
        named |= (implied or {}).get(objective.pk, set())
        if objective.parent_id:
            found += [f"sub_objective:{objective.code}", f"objective:{objectives_in_strategy[objective.parent_id]}"]
        else:
            found.append(f"objective:{objective.code}")
    for facet in FACETS:
        if facet.kind == "term":
            found += [f"{facet.name}:{term.code}" for term in getattr(initiative, facet.field).all()]
        elif facet.kind == "choice":
            found.append(f"{facet.name}:{getattr(initiative, facet.field)}")
    for term in initiative.digcomp.all():
        found += [f"{DIGCOMP}:{term.code}", f"{DIGCOMP}:{area_of(term.code)}"]
    stated = {token.partition(":")[2] for token in found if token.startswith("audience:")}
    found += [token for code in named - stated for token in (f"audience:{code}", f"{IMPLIED}:{code}")]
    return sorted(set(found))


def stated_audiences(tokens):
    """The audience codes an entry's record states (its ``audience:`` tokens less the implied ones)."""
    implied = {token.partition(":")[2] for token in tokens if token.startswith(f"{IMPLIED}:")}
    return {token.partition(":")[2] for token in tokens if token.startswith("audience:")} - implied


def status_token(day, starts_on, ends_on, stored):
    """The ``status:code`` token of the status shown on ``day`` for a record's first and last days and stored status."""
    return f"status:{shown_status(day, starts_on, ends_on, stored)}"


def options(facet):
    """``[(code, label)]`` a facet offers, in their natural order, in the active language."""
    if facet.kind in ("objective", "sub_objective"):
        objectives = Objective.objects.current()
        objectives = objectives.top_level() if facet.kind == "objective" else objectives.sub_objectives()
        return [(o.code, f"{o.code} {o.text('title')}") for o in objectives]
    if facet.kind == "term":
        return [(t.code, str(t)) for t in Term.objects.of(facet.vocabulary)]
    return [(value, str(label)) for value, label in Initiative._meta.get_field(facet.field).choices]
