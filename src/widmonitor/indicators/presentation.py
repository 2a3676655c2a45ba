"""What the indicator pages show: the catalogue's indicators with their observations, as plain rows.

The Eurostat series and the figures quoted by documents are read apart
(``Observation.objects.from_eurostat()`` / ``.published()``) and never mixed. Every value is a
``computations.values.Value``, so the gap computed from a provisional value is provisional and
the page can name each value's flags. An indicator without observations has no value at all:
the page says so instead of showing a number.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from widmonitor.languages import active_language, language_name, pick

from .catalogue import AREAS, load_catalogue
from .computations.gaps import gap
from .computations.progress import PUBLISHED_GAP_AT_PARITY_WITHIN, gap_progress
from .computations.ranking import EU27, EU_MEMBER_STATES
from .computations.trends import FLAT_SLOPE, trend
from .computations.values import Value
from .models import Observation, Source
from .quoted import latest_pairs, quoted_figures

HOME = "BE"

AREA_TITLES = {
    "wid_ui": _("Use of internet"),
    "wid_ius": _("Internet user skills"),
    "wid_sse": _("Specialist skills and employment"),
    "": _("Other indicators"),
}

FLAGS = {
    "b": _("break in time series"),
    "c": _("confidential"),
    "d": _("definition differs"),
    "e": _("estimated"),
    "n": _("not significant"),
    "p": _("provisional"),
    "s": _("Eurostat estimate"),
    "u": _("low reliability"),
}

UNITS = {
    # Translators: the "%" is the per cent sign, not a placeholder.
    # xgettext:no-python-format
    "PC_IND": _("% of individuals aged 16-74"),
    "PC": _("percentage"),
    "THS_PER": _("thousands of persons"),
    "NR": _("number of graduates"),
    "P_THAB": _("per 1,000 people aged 20-29"),
}

SEXES = {"F": _("Women"), "M": _("Men"), "T": _("Total"), "": _("Gap")}

COUNTRY_NAMES = {
    "BE": _("Belgium"), "BG": _("Bulgaria"), "CZ": _("Czechia"), "DK": _("Denmark"), "DE": _("Germany"),
    "EE": _("Estonia"), "IE": _("Ireland"), "EL": _("Greece"), "ES": _("Spain"), "FR": _("France"),
    "HR": _("Croatia"), "IT": _("Italy"), "CY": _("Cyprus"), "LV": _("Latvia"), "LT": _("Lithuania"),
    "LU": _("Luxembourg"), "HU": _("Hungary"), "MT": _("Malta"), "NL": _("Netherlands"), "AT": _("Austria"),
    "PL": _("Poland"), "PT": _("Portugal"), "RO": _("Romania"), "SI": _("Slovenia"), "SK": _("Slovakia"),
    "FI": _("Finland"), "SE": _("Sweden"), EU27: _("EU27"),
}  # fmt: skip

NOTE_REFERENCES = {
    "[DA]": _("the European Commission's Eurostat import settings of its Digital Agenda data tool (repository "
              "digital-agenda-data/digital-agenda, fixtures/importconfig.json, commit 44e6e9d8073824b384e8ffe767f851ce47c1012f)"),
    "[CL]": _("Eurostat's INDIC_IS code list, version 25.2 (copied in the repository amanfucci/sistemi-informativi, dsd/ESTAT_INDIC_IS_25.2.xml)"),
}  # fmt: skip
"""The sources the catalogue's notes cite by a short mark (config/indicators.yaml, header)."""

TRENDS = {
    "rising": _("rising"),
    "falling": _("falling"),
    "flat": _("flat"),
    "too-few-points": _("too few years to judge"),
}


@lru_cache(maxsize=1)
def catalogue():
    """The checked catalogue, read once per process (config/indicators.yaml changes with a deploy)."""
    return {indicator.code: indicator for indicator in load_catalogue()}


def title(indicator):
    """The indicator's title in the visitor's language, else in its original language."""
    return pick(indicator.title, indicator.original_language).text or indicator.code


def title_language(indicator):
    """The language the title is shown in: the visitor's if translated, else the original's."""
    return pick(indicator.title, indicator.original_language).language


def unit_label(code):
    return UNITS.get(code, code)


def indicator_unit(indicator):
    """The unit of the indicator's values in the reader's language: its own words where the
    catalogue gives them (the pay gap: % of men's average gross hourly earnings), else its code's."""
    return indicator.text("unit_label").text if indicator.unit_label else unit_label(indicator.unit)


def gap_name(indicator):
    """What a gap is called where it is shown: a gap indicator's own name, else women minus men."""
    return indicator.text("gap_label").text if indicator.is_gap else _("Gap (women − men)")


def progress_means(indicator):
    """Which way is progress, in words."""
    if indicator.is_gap:
        return _("a smaller gap: a value closer to 0 (parity)")
    return _("a higher value for women") if indicator.higher_is_better else _("a lower value for women")


def gap_unit_label(code):
    """Women minus men of two percentages is in percentage points."""
    return _("percentage points") if code.startswith("PC") else unit_label(code)


def country(geo):
    return COUNTRY_NAMES.get(geo, geo)


def format_number(number, decimals=2):
    """A statistical value as published: at most ``decimals`` decimals, none added (19.6, 16681), localised."""
    rounded = round(float(number), decimals)
    return number_format(int(rounded) if rounded == int(rounded) else rounded, use_l10n=True)


def latest_sentence(summary):
    """The text alternative of a chart: Belgium's latest values, e.g. "Belgium, 2021: women 19.6 (flag b)."."""
    point = summary.home
    named = {"women": _("women"), "men": _("men"), "total": _("total")}
    values = [(named[name], getattr(point, name)) for name in ("women", "men", "total")]
    flagged, plain = _("%(series)s %(value)s (flag %(flags)s)"), _("%(series)s %(value)s")
    if summary.indicator.is_gap:
        values = [(gap_name(summary.indicator), point.gap)]
        flagged, plain = _("%(series)s: %(value)s (flag %(flags)s)"), _("%(series)s: %(value)s")
    parts = [
        (flagged if value.flags else plain) % {"series": series, "value": format_number(value.number), "flags": value.flags}
        for series, value in values
        if not value.missing
    ]
    return _("Belgium, %(year)s: %(values)s.") % {"year": point.year, "values": ", ".join(parts)}


def year(period):
    try:
        return int(period[:4])
    except ValueError:
        return None


@dataclass(frozen=True)
class Point:
    year: int
    women: Value
    men: Value
    total: Value
    gap: Value  # women minus men, or the published gap of a gap indicator

    @property
    def has_value(self):
        return any(not value.missing for value in (self.women, self.men, self.total, self.gap))


@dataclass
class Series:
    """One geography's values of one indicator, year by year, from Eurostat."""

    geo: str
    points: list = field(default_factory=list)  # Point, oldest first

    @property
    def latest(self):
        """The last year with any value; None when every cell is missing (flags only)."""
        return next((point for point in reversed(self.points) if point.has_value), None)

    def at(self, wanted):
        return next((point for point in self.points if point.year == wanted), None)


def series_by_geo(indicator):
    """``{geo: Series}`` of the indicator's Eurostat observations in its unit."""
    cells = {}
    rows = Observation.objects.from_eurostat().filter(indicator=indicator.code, unit=indicator.unit)
    for geo, period, sex, value, flags in rows.values_list("geo", "period", "sex", "value", "flags"):
        when = year(period)
        if when is not None:
            cells.setdefault(geo, {}).setdefault(when, {})[sex] = Value(value, flags)
    return {geo: _series(geo, by_year, indicator.source.kind == "gap") for geo, by_year in cells.items()}


def _series(geo, by_year, is_gap):
    points = []
    for when in sorted(by_year):
        cell = by_year[when]
        women, men, total = (cell.get(sex, Value(None)) for sex in ("F", "M", "T"))
        points.append(Point(when, women, men, total, cell.get("", Value(None)) if is_gap else gap(women, men)))
    return Series(geo, points)


def direction(indicator, series):
    """Where the gap stands (closing, widening, ...): women minus men when both sexes are there,
    a gap indicator's own gap (the pay gap), whose parity is 0 only; else the trend of the one series."""
    if series is None or not series.points:
        return ""
    gaps = [(point.year, point.gap) for point in series.points]
    if indicator.is_gap:
        return gap_progress(gaps, parity_within=PUBLISHED_GAP_AT_PARITY_WITHIN).status.label
    if any(not value.missing for _year, value in gaps):
        return gap_progress(gaps).status.label
    main = [(point.year, main_value(point)) for point in series.points]
    fitted = trend(main)
    if fitted.slope.missing:
        return TRENDS["too-few-points"]
    if abs(fitted.slope.number) < FLAT_SLOPE:
        return TRENDS["flat"]
    return TRENDS["rising" if fitted.slope.number > 0 else "falling"]


def main_value(point):
    """The value a country comparison ranks: women's, else the total, else the gap (of a gap indicator)."""
    for value in (point.women, point.total, point.gap):
        if not value.missing:
            return value
    return Value(None)


def source_sentence(source):
    if source.kind == Source.Kind.EUROSTAT:
        return _("Source: Eurostat, %(dataset)s") % {"dataset": source.dataset}
    return _("Source: %(document)s, section %(section)s") % {"document": source.title or source.document, "section": source.section}


def sources_of(indicator):
    """The Eurostat sources of the indicator's observations (the bundled file or the API), by key."""
    return eurostat_sources([indicator.code]).get(indicator.code, [])


@dataclass(frozen=True)
class Summary:
    indicator: object
    title: str
    title_language: str
    home: object  # Point of Belgium's latest year, None without data
    trend: str
    sources: list  # source sentences, each once
    published: list  # quoted.Quoted, the figures documents and pages publish, shown apart

    @property
    def has_data(self):
        return self.home is not None

    @property
    def published_count(self):
        return len(self.published)

    @property
    def published_pairs(self):
        """Belgium's latest women's and men's values that documents or pages publish (``quoted.latest_pairs``)."""
        return latest_pairs(self.published)

    @property
    def unit(self):
        return indicator_unit(self.indicator)

    @property
    def gap_unit(self):
        return gap_unit_label(self.indicator.unit)

    @property
    def gap_name(self):
        return gap_name(self.indicator)

    @property
    def progress_means(self):
        return progress_means(self.indicator)

    @property
    def target_statement(self):
        return self.indicator.target.text("statement").text if self.indicator.target else ""

    @property
    def note_references(self):
        """``[(mark, what it cites)]`` of the marks its note uses, such as [DA]."""
        note = self.indicator.text("note").text
        return [(mark, meaning) for mark, meaning in NOTE_REFERENCES.items() if mark in note]

    @property
    def translated_from(self):
        """The name of the language the catalogue's texts were written in, when the reader sees a translation; else ""."""
        original = self.indicator.original_language
        return "" if active_language() == original else language_name(original)


def summary(indicator, by_geo=None):
    """The indicator's ``Summary``; ``by_geo`` (what ``series_by_geo`` read) spares reading Belgium's series again."""
    homes = None
    if by_geo is not None:
        homes = {indicator.code: by_geo[HOME]} if HOME in by_geo else {}
    return summaries([indicator], homes)[0]


def summaries(indicators, homes=None):
    """The ``Summary`` of each indicator, in four queries whatever their number (three given
    ``homes``, the ``home_series`` of the indicators)."""
    codes = [indicator.code for indicator in indicators]
    homes = home_series(indicators) if homes is None else homes
    sources = eurostat_sources(codes)
    published = quoted_figures(indicators)
    result = []
    for indicator in indicators:
        home = homes.get(indicator.code)
        result.append(Summary(
            indicator=indicator,
            title=title(indicator),
            title_language=title_language(indicator),
            home=home.latest if home else None,
            trend=direction(indicator, home),
            sources=list(dict.fromkeys(str(source_sentence(source)) for source in sources.get(indicator.code, []))),
            published=published.get(indicator.code, []),
        ))
    return result


def home_series(indicators):
    """``{indicator code: Series}`` of Belgium's Eurostat observations of each indicator, in its unit."""
    units = {indicator.code: indicator.unit for indicator in indicators}
    gaps = {indicator.code for indicator in indicators if indicator.source.kind == "gap"}
    cells = {}
    rows = Observation.objects.from_eurostat().filter(indicator__in=units, geo=HOME)
    for code, unit, period, sex, value, flags in rows.values_list("indicator", "unit", "period", "sex", "value", "flags"):
        when = year(period)
        if unit == units[code] and when is not None:
            cells.setdefault(code, {}).setdefault(when, {})[sex] = Value(value, flags)
    return {code: _series(HOME, by_year, code in gaps) for code, by_year in cells.items()}


def eurostat_sources(codes):
    """``{indicator code: [Source]}``, the Eurostat sources of each indicator's observations, by key."""
    pairs = Observation.objects.from_eurostat().filter(indicator__in=codes).values_list("indicator", "source").distinct()
    found = {}
    for code, source in pairs:
        found.setdefault(code, []).append(source)
    known = Source.objects.in_bulk({source for sources in found.values() for source in sources})
    return {code: sorted((known[pk] for pk in pks), key=lambda source: source.key) for code, pks in found.items()}


def grouped_summaries():
    """``[(area title, [Summary])]`` in the WiD order, extra indicators last."""
    groups = {area: [] for area in (*AREAS, "")}
    for item in summaries(list(catalogue().values())):
        groups[item.indicator.area if item.indicator.area in AREAS else ""].append(item)
    return [(AREA_TITLES[area], items) for area, items in groups.items() if items]


@dataclass(frozen=True)
class Comparison:
    year: int | None
    rows: list  # (geo, country name, Point, is home), members in order of the ranked value
    gap_name: str = ""  # the gap column's label (gap_name)

    @property
    def columns(self):
        """``[(series, label)]`` of the series that have a value in at least one country."""
        present = [name for name in ("women", "men", "total", "gap") if any(not getattr(row[2], name).missing for row in self.rows)]
        labels = {"women": SEXES["F"], "men": SEXES["M"], "total": SEXES["T"], "gap": self.gap_name or _("Gap (women − men)")}
        return [(name, labels[name]) for name in present]

    @property
    def table(self):
        """``[(country name, is home, [Value per column])]``."""
        names = [name for name, _label in self.columns]
        return [(label, home, [getattr(point, name) for name in names]) for _geo, label, point, home in self.rows]


def comparison(indicator, by_geo):
    """The member states (and the EU27) in Belgium's latest year (else the latest any member has)."""
    years = [point.year for geo in EU_MEMBER_STATES if geo in by_geo for point in by_geo[geo].points if point.has_value]
    home = by_geo.get(HOME)
    wanted = home.latest.year if home and home.latest else (max(years) if years else None)
    rows = []
    for geo in (*EU_MEMBER_STATES, EU27):
        point = by_geo[geo].at(wanted) if geo in by_geo else None
        if point is not None and not main_value(point).missing:
            rows.append((geo, country(geo), point, geo == HOME))
    rows.sort(key=lambda row: main_value(row[2]).number, reverse=indicator.higher_is_better)
    return Comparison(wanted, rows, gap_name(indicator))


def comparable_countries(by_geo):
    """``[(geo, name)]`` of the member states other than Belgium that have a value, to compare with."""
    return [(geo, country(geo)) for geo in EU_MEMBER_STATES if geo != HOME and geo in by_geo and by_geo[geo].latest]


def published_figures(indicator):
    """The figures documents and pages publish for this indicator (``quoted.Quoted``), apart from Eurostat's."""
    return quoted_figures([indicator]).get(indicator.code, [])
