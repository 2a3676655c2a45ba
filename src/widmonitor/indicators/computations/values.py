"""A statistical value with its Eurostat flags, and how flags combine.

Eurostat marks an observation with one-letter flags, written together: ``p`` provisional,
``e`` estimated, ``b`` break in time series, ``u`` low reliability, ``bu`` both of the last two.
A ``Value`` keeps the flags exactly as the source wrote them. A value computed from others
carries the union of their flags, letter by letter, in alphabetical order and without repeats,
so ``p`` and ``bu`` give ``bpu`` whichever comes first: a gap computed from a provisional value
is provisional. A missing input makes the result missing, and its flags still travel with it
(a confidential ``c`` explains why a gap is missing).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Value:
    number: float | None
    flags: str = ""

    @property
    def missing(self):
        return self.number is None


def merge_flags(*flags):
    """The union of the flag letters, in alphabetical order, each once: ``merge_flags("p", "bu") == "bpu"``."""
    return "".join(sorted({letter for text in flags for letter in text if not letter.isspace()}))


def derive(compute, *inputs):
    """``compute`` applied to the inputs' numbers, flagged with all their flags; missing if any input is."""
    flags = merge_flags(*(value.flags for value in inputs))
    if any(value.missing for value in inputs):
        return Value(None, flags)
    return Value(compute(*(value.number for value in inputs)), flags)
