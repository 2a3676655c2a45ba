"""Change between periods, the trend of a series, and the year a gap or target is reached.

A series is a list of ``(year, Value)`` pairs in any order. Missing values are left out and
missing years are simply absent: the trend is a least-squares line through the years that have
a value, so 2019, 2021 and 2023 give a slope per year, not per observation.

A projection starts from the last observed value and goes on at the trend's pace; it gives the
first whole year in which the value reaches the target, or no year and a reason:
``too-few-points`` (fewer than ``MIN_POINTS`` years with a value), ``flat`` (the trend moves
less than ``FLAT_SLOPE`` a year) or ``diverging`` (it moves away from the target).
"""

import math
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .gaps import PARITY_TOLERANCE
from .values import Value, derive, merge_flags

MIN_POINTS = 3
"""Years with a value needed for a trend. Two years give a change, not a trend."""

FLAT_SLOPE = 0.2
"""A trend moving less than this a year (in the indicator's unit: 0.2 percentage points for
percentages) counts as flat: it would take 50 years to move 10 points."""

REASONS = {
    "too-few-points": _("Too few years with data for a trend: %(count)s, at least %(needed)s needed."),
    "flat": _("The trend is flat: it moves less than %(threshold)s a year."),
    "diverging": _("The trend moves away from %(target)s."),
}


@dataclass(frozen=True)
class Trend:
    slope: Value  # change per year; missing with fewer than MIN_POINTS years
    points: int  # years with a value
    last_year: int | None
    last: Value  # the latest value observed


@dataclass(frozen=True)
class Projection:
    year: int | None
    flags: str = ""
    reached: bool = False  # the last observed value already meets the target; year is that year
    reason: str = ""  # a code of REASONS when year is None
    params: dict = field(default_factory=dict)

    @property
    def message(self):
        """Why no year is projected, in the active language; empty when there is a year."""
        return REASONS[self.reason] % self.params if self.reason else ""


def change(earlier, later):
    """How much the value moved from the earlier to the later period: later minus earlier."""
    return derive(lambda before, after: after - before, earlier, later)


def observed(points):
    """The pairs that have a value, by year; two values for one year is a caller's mistake."""
    pairs = sorted(((year, value) for year, value in points if not value.missing), key=lambda pair: pair[0])
    years = [year for year, _value in pairs]
    if len(set(years)) != len(years):
        raise ValueError(f"two values for the same year: {years}")
    return pairs


def trend(points):
    """The least-squares slope per year through the years that have a value, flagged with their flags."""
    pairs = observed(points)
    flags = merge_flags(*(value.flags for _year, value in pairs))
    last_year, last = pairs[-1] if pairs else (None, Value(None))
    if len(pairs) < MIN_POINTS:
        return Trend(Value(None, flags), len(pairs), last_year, last)
    mean_year = sum(year for year, _value in pairs) / len(pairs)
    mean_value = sum(value.number for _year, value in pairs) / len(pairs)
    covariance = sum((year - mean_year) * (value.number - mean_value) for year, value in pairs)
    spread = sum((year - mean_year) ** 2 for year, _value in pairs)
    return Trend(Value(covariance / spread, flags), len(pairs), last_year, last)


def year_of_parity(points, tolerance=PARITY_TOLERANCE):
    """The year a gap series reaches zero at its trend's pace; reached when the last gap is within ``tolerance``."""
    fitted = trend(points)
    reached = not fitted.last.missing and abs(fitted.last.number) <= tolerance
    return _project(fitted, target=0.0, reached=reached)


def year_of_target(points, target, higher_is_better=True):
    """The year a series reaches ``target`` (at least it, or at most it when lower is better)."""
    fitted = trend(points)
    last = fitted.last.number
    reached = last is not None and (last >= target if higher_is_better else last <= target)
    return _project(fitted, target=target, reached=reached)


def _project(fitted, target, reached):
    flags = fitted.slope.flags
    if reached:
        return Projection(fitted.last_year, flags, reached=True)
    if fitted.slope.missing:
        return Projection(None, flags, reason="too-few-points", params={"count": fitted.points, "needed": MIN_POINTS})
    slope = fitted.slope.number
    if abs(slope) < FLAT_SLOPE:
        return Projection(None, flags, reason="flat", params={"threshold": format(FLAT_SLOPE, "g")})
    years = round((target - fitted.last.number) / slope, 9)  # 9 decimals: 3.0000000001 years is 3
    if years < 0:
        return Projection(None, flags, reason="diverging", params={"target": format(target, "g")})
    return Projection(fitted.last_year + math.ceil(years), flags)
