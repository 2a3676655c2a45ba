"""The gap view: which cells of the coverage map an application would serve where few or no initiatives act today.

It reads the coverage map's own counts (``portal.coverage.Counts``), so a cell here says what
the same cell of /coverage/ says. The map has two tables, sub-objective × audience and
sub-objective × region; an application serves, in each, the cells of the sub-objectives it
names crossed with the audiences (resp. regions) it names. A cell is a gap when the map marks
it "none" (no published initiative, and every initiative of its row says for whom or where it
works) or "thin" (1 to ``THIN`` = 2 initiatives: "few" means at most two). A cell the map marks
"not known" (no initiative, but some of its row's do not say) is shown apart and is not a gap.
The share of gap cells among all the application's cells is what the ranking can weigh.
"""

from dataclasses import dataclass

from widmonitor.portal.coverage import THIN, Counts
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term

GAP_LEVELS = ("none", "thin")
FEW = THIN


@dataclass(frozen=True)
class GapCell:
    sub_objective: Objective
    facet: str  # "audience" or "region"
    term: Term
    cell: object  # portal.coverage.Cell

    @property
    def is_gap(self):
        return self.cell.level in GAP_LEVELS


@dataclass(frozen=True)
class GapView:
    cells: list  # [GapCell] every cell the application would serve

    @property
    def gaps(self):
        return [cell for cell in self.cells if cell.is_gap]

    @property
    def not_known(self):
        return [cell for cell in self.cells if cell.cell.level == "unknown"]

    @property
    def share(self):
        """0 to 1: the application's cells that are gaps."""
        return len(self.gaps) / len(self.cells) if self.cells else 0


def gap_view(application, counts=None):
    """The cells ``application`` would serve, each with the coverage map's count and level; ``counts`` read once
    for many applications (``Counts()``)."""
    counts = counts or Counts()
    subs = list(application.sub_objectives.order_by("position"))
    cells = []
    for facet, terms in (("audience", application.audiences.all()), ("region", application.regions.all())):
        for sub in subs:
            for term in terms:
                cells.append(GapCell(sub, facet, term, counts.cell(sub.code, facet, term.code, str(term))))
    return GapView(cells)
