"""A country's rank among the EU member states, and its distance to the EU27 value.

Values come as a mapping from Eurostat geography code to ``Value``; aggregates (``EU27_2020``)
and countries outside the Union may be in it and are left out of the ranking, as are member
states without a value.

Ties share the best place and the next place is skipped (standard competition ranking,
"1224"): with values 70, 65, 65, 60 the places are 1, 2, 2, 4. Values closer than
``TIE_PRECISION`` count as equal, so a gap computed as 51.3 − 48.1 ties with 3.2.
"""

from dataclasses import dataclass

from .values import Value, derive

EU27 = "EU27_2020"

EU_MEMBER_STATES = (
    "BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "FR", "HR", "IT", "CY", "LV",
    "LT", "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE",
)  # fmt: skip
"""The 27 member states since 1 February 2020, with Eurostat's codes (Greece is EL)."""

TIE_PRECISION = 9  # decimal places compared


@dataclass(frozen=True)
class Rank:
    position: int | None  # 1 is the best; None when the country has no value or is not a member state
    among: int  # member states with a value
    tied: bool  # another member state has the same value
    flags: str  # the country's own flags: the rank is as provisional as its value


def ranks(values, higher_is_better=True):
    """The rank of every member state that has a value: ``{"BE": Rank(...), ...}``."""
    ranked = {geo: round(value.number, TIE_PRECISION) for geo, value in _members(values).items()}
    ordered = sorted(ranked.values(), reverse=higher_is_better)
    first_place = {}
    for place, number in enumerate(ordered, start=1):
        first_place.setdefault(number, place)
    return {
        geo: Rank(first_place[number], len(ordered), ordered.count(number) > 1, values[geo].flags)
        for geo, number in ranked.items()
    }


def rank(values, geo, higher_is_better=True):
    """One country's rank among the member states; position None when it has no value."""
    found = ranks(values, higher_is_better).get(geo)
    if found:
        return found
    return Rank(None, len(_members(values)), False, values.get(geo, Value(None)).flags)


def distance_to_eu27(values, geo):
    """The country's value minus the EU27 value, flagged with both; missing when either is."""
    return derive(lambda country, eu: country - eu, values.get(geo, Value(None)), values.get(EU27, Value(None)))


def _members(values):
    return {geo: value for geo, value in values.items() if geo in EU_MEMBER_STATES and not value.missing}
