"""What every statistical format writes: an indicator's Eurostat observations for a selection, as a cube.

Only the Eurostat series go out as SDMX-CSV and JSON-stat: they hold one value per cell (geo,
period, sex, age band, unit), which is what a cube is. Figures quoted by documents are several
per cell (one per document) and stay in the CSV, xlsx and JSON answers, told apart by their source.

A ``Selection`` narrows the cube by geography, years (``since``/``until``, inclusive) and series
(women, men, total, gap); ``Selection.from_params`` reads one from text and raises ``Problems``
naming each parameter that is wrong, so that nothing is written from a half-understood request.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from widmonitor.problems import Problem, Problems

from ..models import Observation, Source
from ..store import SEX

GEO = re.compile(r"^[A-Z][A-Z0-9_]{0,19}$")
YEARS = (1900, 2100)
NOT_APPLICABLE = "_Z"  # SDMX's code for a dimension that does not apply to a cell (a gap has no sex)
SERIES = tuple(SEX)  # women, men, total, gap
SEX_OF = {sex: name for name, sex in SEX.items()}


@dataclass(frozen=True)
class Selection:
    geo: tuple = ()  # Eurostat geo codes; empty: all
    since: int | None = None  # first year, inclusive
    until: int | None = None  # last year, inclusive
    series: tuple = ()  # of SERIES; empty: all

    @classmethod
    def from_params(cls, geo="", since="", until="", series=""):
        """A selection from the text of request parameters (lists comma-separated); ``Problems`` if any is wrong."""
        problems = []
        geos = tuple(split(geo))
        for code in geos:
            if not GEO.match(code):
                message = _('"%(value)s" is not a Eurostat geo code (expected codes such as BE or EU27_2020, comma-separated)')
                problems.append(Problem("bad_geo", message, {"value": code}, field="geo", value=code))
        years = {name: year(name, text, problems) for name, text in (("since", since), ("until", until))}
        if None not in years.values() and years["since"] > years["until"]:
            message = _("since (%(since)s) comes after until (%(until)s)")
            problems.append(Problem("bad_years", message, years, field="since", value=years["since"]))
        chosen = tuple(split(series))
        for name in chosen:
            if name not in SERIES:
                message = _('"%(value)s" is not a series (expected %(expected)s, comma-separated)')
                problems.append(Problem("bad_series", message, {"value": name, "expected": ", ".join(SERIES)}, field="series", value=name))
        if problems:
            raise Problems(problems)
        return cls(geos, years["since"], years["until"], chosen)

    def filter(self, observations):
        """``observations`` (a queryset) narrowed to the selection. A period starts with its year (2021,
        2021-Q1), so the periods of the years since..until are those from "since" to before "until + 1"."""
        if self.geo:
            observations = observations.filter(geo__in=self.geo)
        if self.series:
            observations = observations.filter(sex__in=[SEX[name] for name in self.series])
        if self.since is not None:
            observations = observations.filter(period__gte=str(self.since))
        if self.until is not None:
            observations = observations.filter(period__lt=str(self.until + 1))
        return observations

    @property
    def is_everything(self):
        return self == Selection()


def split(text):
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def year(name, text, problems):
    text = str(text or "").strip()
    if not text:
        return None
    if text.isdigit() and YEARS[0] <= int(text) <= YEARS[1]:
        return int(text)
    message = _('%(name)s is "%(value)s" (expected a year such as 2021)')
    problems.append(Problem("bad_year", message, {"name": name, "value": text}, field=name, value=text))
    return None


@dataclass(frozen=True)
class Cell:
    geo: str
    period: str
    sex: str  # F, M, T, or "" for a gap
    age_band: str
    unit: str
    value: float | None
    flags: str

    @property
    def series(self):
        return SEX_OF[self.sex]

    @property
    def frequency(self):
        """SDMX's code of the period's frequency: A (a year), Q (2021-Q1), M (2021-01)."""
        if "-Q" in self.period:
            return "Q"
        return "M" if len(self.period) == 7 else "A"


@dataclass(frozen=True)
class Cube:
    indicator: object  # catalogue.Indicator
    cells: list  # Cell, in the order of geo, period, sex, age band, unit
    updated: datetime | None  # the latest retrieval or Eurostat update of its sources
    sources: list = field(default_factory=list)  # Source of its observations, by key

    @property
    def dimensions(self):
        """``[(name, codes)]`` in Eurostat's order (freq, unit, sex, age, geo, time), leaving out sex and age
        where no cell has one; a cell without a value of an included one has ``NOT_APPLICABLE``."""
        columns = {
            "freq": [cell.frequency for cell in self.cells],
            "unit": [cell.unit for cell in self.cells],
            "sex": [cell.sex for cell in self.cells],
            "age": [cell.age_band for cell in self.cells],
            "geo": [cell.geo for cell in self.cells],
            "time": [cell.period for cell in self.cells],
        }
        result = []
        for name, values in columns.items():
            if name in ("sex", "age") and not any(values):
                continue
            result.append((name, sorted({value or NOT_APPLICABLE for value in values}, key=order_key(name))))
        return result

    def key(self, cell):
        """``{dimension: code}`` of ``cell``, for the dimensions of the cube."""
        values = {"freq": cell.frequency, "unit": cell.unit, "sex": cell.sex, "age": cell.age_band, "geo": cell.geo, "time": cell.period}
        return {name: values[name] or NOT_APPLICABLE for name, _codes in self.dimensions}


def order_key(name):
    """Categories in a reader's order: the sexes as Eurostat lists them (F, M, T), other codes alphabetically."""
    if name == "sex":
        return lambda code: ("F", "M", "T", NOT_APPLICABLE).index(code) if code in ("F", "M", "T", NOT_APPLICABLE) else 9
    return lambda code: code


def cube(indicator, selection=Selection()):
    """The Eurostat observations of ``indicator`` that ``selection`` keeps, as a ``Cube``."""
    observations = selection.filter(Observation.objects.from_eurostat().filter(indicator=indicator.code))
    names = ("geo", "period", "sex", "age_band", "unit", "value", "flags")
    cells = [Cell(*row) for row in observations.order_by(*names[:5]).values_list(*names)]
    keys = observations.values_list("source", flat=True).distinct()
    sources = list(Source.objects.filter(pk__in=keys).order_by("key"))
    latest = observations.aggregate(latest=Max("retrieved_at"))["latest"]
    updated = max([moment for moment in [latest, *(s.last_update for s in sources)] if moment is not None], default=None)
    return Cube(indicator, cells, updated, sources)
