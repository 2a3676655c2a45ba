"""The figures documents and public pages publish, as the indicator pages and the report show them.

A ``Quoted`` figure carries what a reader needs beside its number: its source (a document's
section, or a public page with its address), its year, its own population (sex and age band:
the figure's, never the indicator's default), its unit and, where it measures something else
than its indicator's series, that measure (``published.MEASURES``).

``in_series`` says whether the figure is a value of its indicator's own series: same unit,
same population (the one the unit states: individuals aged 16-74 for ``PC_IND``, people aged
20-29 for ``P_THAB``) and no other measure. Only such a figure may be drawn or compared with
the indicator's Eurostat series (``series`` gives the sex code it would be drawn as); any other
is shown apart, with its own labels. ``differs`` marks a figure that another source publishes
with another value for the same cell: both are shown, neither is picked.
"""

import re
from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy as _

from .models import Observation
from .published import CAVEATS, MEASURES

HOME = "BE"
SERIES_AGE = {"PC_IND": "Y16-74", "P_THAB": "Y20-29"}  # the population an indicator's unit states

UNIT_WORDS = {
    "PC_IND": _("percentage of individuals"),
    "PC": _("percentage"),
    "NR": _("number of people"),
    "P_THAB": _("per 1,000 of the same sex and age"),
    "PER_1000": _("per 1,000"),
    "THS_PER": _("thousands of persons"),
}
GROUPS = {"F": _("women"), "M": _("men"), "T": _("all individuals")}
AGE_RANGE = re.compile(r"^Y(\d+)-(\d+)$")


def ages(age_band):
    """The age band in words: "aged 25-54", else "age not stated"."""
    match = AGE_RANGE.match(age_band)
    if match:
        return _("aged %(low)s-%(high)s") % {"low": match.group(1), "high": match.group(2)}
    return _("age band %(band)s") % {"band": age_band} if age_band else _("age not stated")


def unit_words(code):
    return UNIT_WORDS.get(code, code)


@dataclass(frozen=True)
class Quoted:
    """One figure a document or page publishes, with its own population, unit, measure and source."""

    indicator: str
    geo: str
    period: str
    sex: str  # F, M or T
    age_band: str  # "" when the text gives none
    unit: str  # a unit code, labelled by unit_label
    value: float
    measure: str  # "" or a code of published.MEASURES
    caveat: str  # "" or a code of published.CAVEATS
    quote: str
    source: object  # models.Source (kind document)
    in_series: bool  # a value of the indicator's own series (may be drawn beside it)
    differs: bool = False  # another source publishes another value for the same cell

    @property
    def year(self):
        return int(self.period[:4])

    @property
    def population(self):
        """Its own population, e.g. "women, aged 25-54"."""
        return _("%(group)s, %(ages)s") % {"group": GROUPS[self.sex], "ages": ages(self.age_band)}

    @property
    def unit_label(self):
        return unit_words(self.unit)

    @property
    def measure_label(self):
        return MEASURES.get(self.measure, "")

    @property
    def caveat_label(self):
        return CAVEATS.get(self.caveat, "")

    @property
    def series(self):
        """The sex code of the indicator's series it belongs to, "" when it belongs to none."""
        return self.sex if self.in_series else ""

    @property
    def source_label(self):
        if self.source.section:
            return _("%(document)s, section %(section)s") % {"document": self.source.title or self.source.document, "section": self.source.section}
        return self.source.title or self.source.document

    @property
    def url(self):
        return self.source.url


def in_series(indicator, unit, age_band, measure):
    """Whether a figure of ``indicator`` in ``unit`` for ``age_band`` is a value of the indicator's own series."""
    return not measure and unit == indicator.unit and age_band == SERIES_AGE.get(indicator.unit, "")


def quoted_figures(indicators, geo=None):
    """``{indicator code: [Quoted]}`` of the published figures of ``indicators`` (of ``geo`` only, when given), in one query."""
    known = {indicator.code: indicator for indicator in indicators}
    rows = Observation.objects.published().filter(indicator__in=known, value__isnull=False).select_related("source")
    if geo:
        rows = rows.filter(geo=geo)
    figures = [
        Quoted(o.indicator, o.geo, o.period, o.sex, o.age_band, o.unit, o.value, o.measure, o.caveat, o.quote, o.source,
               in_series(known[o.indicator], o.unit, o.age_band, o.measure))
        for o in rows.order_by("indicator", "geo", "period", "age_band", "unit", "sex", "source__key")
    ]  # fmt: skip
    values = {}
    for figure in figures:
        values.setdefault(cell(figure), set()).add(figure.value)
    found = {}
    for figure in figures:
        differs = len(values[cell(figure)]) > 1
        found.setdefault(figure.indicator, []).append(replace(figure, differs=differs))
    return found


def cell(figure):
    return (figure.indicator, figure.geo, figure.period, figure.sex, figure.age_band, figure.unit, figure.measure)


@dataclass(frozen=True)
class Pair:
    """One source's women's and men's values (and total, if it gives one) for Belgium, one year, one population."""

    women: Quoted
    men: Quoted
    total: Quoted | None

    @property
    def year(self):
        return self.women.year

    @property
    def ages(self):
        return ages(self.women.age_band)

    @property
    def unit_label(self):
        return self.women.unit_label

    @property
    def source(self):
        return self.women.source

    @property
    def source_label(self):
        return self.women.source_label

    @property
    def differs(self):
        return any(figure.differs for figure in (self.women, self.men, self.total) if figure)


def latest_pairs(figures):
    """The pairs of Belgium's women and men values to show first: of the indicator's series if any,
    else of any population; the latest year; one per source that publishes that cell (all of them
    when they differ). Empty when no source gives both women and men."""
    groups = {}
    for figure in figures:
        if figure.geo == HOME and not figure.measure:
            key = (figure.in_series, figure.year, figure.age_band, figure.unit, figure.source.key)
            groups.setdefault(key, {})[figure.sex] = figure
    complete = {key: sexes for key, sexes in groups.items() if "F" in sexes and "M" in sexes}
    if not complete:
        return []
    best = max(key[:4] for key in complete)
    return [Pair(sexes["F"], sexes["M"], sexes.get("T")) for key, sexes in sorted(complete.items()) if key[:4] == best]
