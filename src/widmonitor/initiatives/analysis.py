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
    in_text: int = 0  # initiatives the list counts in its text, not as bullets

    @property
    def needs_reading(self):
        """Whether the list's bullets are not simply its initiatives (the note says how it is read)."""
        return self.bullets != self.initiatives or self.in_text > 0

    @property
    def stated_breakdown_total(self):
        parts = [self.stated[s] for s in STATED_SECTORS if self.stated[s] is not None]
        return sum(parts) if parts else None


def list_note(note):
    """A list's note in the active language: its translation in the catalogue (the bundled lists'
    notes are marked for translation in ``list_notes``), else as the registry gives it, in English."""
    return _(note) if note else ""


def analyse(document=None):
    """One ListAnalysis per published list (of ``document``, or all), in report order."""
    lists = PublishedList.objects.select_related("objective").prefetch_related(
        Prefetch("entries", queryset=PublishedListEntry.objects.select_related("initiative"))
    )
    if document:
        lists = lists.filter(document=document)
    return [analyse_list(published) for published in lists]


def analyse_list(published):
    """``published`` compared: its bullets, the distinct initiatives of its entries (bullets and the
    initiatives its text counts), their sector types, and the counts it stated."""
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
        bullets=sum(1 for entry in entries if entry.bullet),
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
        in_text=sum(1 for entry in entries if not entry.bullet),
    )
    result.discrepancies = discrepancies(result)
    return result


def discrepancies(result):
    """What provably disagrees: sentences a reader can act on, in the active language.

    The stated counts count initiatives, so they are compared with the list's distinct initiatives:
    two bullets about one initiative, or an initiative the list counts in its text rather than as a
    bullet, are the list's reading (its note says so), not a disagreement.
    """
    found = []
    stated_total = result.stated["total"]
    breakdown = result.stated_breakdown_total
    if stated_total is not None and stated_total != result.initiatives:
        found.append(count_sentence(result, stated_total, stated=True))
    elif stated_total is None and breakdown is not None and breakdown != result.initiatives:
        found.append(count_sentence(result, breakdown, stated=False))
    if stated_total is not None and breakdown is not None and breakdown != stated_total:
        found.append(
            _("The stated breakdown by type adds up to %(sum)s, not to the stated total of %(stated)s.")
            % {"sum": breakdown, "stated": stated_total}
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


def count_sentence(result, claimed, stated):
    """The stated total (``stated``) or the total the breakdown implies, against the list's initiatives."""
    values = {"stated": claimed, "bullets": result.bullets, "count": result.initiatives}
    if result.bullets == result.initiatives and stated:
        return ngettext(
            "The report states %(stated)s initiatives but lists %(bullets)s bullet.",
            "The report states %(stated)s initiatives but lists %(bullets)s bullets.",
            result.bullets,
        ) % values
    if result.bullets == result.initiatives:
        return ngettext(
            "The report's breakdown by type implies %(stated)s initiatives but it lists %(bullets)s bullet.",
            "The report's breakdown by type implies %(stated)s initiatives but it lists %(bullets)s bullets.",
            result.bullets,
        ) % values
    if stated:
        return ngettext(
            "The report states %(stated)s initiatives but its list counts %(count)s distinct initiative (%(bullets)s bullets).",
            "The report states %(stated)s initiatives but its list counts %(count)s distinct initiatives (%(bullets)s bullets).",
            result.initiatives,
        ) % values
    return ngettext(
        "The report's breakdown by type implies %(stated)s initiatives but its list counts %(count)s distinct initiative (%(bullets)s bullets).",
        "The report's breakdown by type implies %(stated)s initiatives but its list counts %(count)s distinct initiatives (%(bullets)s bullets).",
        result.initiatives,
    ) % values
