"""Where a gender gap stands and where it is heading, and how far a value is from its target.

Progress is judged on the gap itself, not as a growth rate: a rate divides by the starting
value and breaks near zero, which is exactly where a closing gap goes. The gap is women minus
men for an indicator with values for both, or the gap a source publishes as one figure, such as
the gender pay gap, (men − women) / men: its sign is the other way round, but the status only
depends on how far the gap is from zero and where it is heading, so it reads the same for both.
The status is read from the last observed gap and the trend of the series:

- ``at-parity``: the last gap is within ``AT_PARITY_WITHIN`` of zero (``PUBLISHED_GAP_AT_PARITY_WITHIN``
  for a published gap);
- ``too-few-points``: not at parity and fewer than ``trends.MIN_POINTS`` years with a value;
- ``stalled``: the trend moves less than ``STALLED_BELOW`` a year;
- ``closing``: the trend moves the gap towards zero;
- ``widening``: the trend moves it away from zero (also a reversed gap growing on the other side);
- ``no-data``: no year has a value.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from .gaps import PARITY_TOLERANCE, is_parity
from .trends import FLAT_SLOPE, trend
from .values import Value, derive

AT_PARITY_WITHIN = PARITY_TOLERANCE
"""1 in the indicator's unit (1 percentage point for percentages); see ``gaps.PARITY_TOLERANCE``."""

PUBLISHED_GAP_AT_PARITY_WITHIN = 0.0
"""A gap a source publishes as one figure (the pay gap, to one decimal) is at parity only at 0:
the tolerance above is for the difference of two survey shares, each rounded. Belgium's pay gap
of 0.7 % in 2022-2024 is a gap, closing since 2006, not parity."""

STALLED_BELOW = FLAT_SLOPE
"""0.2 a year in the indicator's unit; the same threshold makes a projection ``flat``."""


class Status(models.TextChoices):
    AT_PARITY = "at-parity", _("at parity")
    CLOSING = "closing", _("gap closing")
    STALLED = "stalled", _("gap stalled")
    WIDENING = "widening", _("gap widening")
    TOO_FEW_POINTS = "too-few-points", _("too few years to judge")
    NO_DATA = "no-data", _("no data")


@dataclass(frozen=True)
class Progress:
    status: Status
    year: int | None  # of the last observed gap
    gap: Value  # the last observed gap
    distance_to_parity: Value  # its size, whatever its sign
    slope: Value  # the gap's change per year; missing with too few years
    flags: str  # of every value the status rests on


def gap_progress(points, parity_within=AT_PARITY_WITHIN):
    """The status of a gap series (``(year, Value)`` pairs), with its distance to parity."""
    fitted = trend(points)
    status = _status(fitted.last, fitted.slope, parity_within)
    distance = derive(abs, fitted.last)
    return Progress(status, fitted.last_year, fitted.last, distance, fitted.slope, fitted.slope.flags)


def distance_to_target(value, target, higher_is_better=True):
    """How far a value still is from its target, in its unit; 0 once the target is met."""
    if higher_is_better:
        return derive(lambda number: max(0.0, target - number), value)
    return derive(lambda number: max(0.0, number - target), value)


def _status(last, slope, parity_within):
    if last.missing:
        return Status.NO_DATA
    if is_parity(last, parity_within):
        return Status.AT_PARITY
    if slope.missing:
        return Status.TOO_FEW_POINTS
    if abs(slope.number) < STALLED_BELOW:
        return Status.STALLED
    if (slope.number < 0) == (last.number > 0):
        return Status.CLOSING
    return Status.WIDENING
