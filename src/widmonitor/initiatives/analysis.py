"""Published lists against the registry: counts computed from records beside the counts a report stated."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from widmonitor.vocabularies.choices import Sector

from .models import PublishedList, PublishedListEntry

STATED_SECTORS = (Sector.PRIVATE, Sector.PUBLIC, Sector.MIXED)


@dataclass
class ListAnalysis:
    document: str
    section: str
    objective_code: str
    objective_title: str
    bullets: int
    initiatives: int
    computed: dict
    stated: dict
    stated_text: str
    note: str
    discrepancies: list = field(default_factory=list)

    @property
    def stated_breakdown_total(self):
        parts = [self.stated[s] for s in STATED_SECTORS if self.stated[s] is not None]
        return sum(parts) if parts else None


def analyse(document=None):
    """One ListAnalysis per published list (of ``document``, or all), in report order."""
    lists = PublishedList.objects.select_related("objective").prefetch_related(
        Prefetch("entries", queryset=PublishedListEntry.objects.select_related("initiative"))
    )
    if document:
        lists = lists.filter(document=document)
    return [analyse_list(published) for published in lists]


def analyse_list(published):
    entries = list(published.entries.all())
    initiatives = {entry.initiative_id: entry.initiative for entry in entries}
    computed = {sector: 0 for sector in Sector.values}
    for initiative in initiatives.values():
        computed[initiative.sector] += 1
    result = ListAnalysis(
        document=published.document,
        section=published.section,
        objective_code=published.objective.code,
        objective_title=str(published.objective.text("title")),
        bullets=len(entries),
        initiatives=len(initiatives),
        computed=computed,
        stated={
            "total": published.stated_total,
            Sector.PRIVATE: published.stated_private,
            Sector.PUBLIC: published.stated_public,
            Sector.MIXED: published.stated_mixed,
        },
        stated_text=published.stated_text,
        note=published.note,
    )
    result.discrepancies = discrepancies(result)
    return result


def discrepancies(result):
    """What provably disagrees: sentences a reader can act on, in the active language."""
    found = []
    stated_total = result.stated["total"]
    breakdown = result.stated_breakdown_total
    if stated_total is not None and stated_total != result.bullets:
        found.append(
            ngettext(
                "The report states %(stated)s initiatives but lists %(bullets)s bullet.",
                "The report states %(stated)s initiatives but lists %(bullets)s bullets.",
                result.bullets,
            )
            % {"stated": stated_total, "bullets": result.bullets}
        )
    elif stated_total is None and breakdown is not None and breakdown != result.bullets:
        found.append(
            ngettext(
                "The report's breakdown by type implies %(stated)s initiatives but it lists %(bullets)s bullet.",
                "The report's breakdown by type implies %(stated)s initiatives but it lists %(bullets)s bullets.",
                result.bullets,
            )
            % {"stated": breakdown, "bullets": result.bullets}
        )
    if stated_total is not None and breakdown is not None and breakdown != stated_total:
        found.append(
            _("The stated breakdown by type adds up to %(sum)s, not to the stated total of %(stated)s.")
            % {"sum": breakdown, "stated": stated_total}
        )
    if result.bullets != result.initiatives:
        found.append(
            ngettext(
                "%(bullets)s bullets describe %(count)s distinct initiative.",
                "%(bullets)s bullets describe %(count)s distinct initiatives.",
                result.initiatives,
            )
            % {"bullets": result.bullets, "count": result.initiatives}
        )
    unknown = result.computed[Sector.UNKNOWN]
    for sector in STATED_SECTORS:
        stated = result.stated[sector]
        if stated is None:
            continue
        computed = result.computed[sector]
        if computed > stated or computed + unknown < stated:
            found.append(
                _("%(sector)s: the report states %(stated)s, the registry has %(computed)s (and %(unknown)s of unknown type).")
                % {"sector": Sector(sector).label, "stated": stated, "computed": computed, "unknown": unknown}
            )
    return found
