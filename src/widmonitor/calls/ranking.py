"""The manager's table: each application's scores side by side, their spread, the weighted total and the rank.

Pure functions of plain numbers, so the rules read (and are tested) apart from the database:

- a criterion's score is the mean of the reviewers' scores, with its lowest, highest and
  standard deviation (of the scores given, as a population: two reviewers giving 2 and 4 have
  a deviation of 1);
- the merit is the criteria's means, each as a share of the call's highest score, weighted by
  the criteria's weights: 0 to 100;
- the total is the merit, or, when the call gives the gaps a weight of ``g`` percent,
  ``(100 - g)% × merit + g% × the share of the application's coverage cells that are gaps``;
- an application a criterion of which no reviewer has scored has no total and no rank: it is
  listed after the ranked ones, saying which criteria wait for a score;
- equal totals (to two decimals) share a rank, and the next rank skips (1, 2, 2, 4).
"""

from dataclasses import dataclass
from statistics import mean, pstdev


@dataclass(frozen=True)
class Spread:
    count: int
    mean: float | None
    low: int | None
    high: int | None
    deviation: float | None

    @classmethod
    def of(cls, values):
        if not values:
            return cls(0, None, None, None, None)
        return cls(len(values), mean(values), min(values), max(values), pstdev(values))


@dataclass
class Line:
    key: object  # the application's id
    spreads: list  # a Spread per criterion, in the criteria's order
    merit: float | None
    gap: float  # 0 to 100: the share of its cells that are gaps
    total: float | None
    rank: int | None = None

    @property
    def missing(self):
        """The positions (0-based) of the criteria nobody scored yet."""
        return [index for index, spread in enumerate(self.spreads) if spread.count == 0]


def merit(spreads, weights, score_max):
    """0 to 100, or None while a criterion has no score."""
    if any(spread.count == 0 for spread in spreads) or not weights:
        return None
    return 100 * sum(weight * spread.mean / score_max for spread, weight in zip(spreads, weights)) / sum(weights)


def total(merit_value, gap_share, gap_weight):
    if merit_value is None:
        return None
    return (100 - gap_weight) / 100 * merit_value + gap_weight / 100 * 100 * gap_share


def ranked(scores, weights, score_max, gap_shares, gap_weight):
    """``[Line]`` best first; ``scores`` is ``{key: [[values of criterion 1], [values of criterion 2], ...]}``,
    ``gap_shares`` ``{key: 0 to 1}``, ``gap_weight`` a percentage."""
    lines = []
    for key, per_criterion in scores.items():
        spreads = [Spread.of(values) for values in per_criterion]
        value = merit(spreads, weights, score_max)
        share = gap_shares.get(key, 0)
        lines.append(Line(key, spreads, value, 100 * share, total(value, share, gap_weight)))
    complete = sorted((line for line in lines if line.total is not None), key=lambda line: -round(line.total, 2))
    previous = None
    for position, line in enumerate(complete, start=1):
        line.rank = previous.rank if previous and round(previous.total, 2) == round(line.total, 2) else position
        previous = line
    return complete + [line for line in lines if line.total is None]
