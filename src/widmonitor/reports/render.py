"""The report in one interface language: a plain view of a ``Report`` for the templates, then HTML or PDF.

Everything the interface labels (section titles, sectors, units, flags, discrepancy sentences)
is translated here, in the language asked for; texts of the records come from the report in
every content language and fall back to their original, marked (``languages.pick``).
"""

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from widmonitor.indicators.charts import over_time_table
from widmonitor.indicators.computations.values import Value
from widmonitor.indicators.presentation import (
    AREA_TITLES,
    FLAGS,
    HOME,
    format_number,
    gap_unit_label,
    source_sentence,
)
from widmonitor.indicators.quoted import Quoted
from widmonitor.initiatives.analysis import discrepancies, list_note
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_export import SECTORS
from widmonitor.languages import language_name
from widmonitor.reach.ages import AgeBand
from widmonitor.vocabularies.choices import Sector

from . import charts
from .models import Meeting
from .sections import SECTIONS

PDF_VARIANT = "pdf/ua-1"


@dataclass
class Section:
    key: str
    number: int
    title: str
    prose: object = None  # a LocalText, or None
    subsections: list = field(default_factory=list)  # [LocalText]: its subsections' prose, each starting with its heading
    originals: list = field(default_factory=list)  # [LocalText]: the original of each text shown in translation
    original_language: str = ""  # their language's name, in the reader's language


@dataclass
class ObjectiveView:
    code: str
    title: object  # LocalText
    description: object
    counts: list  # [count per sector of SECTORS]
    total: int
    serving_total: int
    entries: list
    notices: list = field(default_factory=list)
    children: list = field(default_factory=list)
    reach: object = None  # report.Reach, or None


def view(report, language, draft=False):
    """The template context of ``report`` in ``language`` (activates it for the caller's rendering)."""
    with translation.override(language):
        shown = sections(report)
        return {
            "report": report,
            "language": language,
            "draft": draft,
            "sections": shown,
            "translated_sections": [section for section in shown if section.originals],
            "strategy_title": report.strategy.pick(language),
            "indicator_groups": indicator_groups(report, language),
            "flags": [(letter, str(label)) for letter, label in FLAGS.items()],
            "sector_labels": [str(Sector(sector).label) for sector in SECTORS],
            "objectives": objective_views(report, language),
            "meetings": meetings(report, language),
            "supporting": sorted((name.pick(language) for name in report.supporting), key=lambda name: name.text.casefold()),
            "changes": change_view(report, language),
            "reach": reach_view(report, language),
            "period_unknown": period_unknown_view(report, language),
            "built_on": date_format(parse_datetime(report.built_at), "DATE_FORMAT"),
            "published_edition": edition_title(report.published_edition),
        }


def edition_title(edition):
    """The title of the year's edition published outside widmonitor, as HTML in its language, or ""."""
    if edition is None:
        return ""
    return format_html('<cite lang="{}">{}</cite>', edition.language, edition.title)


def reach_view(report, language):
    """The reach overview's rows: ``{"total": Reach, "audiences": [(label, Reach)], "ages": [(label, Reach)]}``, or None."""
    if report.reach is None:
        return None
    audiences = [(report.audiences[code].pick(language), reach) for code, reach in report.reach.audiences.items() if code in report.audiences]
    ages = [(str(AgeBand(code).label), reach) for code, reach in report.reach.ages.items()]
    return {
        "total": report.reach.total,
        "audiences": [(label, reach) for label, reach in audiences if reach.initiatives],
        "ages": [(label, reach) for label, reach in ages if reach.reported],
    }


def sections(report):
    """The sections in order, each with its prose and its subsections' in the active language, and the originals
    of those shown in translation."""
    result = []
    for number, (key, title) in enumerate(SECTIONS, start=1):
        prose = report.texts.get(key)
        subsections = subsection_texts(report, key)
        originals = [text.pick(text.original) for text in filter(None, [prose, *subsections]) if is_translation(text.pick(), text)]
        result.append(
            Section(
                key, number, str(title), prose.pick() if prose else None, [text.pick() for text in subsections],
                originals, language_name(originals[0].language) if originals else "",
            )
        )  # fmt: skip
    return result


def subsection_texts(report, key):
    """The texts of ``key``'s subsections (``situation.1``, ``situation.2`` …), in their order."""
    numbered = [(int(name.rpartition(".")[2]), text) for name, text in report.texts.items() if name.startswith(f"{key}.")]
    return [text for _number, text in sorted(numbered, key=lambda pair: pair[0])]


def is_translation(shown, text):
    """Whether ``shown`` (a ``LocalText`` of ``text``) is a translation: in another language than the original, not a fallback."""
    return bool(shown.text) and not shown.fallback and shown.language != text.original


def indicator_groups(report, language):
    """``[(area title, [indicator view])]`` in the catalogue's order."""
    groups = {}
    for indicator in report.indicators:
        title = indicator.title.pick(language)
        values = figures_of(indicator, language)
        groups.setdefault(str(AREA_TITLES.get(indicator.area, AREA_TITLES[""])), []).append(
            {
                "code": indicator.code,
                "title": title,
                "year": indicator.year,
                "unit": indicator.unit_words(),
                "definition": indicator.definition.pick(language) if indicator.definition else None,
                "values": [(label, shown(value), unit) for label, value, unit in values if not value.missing],
                "sources": list(dict.fromkeys(source_sentence(source) for source in indicator.sources)),
                "charts": charts.figures(indicator, title.text) if len(years_of(indicator)) > 1 else [],
                "table": chart_table(indicator),
                "published": published_view(indicator, report.published_edition),
            }
        )
    listed = {area: [i for i in items if i["year"] or i["published"]] for area, items in groups.items()}
    return [(area, listed[area], [i["title"] for i in items if i not in listed[area]]) for area, items in groups.items()]


SEX_ORDER = {"F": 0, "M": 1, "T": 2}


def published_view(indicator, edition):
    """The figures published for Belgium where Eurostat's are missing: ``{"sources", "notes"}``, a table per source
    (``{"source" (HTML, linked to a page), "rows", "quotes", "language"}``), each row with its own population, value, unit, year and the numbers
    of its notes; or None."""
    if not indicator.published:
        return None
    sources, notes = {}, []
    for figure in sorted(indicator.published, key=published_order):
        labelled = as_quoted(indicator, figure)
        marks = []
        for note in figure_notes(labelled):
            notes += [note] if note not in notes else []
            marks.append(notes.index(note) + 1)
        source = sources.setdefault((figure.document, figure.section), {
            "source": linked(str(labelled.source_label), figure.url), "rows": [], "quotes": [],
            "language": edition.language if edition and figure.document == edition.document else "",
        })  # fmt: skip
        source["rows"].append({"population": str(labelled.population), "value": format_number(figure.value),
                               "unit": str(labelled.unit_label), "year": figure.year, "marks": marks})  # fmt: skip
        source["quotes"] += [figure.quote] if figure.quote not in source["quotes"] else []
    return {"sources": list(sources.values()), "notes": list(enumerate(notes, start=1))}


def linked(text, url):
    """``text`` as HTML, a link to ``url`` when there is one."""
    return format_html('<a href="{}">{}</a>', url, text) if url else format_html("{}", text)


def published_order(figure):
    """Oldest first; within a source, the indicator's own population first, then women, men, all."""
    return figure.year, figure.document, figure.section, not figure.in_series, figure.age_band, figure.unit, SEX_ORDER.get(figure.sex, 3)


def as_quoted(indicator, figure):
    """``figure`` as the indicator pages label it (``indicators.quoted.Quoted``): population, unit, source, measure."""
    source = SimpleNamespace(document=figure.document, section=figure.section, title=figure.title, url=figure.url)
    return Quoted(indicator.code, HOME, str(figure.year), figure.sex, figure.age_band, figure.unit, figure.value, figure.measure,
                  figure.caveat, figure.quote, source, figure.in_series, figure.differs)  # fmt: skip


def figure_notes(labelled):
    """What a reader must know to read a published figure: another measure, another unit or population, a caveat,
    another published value."""
    notes = []
    if labelled.measure:
        notes.append(f"{_('It measures something else than this indicator:')} {labelled.measure_label}.")
    elif not labelled.in_series:
        notes.append(_("Not the unit or population of this indicator's series: not comparable with it."))
    if labelled.caveat:
        notes.append(str(labelled.caveat_label))
    if labelled.differs:
        notes.append(_("Another published version gives another value for this figure: both are shown, neither is chosen."))
    return notes


def figures_of(indicator, language):
    """``[(label, Figure, unit)]`` of an indicator: women, men, total and women minus men, or a
    gap indicator's own gap (the pay gap, (men − women) / men) in its own unit."""
    unit = indicator.unit_words()
    if indicator.kind == "gap":
        return [(indicator.gap_label.pick(language).text if indicator.gap_label else _("Gap"), indicator.gap, unit)]
    return [
        (_("Women"), indicator.women, unit),
        (_("Men"), indicator.men, unit),
        (_("Total"), indicator.total, unit),
        (_("Gap (women − men)"), indicator.gap, str(gap_unit_label(indicator.unit))),
    ]


def years_of(indicator):
    return {row["year"] for row in indicator.chart_rows}


def shown(value):
    """A figure as published, with its flags: "19.6 b"."""
    return {"number": format_number(value.number), "flags": value.flags}


def chart_table(indicator):
    """The chart's values: ``(columns, [(year, [cell or None])])``, one column per country and series."""
    columns, lines = over_time_table(charts.labelled_rows(indicator))
    return columns, [(year, [None if row is None else shown(row_value(row)) for row in cells]) for year, cells in lines]


def row_value(row):
    return Value(row["value"], row["flags"])


def entry_view(report, uid, language):
    entry = report.initiatives[uid]
    return {
        "uid": uid,
        "title": entry.title.pick(language),
        "summary": entry.summary.pick(language),
        "sector": _("sector type: %(sector)s") % {"sector": Sector(entry.sector).label},
        "organisations": [name.pick(language) for name in entry.organisations],
        "audiences": [report.audiences[code].pick(language) for code in entry.audiences if code in report.audiences],
        "period": period(entry),
    }


def period(entry):
    if entry.starts and entry.ends:
        return _("%(starts)s to %(ends)s") % {"starts": entry.starts, "ends": entry.ends}
    if entry.starts:
        return _("since %(starts)s") % {"starts": entry.starts}
    if entry.ends:
        return _("until %(ends)s") % {"ends": entry.ends}
    return ""


def objective_views(report, language):
    views = []
    for objective in report.top_level():
        top = objective_view(report, objective, language)
        top.children = [objective_view(report, child, language) for child in report.children(objective.code)]
        views.append(top)
    return views


def objective_view(report, objective, language):
    return ObjectiveView(
        code=objective.code,
        title=objective.title.pick(language),
        description=objective.description.pick(language),
        counts=[objective.counts.get(sector, 0) for sector in SECTORS],
        total=len(objective.listed),
        serving_total=objective.serving_total,
        entries=[entry_view(report, uid, language) for uid in objective.listed],
        notices=notices(report, objective),
        reach=objective.reach,
    )


def notices(report, objective):
    """Where the counts the compared edition stated for this objective disagree: with its own list (then with the
    registry's note on the list, which also explains a list whose bullets are not its initiatives), and with this year's count."""
    found = []
    for stated in report.stated_for(objective.code):
        analysis = stated.analysis()
        where = _("%(document)s, section %(section)s:") % {"document": stated.document, "section": stated.section}
        sentences = discrepancies(analysis)
        found += [f"{where} {sentence}" for sentence in sentences]
        if stated.note and (sentences or analysis.needs_reading):
            found.append(
                _("The registry's note on section %(section)s of %(document)s: %(note)s")
                % {"section": stated.section, "document": stated.document, "note": list_note(stated.note)}
            )
        claimed = stated.stated.get("total")
        if claimed is None:
            claimed = analysis.stated_breakdown_total
        if claimed is not None and claimed != len(objective.listed):
            found.append(
                _("Section %(section)s of %(document)s states %(stated)s initiatives; the registry has %(count)s running in %(year)s.")
                % {"section": stated.section, "document": stated.document, "stated": claimed,
                   "count": len(objective.listed), "year": report.year}
            )  # fmt: skip
    return found


def meetings(report, language):
    kinds = dict(Meeting.Kind.choices)
    return [
        {
            "date": date_format(parse_date(m.date), "DATE_FORMAT"),
            "iso": m.date,
            "title": m.title.pick(language) if m.title.texts else str(kinds.get(m.kind, m.kind)),
            "participants": m.participants,
        }
        for m in report.meetings
    ]


def change_view(report, language):
    changes = report.changes
    if changes.previous_year is None:
        return None
    labels = {f.name: str(f.verbose_name) for f in Initiative._meta.get_fields() if hasattr(f, "verbose_name")}
    return {
        "previous_year": changes.previous_year,
        "since": date_format(parse_datetime(changes.since), "DATE_FORMAT"),
        "new": [entry_view(report, uid, language) for uid in changes.new if uid in report.initiatives],
        "ended": [entry_view(report, uid, language) for uid in changes.ended if uid in report.initiatives],
        "changed": [
            {**entry_view(report, c.uid, language), "fields": [labels.get(name, name) for name in c.fields]}
            for c in changes.changed
            if c.uid in report.initiatives
        ],
        "withdrawn": withdrawn_sentence(changes),
        "count_notices": [
            _("%(code)s: %(previous)s initiatives in the %(year)s edition, %(current)s now.")
            % {"code": n.objective_code, "previous": n.previous, "year": changes.previous_year, "current": n.current}
            for n in changes.count_notices
        ],
    }


def withdrawn_sentence(changes):
    """How many of the previous edition's initiatives are no longer published (none of them is named), or ""."""
    if not changes.withdrawn:
        return ""
    return ngettext(
        "%(count)s initiative of the %(year)s edition is no longer published; it is not named here.",
        "%(count)s initiatives of the %(year)s edition are no longer published; they are not named here.",
        changes.withdrawn,
    ) % {"count": changes.withdrawn, "year": changes.previous_year}


def period_unknown_view(report, language):
    """The published initiatives whose period is not known for the year, by title: ``{title, organisations, source}``."""
    entries = [
        {
            "title": entry.title.pick(language),
            "organisations": [name.pick(language) for name in entry.organisations],
            "source": source_of(entry),
        }
        for entry in report.period_unknown
    ]
    return sorted(entries, key=lambda entry: entry["title"].text.casefold())


def source_of(entry):
    """Where a record comes from, as the registry states it ("Source: document, section 5"), or ""."""
    if entry.source_document and entry.source_section:
        return _("Source: %(document)s, section %(section)s") % {"document": entry.source_document, "section": entry.source_section}
    return f"{_('Source:')} {entry.source_document}" if entry.source_document else ""


STYLES = Path(__file__).parent / "static" / "reports"
INLINE_CSS = {"reports/report.html": ("report.css",), "reports/report_print.html": ("report.css", "report_print.css")}


def inline_css(template):
    """The style sheets a standalone document carries in itself (the portal page links its own)."""
    return "\n".join((STYLES / name).read_text(encoding="utf-8") for name in INLINE_CSS.get(template, ()))


def render_html(report, language, template="reports/report.html", draft=False, extra=None):
    """The report as an HTML document (the standalone file, the print variant, or a portal page)."""
    context = {**view(report, language, draft), "css": inline_css(template), **(extra or {})}
    with translation.override(language):
        return render_to_string(template, context)


def render_pdf(report, language, draft=False):
    """The PDF of the print variant, tagged (PDF/UA-1), with the document language set."""
    from weasyprint import HTML  # noqa: PLC0415  (loads pango; only the PDF needs it)

    html = render_html(report, language, "reports/report_print.html", draft=draft)
    return HTML(string=html, base_url=str(settings.REPO_DIR)).write_pdf(pdf_variant=PDF_VARIANT)
