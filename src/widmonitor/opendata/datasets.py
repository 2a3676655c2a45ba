"""Every dataset the platform publishes, with its distributions, as plain objects.

The DCAT-AP catalogue (``dcat.py``), the schema.org descriptions of the dataset pages
(``schema_org.py``) and the test that fetches every distribution all read ``datasets()``:

- the registry of published initiatives (CSV, CSV with semicolons, xlsx, JSON, per language);
- the projects funded by the calls for projects (CSV, JSON, per language);
- each indicator of the catalogue (CSV, CSV with semicolons, xlsx per language; where it has a
  Eurostat series, SDMX-CSV 2.0 and JSON-stat 2.0 per language too), with the statistical
  dimensions and attributes of that series (StatDCAT-AP);
- the reach of initiatives: accepted figures of published initiatives per initiative and year (CSV,
  CSV with semicolons, JSON, per language);
- each published edition of the annual report (HTML, PDF and annex 2 per language, annex 1);
- the self-check's anonymous statistics (CSV and JSON, codes only; ``selfcheck.statistics``).

A file whose words (labels, headers' meanings) are in one language is one distribution per
interface language, marked with it; SDMX-CSV holds codes only and is one distribution.
Addresses are paths: the catalogue prefixes them with the site's address.

A dataset is added in one place: a function returning its ``Dataset`` objects and a function returning
what changes when any of them changes, as one ``Source`` in ``SOURCES`` at the end of this module. The
catalogue is rebuilt only when ``fingerprint()``, made of every source's ``changed()``, differs
(``opendata/cached.py``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from widmonitor.calls.models import Application
from widmonitor.indicators.formats import FORMATS
from widmonitor.indicators.formats.cube import SEX_OF
from widmonitor.indicators.models import Observation, ObservationRevision
from widmonitor.indicators.presentation import catalogue, indicator_unit
from widmonitor.initiatives.models import Initiative
from widmonitor.languages import interface_codes
from widmonitor.reach.models import Outcome
from widmonitor.reports.models import Edition
from widmonitor.selfcheck.models import SharedCheck
from widmonitor.strategy.models import Strategy

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = {"CSV": "text/csv", "XLSX": XLSX, "JSON": "application/json", "PDF": "application/pdf", "HTML": "text/html"}


@dataclass(frozen=True)
class Distribution:
    key: str  # unique within its dataset, e.g. csv-nl
    path: str  # e.g. /nl/indicators/wid_sse_icts/download.csv
    file_type: str  # a code of the EU file-type list (CSV, XLSX, JSON, PDF, HTML)
    title: str
    language: str = ""  # the language of its words; empty when it holds codes only
    conforms_to: str = ""  # the address of the standard it follows (SDMX-CSV, JSON-stat)
    media: str = ""  # the Content-Type it is served with, where its file type's usual one is not it (SDMX-CSV)

    @property
    def media_type(self):
        """The Content-Type the address answers with, without its charset (``application/vnd.sdmx.data+csv; version=2.0.0``)."""
        return self.media or MEDIA_TYPES[self.file_type]

    @property
    def essence(self):
        """The media type without parameters, as IANA's register names it (``text/csv``)."""
        return self.media_type.split(";")[0].strip()


@dataclass(frozen=True)
class Dataset:
    key: str  # e.g. registry, indicator-wid_sse_icts, report-2022
    title: dict  # {language: text}
    description: dict  # {language: text}
    landing_pages: dict  # {language: path}
    themes: tuple  # codes of the EU data themes, e.g. SOCI
    keywords: dict = field(default_factory=dict)  # {language: [words]}
    first_year: int | None = None
    last_year: int | None = None
    geo: tuple = ()  # Eurostat geo codes it covers
    modified: datetime | None = None
    distributions: list = field(default_factory=list)
    dimensions: tuple = ()  # statistical dimensions of its series: freq, unit, sex, age, geo, time
    attributes: tuple = ()  # statistical attributes: obs_status, conf_status
    series: int | None = None  # how many series (geo, sex, age band, unit) its Eurostat data has
    in_api: bool = False  # whether /api/ serves it too (the catalogue's dcat:DataService)


def in_languages(text):
    """``{language: text()}`` in every interface language (``text`` is called with each active; a list stays a list)."""
    result = {}
    for language in interface_codes():
        with translation.override(language):
            value = text()
            result[language] = [str(item) for item in value] if isinstance(value, list) else str(value)
    return result


def paths(name, *args):
    """``{language: path}`` of the view ``name`` in every interface language."""
    return in_languages(lambda: reverse(name, args=args))


def files(name, args, formats, titles):
    """One distribution per format and interface language of the download view ``name``."""
    result = []
    for fmt, file_type in formats:
        for language, path in paths(name, *args, fmt).items():
            with translation.override(language):
                result.append(Distribution(f"{fmt}-{language}", path, file_type, str(titles[fmt]), language))
    return result


def years(values):
    found = sorted(int(value[:4]) for value in values if value and str(value)[:4].isdigit())
    return (found[0], found[-1]) if found else (None, None)


def download_titles():
    return {"csv": "CSV", "semicolon.csv": _("CSV with semicolons (spreadsheets in Dutch or French)"), "xlsx": "Excel (xlsx)", "json": "JSON"}


def registry():
    published = Initiative.objects.published()
    dates = published.aggregate(first=Min("starts_on"), last=Max("ends_on"), modified=Max("updated_at"))
    strategy = Strategy.objects.current()
    formats = (("csv", "CSV"), ("semicolon.csv", "CSV"), ("xlsx", "XLSX"), ("json", "JSON"))
    return Dataset(
        key="registry",
        title=in_languages(lambda: _("Registry of Women in Digital initiatives")),
        description=in_languages(lambda: _(
            "Every published initiative of the registry: title and summary in each language, organisations, the "
            "strategy's objectives and sub-objectives it serves, audiences, regions, languages, formats, cost, sector, "
            "status, dates and where each record comes from. Contact details are never included."
        )),  # fmt: skip
        landing_pages=paths("portal:initiatives"),
        themes=("SOCI", "EDUC", "TECH"),
        keywords=in_languages(lambda: [_("women in digital"), _("initiatives"), _("digital skills")]),
        first_year=dates["first"].year if dates["first"] else None,
        last_year=dates["last"].year if dates["last"] else None,
        geo=(strategy.country,) if strategy else (),
        modified=dates["modified"],
        distributions=files("portal:download", (), formats, download_titles()),
        in_api=True,
    )


def indicator(item, facts):
    """The dataset of one catalogue indicator; ``facts`` is what ``indicator_facts`` read of its observations."""
    titles = {**download_titles(), "json-stat": FORMATS["json-stat"].NAME}
    distributions = files("indicators:download", (item.code,), (("csv", "CSV"), ("semicolon.csv", "CSV"), ("xlsx", "XLSX")), titles)
    statistical = facts["series"] > 0
    if statistical:
        sdmx, jsonstat = FORMATS["sdmx-csv"], FORMATS["json-stat"]
        sdmx_path = reverse("api:indicator_sdmx_csv", args=[item.code])
        distributions.append(Distribution("sdmx-csv", sdmx_path, "CSV", sdmx.NAME, "", sdmx.CONFORMS_TO, sdmx.MEDIA_TYPE))
        for language in interface_codes():
            path = f"{reverse('api:indicator_json_stat', args=[item.code])}?lang={language}"
            distributions.append(Distribution(f"json-stat-{language}", path, "JSON", jsonstat.NAME, language, jsonstat.CONFORMS_TO, jsonstat.MEDIA_TYPE))

    def description():
        return _(
            "The indicator “%(title)s” (%(unit)s) by geography, year and series (women, men, total, or the gap), from "
            "Eurostat (dataset %(dataset)s), each value with its flags and source; figures that published documents "
            "quote are kept apart, each with its document."
        ) % {"title": item.text("title").text, "unit": indicator_unit(item), "dataset": item.source.dataset or "-"}

    return Dataset(
        key=f"indicator-{item.code}",
        title={language: item.text("title", language).text for language in interface_codes()},
        description=in_languages(description),
        landing_pages=paths("indicators:detail", item.code),
        themes=("SOCI", "TECH"),
        keywords=in_languages(lambda: [_("women in digital"), _("gender statistics"), "Eurostat"]),
        first_year=facts["first"],
        last_year=facts["last"],
        geo=tuple(facts["geo"]),
        modified=facts["modified"],
        distributions=distributions,
        dimensions=("freq", "unit", *(("sex",) if facts["by_sex"] else ()), *(("age",) if facts["by_age"] else ()), "geo", "time") if statistical else (),
        attributes=("obs_status", "conf_status") if statistical else (),
        series=facts["series"] if statistical else None,
        in_api=True,
    )


def indicator_facts():
    """``{code: facts}`` of every indicator's observations, in four queries whatever their number."""
    facts = {code: {"first": None, "last": None, "geo": set(), "modified": None, "series": 0, "by_sex": False, "by_age": False}
             for code in catalogue()}  # fmt: skip
    for code, first, last, modified in Observation.objects.values_list("indicator").annotate(Min("period"), Max("period"), Max("retrieved_at")).order_by():
        if code in facts:
            facts[code].update(first=years([first])[0], last=years([last])[1], modified=modified)
    eurostat = Observation.objects.from_eurostat()
    for code, geo, sex, age_band, _unit in eurostat.values_list("indicator", "geo", "sex", "age_band", "unit").distinct().order_by():
        if code in facts:
            facts[code]["series"] += 1
            facts[code]["geo"].add(geo)
            facts[code]["by_sex"] |= SEX_OF.get(sex, "gap") != "gap"
            facts[code]["by_age"] |= bool(age_band)
    for fact in facts.values():
        fact["geo"] = sorted(fact["geo"])
    return facts


def report(edition):
    year = edition.year
    titles = {"html": _("HTML file"), "pdf": _("PDF"), "annex2.xlsx": _("Annex 2: analysis (xlsx)")}
    distributions = []
    for kind, file_type in (("html", "HTML"), ("pdf", "PDF"), ("annex2.xlsx", "XLSX")):
        for language in interface_codes():
            with translation.override(language):
                distributions.append(Distribution(f"{kind}-{language}", reverse("reports:download", args=[year, kind]), file_type, str(titles[kind]), language))
    overview = reverse("reports:download", args=[year, "annex1.xlsx"])
    distributions.append(Distribution("annex1.xlsx", overview, "XLSX", str(_("Annex 1: overview (xlsx)"))))
    return Dataset(
        key=f"report-{year}",
        title=in_languages(lambda: _("Women in Digital annual report %(year)s") % {"year": year}),
        description=in_languages(lambda: _(
            "The annual report of %(year)s as published: the registry's initiatives by objective, the indicators and "
            "the reach of initiatives, as HTML and PDF, with annex 1 (an overview of the initiatives) and annex 2 "
            "(an analysis by type and objective) as xlsx."
        ) % {"year": year}),  # fmt: skip
        landing_pages=paths("reports:edition", year),
        themes=("GOVE", "SOCI"),
        keywords=in_languages(lambda: [_("women in digital"), _("annual report")]),
        first_year=year,
        last_year=year,
        modified=edition.published_at,
        distributions=distributions,
    )


def reach():
    outcomes = Outcome.objects.public()
    dates = outcomes.aggregate(first=Min("year"), last=Max("year"), modified=Max("decided_at"))
    strategy = Strategy.objects.current()
    formats = (("csv", "CSV"), ("semicolon.csv", "CSV"), ("json", "JSON"))
    return Dataset(
        key="reach",
        title=in_languages(lambda: _("Reach of Women in Digital initiatives")),
        description=in_languages(lambda: _(
            "Per published initiative and year, how many took part and how many of them were women and girls, as the "
            "organisation reported it and a moderator accepted it, with the share computed from the two counts, the "
            "sessions or editions and the kind of source. Counts only: no personal data."
        )),  # fmt: skip
        landing_pages=paths("reach_data:overview"),
        themes=("SOCI", "EDUC"),
        keywords=in_languages(lambda: [_("women in digital"), _("initiatives"), _("participants")]),
        first_year=dates["first"],
        last_year=dates["last"],
        geo=(strategy.country,) if strategy else (),
        modified=dates["modified"],
        distributions=files("reach_data:download", (), formats, download_titles()),
    )


def self_check_statistics():
    """The anonymous statistics of the self-checks given to them (``selfcheck.statistics``): codes only, one CSV and one JSON."""
    months = SharedCheck.objects.aggregate(first=Min("month"), last=Max("month"))  # not .dates(): a date_trunc per row
    return Dataset(
        key="self-check-statistics",
        title=in_languages(lambda: _("DigComp 2.2 self-check statistics")),
        description=in_languages(lambda: _(
            "The mean self-assessed level per area of DigComp 2.2 (0 to 3) of the people who chose to give their "
            "self-check to the statistics, by age band and gender. A cell of fewer than 10 self-checks is hidden, "
            "and so is any cell that could be computed back from the totals. Codes only."
        )),  # fmt: skip
        landing_pages=paths("selfcheck:statistics"),
        themes=("SOCI", "EDUC"),
        keywords=in_languages(lambda: [_("digital skills"), "DigComp", _("gender statistics")]),
        first_year=months["first"].year if months["first"] else None,
        last_year=months["last"].year if months["last"] else None,
        distributions=[
            Distribution("csv", reverse("selfcheck:statistics_download", args=["csv"]), "CSV", "CSV"),
            Distribution("json", reverse("selfcheck:statistics_download", args=["json"]), "JSON", "JSON"),
        ],
    )


def funded_projects():
    """The projects funded by the calls for projects: title, organisation, amount, call, year (``calls.funding``)."""
    funded = Application.objects.funded()
    dates = funded.aggregate(first=Min("call__closes_at"), last=Max("call__closes_at"), modified=Max("decided_at"))
    strategy = Strategy.objects.current()
    return Dataset(
        key="funded-projects",
        title=in_languages(lambda: _("Projects funded by the calls for projects")),
        description=in_languages(lambda: _(
            "Every project a call for projects funded: its title, its organisation, the amount granted in euros, the call "
            "and its year. Applications, scores and the people who applied or reviewed are never included."
        )),  # fmt: skip
        landing_pages=paths("calls:funded"),
        themes=("GOVE", "SOCI"),
        keywords=in_languages(lambda: [_("women in digital"), _("calls for projects"), _("funding")]),
        first_year=dates["first"].year if dates["first"] else None,
        last_year=dates["last"].year if dates["last"] else None,
        geo=(strategy.country,) if strategy else (),
        modified=dates["modified"],
        distributions=files("calls:funded_download", (), (("csv", "CSV"), ("json", "JSON")), download_titles()),
    )


def indicators():
    facts = indicator_facts()
    return [indicator(item, facts[item.code]) for item in catalogue().values()]


def registry_changed():
    return list(Initiative.objects.published().aggregate(Count("pk"), Max("updated_at")).values())


def indicators_changed():
    return [*Observation.objects.aggregate(Count("pk"), Max("retrieved_at")).values(), ObservationRevision.objects.count()]


def reach_changed():
    return [*Outcome.objects.public().aggregate(Count("pk"), Max("decided_at")).values(), *registry_changed()]


def self_check_changed():
    return list(SharedCheck.objects.aggregate(Count("pk"), Max("pk")).values())


def funded_changed():
    return list(Application.objects.funded().aggregate(Count("pk"), Max("decided_at")).values())


def reports_changed():
    return list(Edition.objects.published().values_list("year", "published_at"))


@dataclass(frozen=True)
class Source:
    """One kind of dataset: ``build()`` gives its datasets, ``changed()`` a value that differs once any of them changed."""

    build: Callable[[], list]
    changed: Callable[[], object]


SOURCES = [
    Source(lambda: [registry()], registry_changed),
    Source(lambda: [funded_projects()], funded_changed),
    Source(indicators, indicators_changed),
    Source(lambda: [reach()], reach_changed),
    Source(lambda: [report(edition) for edition in Edition.objects.published()], reports_changed),
    Source(lambda: [self_check_statistics()], self_check_changed),
]


def datasets():
    """Every dataset the platform publishes: the registry, the funded projects, each indicator, the reach, each published report edition,
    the self-check's statistics."""
    return [dataset for source in SOURCES for dataset in source.build()]


def fingerprint():
    """What every source says of its changes, in a few queries: equal fingerprints, equal catalogues."""
    return repr([source.changed() for source in SOURCES])
