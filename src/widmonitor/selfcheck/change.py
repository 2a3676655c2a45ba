"""An initiative's anonymous change per area: the mean level of its participants at the start and at the end.

Only complete pairs count (a start without an end does not), and only from ``MIN_PAIRS`` pairs
up: fewer say "not enough answers yet" and show no figure, so that nobody's answers can be read
out of a small group. An area's level is the mean of its competences' levels, 0 to 3, as on
the result page (``scoring.AreaResult.score``).
"""

from dataclasses import dataclass

from .framework import framework

MIN_PAIRS = 10


@dataclass(frozen=True)
class AreaChange:
    area: object  # framework.Area
    before: float
    after: float

    @property
    def difference(self):
        return round(self.after - self.before, 2)


@dataclass(frozen=True)
class Change:
    pairs: int  # complete pairs counted
    started: int  # participants with a start, paired or not
    areas: tuple = ()  # AreaChanges; empty below MIN_PAIRS

    @property
    def enough(self):
        return self.pairs >= MIN_PAIRS


def area_mean(levels, area):
    return sum(levels.get(c.code, 0) for c in area.competences) / len(area.competences)


def change_of(pairs, started=None):
    """The Change of ``pairs`` ``[(before levels, after levels)]``, ``{code: level}`` each."""
    pairs = list(pairs)
    started = len(pairs) if started is None else started
    if len(pairs) < MIN_PAIRS:
        return Change(len(pairs), started)
    areas = tuple(
        AreaChange(
            area,
            round(sum(area_mean(before, area) for before, _after in pairs) / len(pairs), 2),
            round(sum(area_mean(after, area) for _before, after in pairs) / len(pairs), 2),
        )
        for area in framework().areas
    )
    return Change(len(pairs), started, areas)
