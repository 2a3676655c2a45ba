"""The Women in Digital score, recomputed by widmonitor, and what moves it most.

This is not the European Commission's score. The Commission publishes its scores (Belgium's
are shown beside this one, ``indicators.commission_score``) and the structure of the index,
but not the normalisation it applies to the twelve indicators (see
``data/wid_scoreboard/METHODOLOGY.md``), so widmonitor cannot reproduce its numbers and says
so wherever it shows its own. It follows the structure the Commission's own data tool states
(``WID_SCOREBOARD``, restating ``data/wid_scoreboard/wid_indicator_structure.csv``): three
areas weighing a third each; six, three and three indicators weighing equally inside their
area (so 1/18 and 1/9 of the score; the source rounds these to 16.67 % and 33.3 % of the area).

Normalisation is min-max across the EU member states, for one year: the bounds are the lowest
and highest values observed among the member states that have a value, so the best member
state scores 100 and the worst 0. Min-max is what the Commission's methodological note says of
the related Digital Economy and Society Index (DESI), the only statement found; unlike DESI's,
widmonitor's bounds are those of the year itself, not held fixed across editions, because it
has no earlier editions' bounds. Where lower is better (people who never used the internet,
the gender pay gap) the scale is turned round: the lowest value scores 100. When every member
state has the same value, each scores 100. A country outside the Union or an aggregate is
placed on the same scale and may fall outside 0-100.

Every input is taken in one reference year (``reference_year``): normalising each input in
its own latest year would mix years in one number. A score is computed only when a country
has a value for every indicator in that year; otherwise its result lists the missing ones and
no score, area or partial sum is given: a number from a subset of the inputs is not the score.
Flags travel: a normalised value carries its own flags and those of the values at the bounds,
and a score carries all of them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .ranking import EU_MEMBER_STATES
from .values import Value, derive, merge_flags

LABEL = _("recomputed by widmonitor")
MISSING = _("Not computed: no value for %(indicators)s.")

STEP = 10.0
"""What moves the score most: the score gained if a normalised value rose by this many points,
at most up to the EU best (100)."""


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str  # as the source names it
    higher_is_better: bool = True


@dataclass(frozen=True)
class Area:
    code: str
    label: str
    indicators: tuple


WID_SCOREBOARD = (
    Area("wid_ui", "1 Use of internet", (
        Indicator("wid_ui_iu", "1.1 Regular internet use"),
        Indicator("wid_ui_nui", "1.2 People who never used the internet", higher_is_better=False),
        Indicator("wid_ui_ib", "1.3 Online banking"),
        Indicator("wid_ui_oc", "1.4 Doing an online course"),
        Indicator("wid_ui_part", "1.5 Online consultations or voting"),
        Indicator("wid_ui_egov", "1.6 eGovernment users"),
    )),
    Area("wid_ius", "2 Internet user skills", (
        Indicator("wid_ius_bs", "2.1 At least basic digital skills"),
        Indicator("wid_ius_abs", "2.2 Above basic digital skills"),
        Indicator("wid_ius_ss", "2.3 At least basic digital content creation skills"),
    )),
    Area("wid_sse", "3 Specialist skills and employment", (
        Indicator("wid_sse_stem", "3.1 STEM graduates"),
        Indicator("wid_sse_icts", "3.2 ICT specialists"),
        Indicator("wid_sse_gpg", "3.3 Gender pay gap", higher_is_better=False),
    )),
)  # fmt: skip


@dataclass(frozen=True)
class Bounds:
    indicator: str
    minimum: float | None
    maximum: float | None
    countries: int  # member states with a value
    higher_is_better: bool
    flags: str  # of the values at the bounds


@dataclass(frozen=True)
class Score:
    geo: str
    score: Value  # 0-100; missing when an input is
    areas: dict  # area code -> Value, the mean of its normalised indicators
    normalised: dict  # indicator code -> Value, 0-100
    missing: tuple  # indicator codes without a value, in the structure's order

    @property
    def label(self):
        return LABEL

    @property
    def message(self):
        """Which inputs are missing, in the active language; empty for a computed score."""
        return MISSING % {"indicators": ", ".join(self.missing)} if self.missing else ""


@dataclass(frozen=True)
class Lever:
    indicator: str
    normalised: Value
    gain: Value  # score points if the normalised value rose by STEP, up to 100
    gain_to_best: Value  # score points if it rose to the EU best (100)


def weights(structure=WID_SCOREBOARD):
    """Each indicator's share of the score: ``{"wid_ui_iu": 1/18, ..., "wid_sse_gpg": 1/9}``."""
    return {
        indicator.code: 1 / len(structure) / len(area.indicators)
        for area in structure
        for indicator in area.indicators
    }


def bounds(values, indicator):
    """The lowest and highest member-state values of one indicator, ``values`` being ``{geo: Value}``."""
    present = {geo: value for geo, value in values.items() if geo in EU_MEMBER_STATES and not value.missing}
    if not present:
        return Bounds(indicator.code, None, None, 0, indicator.higher_is_better, "")
    numbers = [value.number for value in present.values()]
    low, high = min(numbers), max(numbers)
    flags = merge_flags(*(value.flags for value in present.values() if value.number in (low, high)))
    return Bounds(indicator.code, low, high, len(present), indicator.higher_is_better, flags)


def normalise(value, limits):
    """A value on the 0-100 scale of its bounds (100 the best member state), flagged with the bounds' flags."""
    flags = merge_flags(value.flags, limits.flags)
    if value.missing or limits.minimum is None:
        return Value(None, flags)
    return Value(_scale(value.number, limits), flags)


def wid_scores(values, structure=WID_SCOREBOARD):
    """The recomputed score of every member state and every other geography in ``values``.

    ``values`` maps an indicator code to ``{geo: Value}`` for one year (the women's values,
    as the scoreboard rates women). Returns ``(bounds, scores)``: ``{indicator code: Bounds}``
    and ``{geo: Score}``.
    """
    indicators = [indicator for area in structure for indicator in area.indicators]
    limits = {indicator.code: bounds(values.get(indicator.code, {}), indicator) for indicator in indicators}
    geos = list(EU_MEMBER_STATES) + sorted(
        {geo for by_geo in values.values() for geo in by_geo} - set(EU_MEMBER_STATES)
    )
    return limits, {geo: _score(geo, values, limits, structure) for geo in geos}


def reference_year(years, geo):
    """The latest year in which ``geo`` has a value for the most inputs, or None.

    ``years`` maps an indicator code to ``{year: {geo: Value}}``. A year counts an input when
    ``geo``'s value is there and not missing.
    """
    counts = {}
    for by_year in years.values():
        for when, by_geo in by_year.items():
            if geo in by_geo and not by_geo[geo].missing:
                counts[when] = counts.get(when, 0) + 1
    return max(counts, key=lambda when: (counts[when], when)) if counts else None


def what_moves_the_score(score, structure=WID_SCOREBOARD, step=STEP):
    """The indicators ranked by the score points a rise of ``step`` normalised points would add.

    Ties are ordered by the gain up to the EU best, then by the structure's order. Empty for a
    score that could not be computed.
    """
    if score.score.missing:
        return []
    levers = [_lever(code, weight, score.normalised[code], step) for code, weight in weights(structure).items()]
    return sorted(levers, key=lambda lever: (-lever.gain.number, -lever.gain_to_best.number))


def _lever(code, weight, normalised, step):
    gain = derive(lambda number: weight * max(0.0, min(step, 100.0 - number)), normalised)
    to_best = derive(lambda number: weight * max(0.0, 100.0 - number), normalised)
    return Lever(code, normalised, gain, to_best)


def _scale(number, limits):
    span = limits.maximum - limits.minimum
    if not span:
        return 100.0
    above_low = (number - limits.minimum) / span
    return 100.0 * (above_low if limits.higher_is_better else 1.0 - above_low)


def _score(geo, values, limits, structure):
    normalised = {
        indicator.code: normalise(values.get(indicator.code, {}).get(geo, Value(None)), limits[indicator.code])
        for area in structure
        for indicator in area.indicators
    }
    missing = tuple(code for code, value in normalised.items() if value.missing)
    areas = {area.code: _mean([normalised[indicator.code] for indicator in area.indicators]) for area in structure}
    return Score(geo, _mean(list(areas.values())), areas, normalised, missing)


def _mean(values):
    return derive(lambda *numbers: sum(numbers) / len(numbers), *values)
