"""The coverage map: how many published initiatives serve each sub-objective for each audience and region.

It answers the working group's question "where does nobody act?". Counts come from the
search's ``SearchEntry`` tokens, read in one query and counted in Python (an initiative counts
once in a cell when it carries both the sub-objective's and the column's token), so the map
costs the same few queries whatever the number of cells. Every cell carries the query string
of the search that lists the initiatives it counts.

The map is of the registry, not of a year: it counts every published record whatever its
period, as the search it links to lists them, and claims nothing about when they run. What ran
in a year, on evidence, is the annual report's (``InitiativeQuerySet.running_in_year``); the
status a visitor can filter the linked search by is the one shown today (``search.facets``).

The audience list is too wide for one table (28 codes), so its columns come in groups the
visitor picks with a GET form: age bands, people, roles, organisations. A code of the
vocabulary that no group names lands in "other", so a new code never disappears.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from widmonitor.search.models import SearchEntry
from widmonitor.search.query import SearchQuery
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.models import Term

THIN = 2  # a cell with 1 or 2 initiatives is thin: one partner stopping leaves it (almost) empty

AUDIENCE_GROUPS = {
    "ages": (_("age bands"), ("age-lt6", "age-6-12", "age-12-18", "age-17-18", "age-18-plus")),
    "people": (
        _("people"),
        ("children", "young-people", "girls", "women", "women-foreign-origin", "vulnerable-groups", "people-with-disability", "everyone"),
    ),
    "roles": (
        _("roles"),
        ("students", "job-seekers", "employees", "entrepreneurs", "managers", "teachers", "parents", "experts", "journalists-media"),
    ),
    "organisations": (
        _("organisations"),
        ("schools", "companies", "hr-recruiters", "public-bodies", "non-profits", "organisations"),
    ),
}
DEFAULT_GROUP = "people"
OTHER_GROUP = "other"


@dataclass(frozen=True)
class Cell:
    count: int
    params: str  # query string of the search listing these initiatives
    column: str = ""  # the column's label, for a reader who meets the cell out of its table

    @property
    def level(self):
        """``none``, ``thin`` or ``covered``: what the map marks (with a symbol and a word, not colour alone)."""
        if self.count == 0:
            return "none"
        return "thin" if self.count <= THIN else "covered"


@dataclass
class Row:
    objective: Objective  # a sub-objective
    total: Cell
    cells: list = field(default_factory=list)


@dataclass
class Group:
    objective: Objective  # a top-level objective, heading its sub-objectives' rows
    rows: list = field(default_factory=list)


@dataclass
class Table:
    facet: str  # "audience" or "region"
    columns: list  # [(code, label)]
    groups: list  # [Group]


@dataclass(frozen=True)
class Gap:
    """An age band the strategy names, and the sub-objectives no published initiative for it serves."""

    band: Term
    named_by: list  # [(sub-objective whose age band it is, its Cell for the band)]
    sub_objectives: list  # every sub-objective with no initiative for the band


class Counts:
    """The published initiatives' tokens, counted once: per sub-objective and per sub-objective and column."""

    def __init__(self):
        self.single, self.pairs = Counter(), Counter()
        for tokens in SearchEntry.objects.values_list("facets", flat=True):
            tokens = tokens.split()
            subs = [token.partition(":")[2] for token in tokens if token.startswith("sub_objective:")]
            others = [token for token in tokens if token.startswith(("audience:", "region:"))]
            self.single.update(subs)
            self.pairs.update((sub, token) for sub in subs for token in others)

    def cell(self, sub_objective, facet, code, column=""):
        query = SearchQuery(selected=(("sub_objective", (sub_objective,)), (facet, (code,))))
        return Cell(self.pairs[(sub_objective, f"{facet}:{code}")], query.params(), column)

    def total(self, sub_objective):
        return Cell(self.single[sub_objective], SearchQuery(selected=(("sub_objective", (sub_objective,)),)).params())


def audience_groups():
    """``[(key, label)]`` of the column groups, "other" last and only when the vocabulary has codes no group names."""
    groups = [(key, label) for key, (label, _codes) in AUDIENCE_GROUPS.items()]
    if other_audiences():
        groups.append((OTHER_GROUP, _("other")))
    return groups


def other_audiences():
    named = {code for _label, codes in AUDIENCE_GROUPS.values() for code in codes}
    return [code for code in Term.objects.of(Vocabulary.AUDIENCE).values_list("code", flat=True) if code not in named]


def region_columns():
    return columns(Vocabulary.REGION)


def columns(vocabulary, codes=None):
    """``[(code, label)]`` of ``vocabulary`` in its order, limited to ``codes`` when given."""
    terms = Term.objects.of(vocabulary)
    return [(t.code, str(t)) for t in terms if codes is None or t.code in codes]


def audience_columns(group):
    """The audience columns of ``group`` (a key of AUDIENCE_GROUPS, or "other"); an unknown key gives the default."""
    if group == OTHER_GROUP:
        return columns(Vocabulary.AUDIENCE, set(other_audiences()))
    return columns(Vocabulary.AUDIENCE, set(AUDIENCE_GROUPS.get(group, AUDIENCE_GROUPS[DEFAULT_GROUP])[1]))


def table(counts, facet, cols):
    """Sub-objectives (rows, grouped under their objectives, in the strategy's order) × ``cols``."""
    groups = {}
    objectives = Objective.objects.current().select_related("parent")
    for objective in objectives.top_level():
        groups[objective.pk] = Group(objective)
    for sub in objectives.sub_objectives():
        row = Row(sub, counts.total(sub.code), [counts.cell(sub.code, facet, code, label) for code, label in cols])
        groups[sub.parent_id].rows.append(row)
    return Table(facet, cols, [group for group in groups.values() if group.rows])


def age_band_gaps(counts):
    """For each age band the strategy names (``Objective.age_band``), the sub-objectives nobody serves for it.

    A cell counts initiatives tagged with exactly that age band's code; an initiative for
    "girls" without an age band does not fill an age band.
    """
    subs = list(Objective.objects.current().sub_objectives())
    named = {}
    for objective in Objective.objects.current().exclude(age_band=""):
        named.setdefault(objective.age_band, []).append(objective)
    bands = Term.objects.of(Vocabulary.AUDIENCE).filter(code__in=named)
    return [
        Gap(
            band,
            [(sub, counts.cell(sub.code, "audience", band.code)) for sub in named[band.code]],
            [sub for sub in subs if not counts.pairs[(sub.code, f"audience:{band.code}")]],
        )
        for band in bands
    ]
