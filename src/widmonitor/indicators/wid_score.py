"""The Women in Digital score as the indicator list shows it: the Commission's published scores
for Belgium (``commission_score``) and, apart, widmonitor's recomputation (``computations.score``)
with each of its inputs in one reference year.

The recomputation's inputs are the member states' values for women (the pay gap as it is, being
itself a gap), from the Eurostat series only: published figures give Belgium's value but not the
other member states' that the normalisation needs.
"""

from dataclasses import dataclass

from django.db.models import Q

from .commission_score import published_scores
from .computations.score import WID_SCOREBOARD, reference_year, what_moves_the_score, wid_scores
from .computations.values import Value
from .models import Observation
from .presentation import HOME, catalogue, indicator_unit, title, year


@dataclass(frozen=True)
class ScoreInput:
    """One of the twelve inputs in the reference year."""

    code: str
    title: str
    unit: str  # its unit, in words
    dataset: str  # the Eurostat dataset its values come from
    value: Value  # Belgium's value for women (the gap, for the pay gap)
    normalised: Value  # on the 0-100 scale of the member states that year
    bounds: object  # computations.score.Bounds: lowest, highest, member states with a value
    years: tuple  # the years Belgium has a value in, oldest first

    @property
    def has_value(self):
        return not self.value.missing

    @property
    def years_label(self):
        """The years as runs: "2006–2024", "2021, 2023, 2025"; "" for none."""
        runs = []
        for when in self.years:
            if runs and when == runs[-1][1] + 1:
                runs[-1][1] = when
            else:
                runs.append([when, when])
        return ", ".join(f"{low}–{high}" if high > low else str(low) for low, high in runs)


@dataclass(frozen=True)
class ScoreView:
    published: list  # commission_score.Edition, oldest first
    year: int | None  # the reference year of the recomputation
    score: object  # computations.score.Score of Belgium in that year
    inputs: list  # ScoreInput, in the scoreboard's order
    levers: list  # (title, Lever), what moves the score most, best first; empty unless computed

    @property
    def computed(self):
        return not self.score.score.missing

    @property
    def with_value(self):
        return sum(1 for item in self.inputs if item.has_value)

    @property
    def missing(self):
        return [item.title for item in self.inputs if not item.has_value]


def input_values():
    """``{indicator code: {year: {geo: Value}}}`` of the twelve inputs, from Eurostat, in each indicator's unit."""
    known = catalogue()
    codes = [item.code for area in WID_SCOREBOARD for item in area.indicators if item.code in known]
    gaps = [code for code in codes if known[code].source.kind == "gap"]
    women = [code for code in codes if code not in gaps]
    rows = Observation.objects.from_eurostat().filter(Q(indicator__in=gaps, sex="") | Q(indicator__in=women, sex="F"), value__isnull=False)
    found = {}
    for code, unit, geo, period, value, flags in rows.values_list("indicator", "unit", "geo", "period", "value", "flags"):
        if unit == known[code].unit and year(period) is not None:
            found.setdefault(code, {}).setdefault(year(period), {})[geo] = Value(value, flags)
    return found


def score_view():
    """What the list page shows of the score."""
    by_year = input_values()
    wanted = reference_year(by_year, HOME)
    limits, scores = wid_scores({code: years.get(wanted, {}) for code, years in by_year.items()})
    score = scores[HOME]
    known = catalogue()
    inputs = []
    for area in WID_SCOREBOARD:
        for item in area.indicators:
            indicator = known.get(item.code)
            years = by_year.get(item.code, {})
            inputs.append(ScoreInput(
                code=item.code,
                title=title(indicator) if indicator else item.label,
                unit=indicator_unit(indicator) if indicator else "",
                dataset=indicator.source.dataset if indicator else "",
                value=years.get(wanted, {}).get(HOME, Value(None)),
                normalised=score.normalised[item.code],
                bounds=limits[item.code],
                years=tuple(sorted(when for when, by_geo in years.items() if HOME in by_geo)),
            ))  # fmt: skip
    names = {item.code: item.title for item in inputs}
    levers = [(names[lever.indicator], lever) for lever in what_moves_the_score(score)[:3]]
    return ScoreView(published_scores(), wanted, score, inputs, levers)
