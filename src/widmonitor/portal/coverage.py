"""The coverage map: how many published initiatives serve each sub-objective for each audience and region.

It answers the working group's question "where does nobody act?". Counts come from the
search's ``SearchEntry`` tokens, read in one query and counted in Python (an initiative counts
once in a cell when it carries both the sub-objective's and the column's token), so the map
costs the same few queries whatever the number of cells. Every cell carries the query string
of the search that lists the initiatives it counts.

An audience counts whether the record states it or the strategy implies it for the
sub-objective (``search.facets``: objective 1 implies girls). A cell says "nobody" only where
the records know: a cell of no initiative is "not known" when some of its row's initiatives do
not say where they work (the region table) or for whom (the audience table: no stated
audience), and its row says how many; a record's implied audiences do not say that it is for
nobody else.

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

from widmonitor.search.facets import stated_audiences
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
    lacking: int = 0  # the row's initiatives that do not say the column's field (where, or for whom)

    @property
    def level(self):
        """``none``, ``unknown``, ``thin`` or ``covered``: what the map marks (with a symbol and a word, not colour alone).

        No initiative is "none" (nobody acts) only when every initiative of its row says where, or for
        whom, it works; else it is "unknown": one of those that do not say may well act there.
        """
        if self.count == 0:
            return "unknown" if self.lacking else "none"
        return "thin" if self.count <= THIN else "covered"


@dataclass
class Row:
    objective: Objective  # a sub-objective
    total: Cell
    cells: list = field(default_factory=list)
    lacking: int = 0  # its initiatives that do not say the table's field


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
    sub_objectives: list  # every sub-objective whose initiatives all say for whom, none for the band: nobody
    not_known: list = field(default_factory=list)  # [(sub-objective, its Cell)]: none for the band, some saying for no one


class Counts:
    """The published initiatives' tokens, counted once: per sub-objective, per sub-objective and column, and
    per sub-objective the initiatives that do not say where (``region``) or for whom (``audience``)."""

    def __init__(self):
        self.single, self.pairs, self.lacking = Counter(), Counter(), Counter()
        for tokens in SearchEntry.objects.values_list("facets", flat=True):
            tokens = tokens.split()
            subs = [token.partition(":")[2] for token in tokens if token.startswith("sub_objective:")]
            others = [token for token in tokens if token.startswith(("audience:", "region:"))]
            self.single.update(subs)
            self.pairs.update((sub, token) for sub in subs for token in others)
            if not stated_audiences(tokens):
                self.lacking.update(("audience", sub) for sub in subs)
            if not any(token.startswith("region:") for token in tokens):
                self.lacking.update(("region", sub) for sub in subs)

    def cell(self, sub_objective, facet, code, column=""):
        query = SearchQuery(selected=(("sub_objective", (sub_objective,)), (facet, (code,))))
        return Cell(self.pairs[(sub_objective, f"{facet}:{code}")], query.params(), column, self.lacking[(facet, sub_objective)])

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
        cells = [counts.cell(sub.code, facet, code, label) for code, label in cols]
        row = Row(sub, counts.total(sub.code), cells, counts.lacking[(facet, sub.code)])
        groups[sub.parent_id].rows.append(row)
    return Table(facet, cols, [group for group in groups.values() if group.rows])


def age_band_gaps(counts):
    """For each age band the strategy names (``Objective.age_band``), the sub-objectives nobody serves for it.

    A cell counts initiatives with exactly that age band's code, stated or implied (the
    sub-objective naming the band implies it for its initiatives); an initiative for "girls"
    without an age band does not fill an age band. A sub-objective with none for the band is
    "nobody" only when all its initiatives say for whom they work, else "not known".
    """
    subs = list(Objective.objects.current().sub_objectives())
    named = {}
    for objective in Objective.objects.current().exclude(age_band=""):
        named.setdefault(objective.age_band, []).append(objective)
    bands = Term.objects.of(Vocabulary.AUDIENCE).filter(code__in=named)
    gaps = []
    for band in bands:
        empty = [(sub, cell) for sub in subs if (cell := counts.cell(sub.code, "audience", band.code)).count == 0]
        gaps.append(
            Gap(
                band,
                [(sub, counts.cell(sub.code, "audience", band.code)) for sub in named[band.code]],
                [sub for sub, cell in empty if cell.level == "none"],
                [(sub, cell) for sub, cell in empty if cell.level == "unknown"],
            )
        )
    return gaps
