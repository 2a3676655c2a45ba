"""The gender gap, the ratio of women to men, and women's share of a total.

The gap computed here is women minus men, in the indicator's unit: percentage points when both
values are percentages. It is negative when women are below men and positive when men are below
women. An indicator whose one series already is a gap has its own definition, and its own sign:
the gender pay gap is (men − women) / men, positive when women earn less (``Indicator.is_gap``).
"""

from .values import derive

PARITY_TOLERANCE = 1.0
"""A gap within this distance of zero (in the indicator's unit, so 1 percentage point for
percentages) counts as parity. Eurostat publishes most survey shares rounded to whole or tenth
percentages, so a smaller gap says little about a real difference."""


def gap(women, men):
    """Women minus men: ``gap(Value(48), Value(52)) == Value(-4)``."""
    return derive(lambda w, m: w - m, women, men)


def ratio(women, men):
    """Women divided by men: 1 at parity; missing when the men's value is zero."""
    return derive(lambda w, m: w / m if m else None, women, men)


def share_of_women(women, total):
    """Women as a percentage of a total, from counts (e.g. thousands of ICT specialists); missing for a zero total."""
    return derive(lambda w, t: 100 * w / t if t else None, women, total)


def is_parity(value, tolerance=PARITY_TOLERANCE):
    """Whether a gap lies within ``tolerance`` of zero; ``False`` for a missing gap."""
    return not value.missing and abs(value.number) <= tolerance
