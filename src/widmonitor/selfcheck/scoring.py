"""Complete answers become a result: a level per competence and per area, what she can do, what to learn next.

- A competence's level is the number of its levels answered "yes" from the lowest (0 to 3; the
  walk skips the statements above a "not yet").
- An area's score is the mean of its competences' levels (one decimal); its level is that mean
  rounded down, so an area is "intermediate" when its competences reach intermediate on average.
- What she can do: the statement of the highest level she reached, per competence.
- What to learn next: the statement of the level above, per competence below "advanced".
- Areas to improve: those below "advanced", lowest score first (then by code).
"""

import math
from dataclasses import dataclass

from .framework import LEVEL_NAMES, LEVELS


@dataclass(frozen=True)
class CompetenceResult:
    competence: object
    level: int  # 0 to 3

    @property
    def level_name(self):
        return LEVEL_NAMES[self.level]

    @property
    def can(self):
        """The statement of her highest level, or "" when she is getting started."""
        return self.competence.statement(LEVELS[self.level - 1]) if self.level else ""

    @property
    def next(self):
        """The statement of the level above, or "" at the highest level asked."""
        return self.competence.statement(LEVELS[self.level]) if self.level < len(LEVELS) else ""


@dataclass(frozen=True)
class AreaResult:
    area: object
    competences: tuple  # CompetenceResults

    @property
    def score(self):
        return round(sum(c.level for c in self.competences) / len(self.competences), 1)

    @property
    def level(self):
        return math.floor(sum(c.level for c in self.competences) / len(self.competences))

    @property
    def level_name(self):
        return LEVEL_NAMES[self.level]

    @property
    def percent(self):
        """The score as a share of the highest level, for the bar of the chart."""
        return round(100 * self.score / len(LEVELS))


@dataclass(frozen=True)
class Result:
    areas: tuple  # AreaResults

    @property
    def to_improve(self):
        low = [a for a in self.areas if a.level < len(LEVELS)]
        return sorted(low, key=lambda a: (a.score, a.area.code))

    @property
    def can(self):
        """The CompetenceResults with a level reached, in the framework's order."""
        return [c for a in self.areas for c in a.competences if c.level]

    def levels(self):
        """``{competence code: level}``, for the JSON download and the tests."""
        return {c.competence.code: c.level for a in self.areas for c in a.competences}


def score(answers):
    """The Result of complete ``answers`` (an answers.Answers)."""
    return Result(
        tuple(AreaResult(area, tuple(CompetenceResult(c, answers.reached(c.code)) for c in area.competences)) for area in answers.framework.areas)
    )
