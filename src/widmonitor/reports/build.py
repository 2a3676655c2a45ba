"""``build_report(year)``: everything the annual report shows, gathered from the registry, the
strategy, the indicator store and the report's own records, as a plain ``report.Report``.

Every count is computed here from records; nothing is typed. The initiatives of a year are the
published ones that ran in it on evidence (``InitiativeQuerySet.running_in_year``): their period,
their listing in that year's edition, or an accepted reach outcome for the year. A published
record with none of these, whose period does not exclude the year, is listed apart as "period
not known" (``Report.period_unknown``) and counted nowhere.
"""

import datetime
import re

from django.db.models import Prefetch
from django.utils import timezone

from widmonitor.actors.models import Organisation
from widmonitor.experts.models import PanelRecord
from widmonitor.indicators import presentation, quoted
from widmonitor.indicators.charts import over_time_rows
from widmonitor.initiatives.analysis import analyse
from widmonitor.initiatives.models import Initiative, PublishedList
from widmonitor.languages import content_languages
from widmonitor.reach import summary as reach
from widmonitor.selfcheck.models import InitiativeCheck
from widmonitor.strategy.models import Objective, Strategy
from widmonitor.vocabularies.choices import Sector, Vocabulary
from widmonitor.vocabularies.models import Term

from . import changes, report
from .bundled import published_edition
from .models import Edition, Meeting, Supporter, TextBlock

DOCUMENT_YEAR = re.compile(r"(\d{4})$")
SEXES = {"F": "women", "M": "men", "T": "total"}  # a published figure's sex: the Point value of that series


class UnknownYear(ValueError):
    """The year is outside the strategy's years, so there is nothing to report on."""


def report_years():
    """The years a report can be built for: the current strategy's, up to this year."""
    strategy = Strategy.objects.current()
    if strategy is None:
        return []
    return list(range(strategy.starts, min(strategy.ends, timezone.localdate().year) + 1))


def build_report(year):
    """The report of ``year``, computed now."""
    strategy = Strategy.objects.current()
    if strategy is None or year not in report_years():
        raise UnknownYear(year)
    running = running_in(year)
    objectives, named, reach_scopes = objective_sections(year, running)
    reach_overview = reach_of_year(year, running, objectives, reach_scopes)
    previous = Edition.objects.previous(year)
    unknown = period_unknown_entries(year)
    change_set = changes.since_previous(previous, objectives, {entry.uid for entry in unknown})
    named |= {*change_set.new, *change_set.ended, *(entry.uid for entry in change_set.changed)}
    document, stated = stated_lists(year)
    meetings = meetings_for(year, previous)
    supporters, recorded = supporting(year, meetings)
    edition = published_edition(year)
    return report.Report(
        year=year,
        built_at=timezone.now().isoformat(),
        languages=[language.code for language in content_languages()],
        language_names={language.code: language.name for language in content_languages()},
        strategy=text_of(strategy, "title"),
        texts=prose(year),
        indicators=indicators(year, edition.document if edition else ""),
        objectives=objectives,
        initiatives=initiative_entries(named),
        audiences={term.code: text_of(term, "label") for term in Term.objects.of(Vocabulary.AUDIENCE).order_by("position")},
        meetings=[
            report.Meeting(m.date.isoformat(), m.kind, text_of(m, "title"), m.participants) for m in meetings
        ],
        supporting=[text_of(organisation, "name") for organisation in supporters],
        supporting_sources=sorted({support.source for support in recorded}),
        supporting_at_meetings=len(supporters) - len(recorded),
        changes=change_set,
        stated_document=document,
        stated_lists=stated,
        reach=reach_overview,
        panels=panel_figures(year),
        self_checks=self_check_changes(year),
        mentoring=mentoring_figures(year),
        published_edition=edition,
        period_unknown=unknown,
    )


def running_in(year):
    """The published initiatives that ran at some time in ``year``, on evidence (``running_in_year``)."""
    return Initiative.objects.published().running_in_year(year)


def period_unknown_entries(year):
    """The published initiatives whose period is not known for ``year``: what the report lists of each, with its source."""
    uids = Initiative.objects.published().period_unknown_in_year(year).values_list("uid", flat=True)
    return list(initiative_entries(list(uids)).values())


def text_of(record, name):
    return report.Text(dict(getattr(record, name) or {}), record.original_language)


def prose(year):
    """``{section: Text}``: the text blocks of the year; a section's original is its block not marked as a translation."""
    texts = {}
    for block in TextBlock.objects.of_year(year):
        entry = texts.setdefault(block.section, report.Text({}, block.language))
        entry.texts[block.language] = block.text
    return texts


def counts(sectors):
    """``{sector: count}`` for every sector type, from an iterable of sector values."""
    found = {sector: 0 for sector in Sector.values}
    for sector in sectors:
        found[sector] += 1
    return found


def objective_sections(year, running):
    """The strategy's objectives in order, each with its initiatives of the year; every uid they name; and
    ``{code: initiative pks}`` whose reach each one shows (an objective: with its sub-objectives')."""
    objectives = list(Objective.objects.current())
    parents = {o.pk: o.parent_id for o in objectives}
    pairs = Initiative.objectives.through.objects.filter(initiative__in=running).values_list(
        "objective_id", "initiative_id", "initiative__uid", "initiative__sector"
    )
    direct, serving = {}, {}  # {objective pk: {uid: (initiative pk, sector)}}
    for objective_id, pk, uid, sector in pairs:
        direct.setdefault(objective_id, {})[uid] = (pk, sector)
        for target in (objective_id, parents.get(objective_id)):
            if target:
                serving.setdefault(target, {})[uid] = (pk, sector)
    sections, named, reach_scopes = [], set(), {}
    for o in objectives:
        listed = direct.get(o.pk, {})
        all_serving = serving.get(o.pk, {})
        named |= set(listed)
        reach_scopes[o.code] = {pk for pk, _sector in (listed if o.parent_id else all_serving).values()}
        sections.append(
            report.ObjectiveSection(
                code=o.code,
                title=text_of(o, "title"),
                description=text_of(o, "description"),
                parent=next((p.code for p in objectives if p.pk == o.parent_id), ""),
                listed=sorted(listed),
                counts=counts(sector for _pk, sector in listed.values()),
                serving_total=len(all_serving),
                serving_counts=counts(sector for _pk, sector in all_serving.values()),
            )
        )
    return sections, named, reach_scopes


def reach_of_year(year, running, objectives, reach_scopes):
    """The reach the initiatives running in ``year`` reported for it: set on each objective section (of the
    initiatives in its ``reach_scopes``); in all, per audience, per age band."""
    figures = reach.accepted_figures(year, running)
    for section in objectives:
        section.reach = reach_of(reach.row(None, reach_scopes[section.code], figures))
    return report.ReachOverview(
        total=reach_of(reach.row(None, set(running.values_list("pk", flat=True)), figures)),
        audiences={row.subject.code: reach_of(row) for row in reach.reach_by_audience(year, running)},
        ages={row.subject.value: reach_of(row) for row in reach.reach_by_age(year, running)},
    )


def panel_figures(year):
    """The speakers of the panels recorded at the events of published initiatives in ``year``."""
    records = PanelRecord.objects.in_year(year).filter(initiative__in=Initiative.objects.published())
    totals = records.totals()
    return report.Panels(records.count(), totals.women, totals.men, totals.non_binary, totals.not_stated)


def mentoring_figures(year):
    """The pairs both accepted in the year's cycles of programmes of published initiatives; None when there are none."""
    from widmonitor.mentoring.aggregates import SMALLEST_SHOWN, figures
    from widmonitor.mentoring.models import Programme

    programmes = Programme.objects.filter(initiative__in=Initiative.objects.published())
    found = next((row for row in figures(programmes) if row.year == year), None)
    if found is None:
        return None
    end_round = found.answers[0]
    return report.Mentoring(
        programmes=programmes.filter(cycles__matching_on__year=year).distinct().count(),
        participants=found.participants.shown,
        mentees=found.mentees.shown,
        mentors=found.mentors.shown,
        women=found.women.shown,
        still_in_touch=end_round[1].shown,
        answered=end_round[4].shown,
        smallest_shown=SMALLEST_SHOWN,
    )


def reach_of(row):
    return report.Reach(row.initiatives, row.reported, row.participants, row.women, row.sessions)


def initiative_entries(uids):
    """``{uid: InitiativeEntry}`` of the named initiatives that are published (only those reach a report): what the
    lists print of each (no contact details)."""
    queryset = Initiative.objects.published().filter(uid__in=uids).prefetch_related(
        Prefetch("audiences", queryset=Term.objects.order_by("position")),
        Prefetch("organisations", queryset=Organisation.objects.order_by("slug")),
    )
    entries = {}
    for initiative in queryset.order_by("uid"):
        entries[initiative.uid] = report.InitiativeEntry(
            uid=initiative.uid,
            title=text_of(initiative, "title"),
            summary=text_of(initiative, "summary"),
            sector=initiative.sector,
            audiences=[term.code for term in initiative.audiences.all()],
            organisations=[text_of(organisation, "name") for organisation in initiative.organisations.all()],
            starts=initiative.starts,
            ends=initiative.ends,
            source_document=initiative.source_document,
            source_section=initiative.source_section,
        )
    return entries


def meetings_for(year, previous):
    """The meetings since the ``previous`` published edition's year (the first edition: all) up to the end of ``year``."""
    meetings = Meeting.objects.filter(date__lte=datetime.date(year, 12, 31))
    if previous is not None:
        meetings = meetings.filter(date__gt=datetime.date(previous.year, 12, 31))
    return list(meetings.order_by("date").prefetch_related("organisations"))


def supporting(year, meetings):
    """``(organisations, supporters)``: the organisations supporting the strategy in ``year``, each once, by identifier:
    its recorded supporters (``Supporter``, also returned) and the organisations linked to the year's meetings."""
    recorded = list(Supporter.objects.in_year(year).select_related("organisation"))
    found = {support.organisation.slug: support.organisation for support in recorded}
    for meeting in meetings:
        for organisation in meeting.organisations.all():
            found[organisation.slug] = organisation
    return [found[slug] for slug in sorted(found)], recorded


def indicators(year, edition=""):
    """Each catalogue indicator: Belgium's latest values up to ``year`` with flags and sources, its chart rows, and
    the figures published where those values are missing (``published_where_missing``; ``edition``: the year's)."""
    found = []
    catalogue = presentation.catalogue()
    sources = presentation.eurostat_sources(list(catalogue))
    quoted_by_code = quoted.quoted_figures(catalogue.values(), geo=presentation.HOME)
    for indicator in catalogue.values():
        by_geo = presentation.series_by_geo(indicator)
        home = by_geo.get(presentation.HOME)
        points = [p for p in (home.points if home else []) if p.year <= year and p.has_value]
        latest = points[-1] if points else None
        rows = [row for row in over_time_rows(indicator, by_geo) if row["year"] <= year]
        target = drawn_target(indicator, rows)
        found.append(
            report.Indicator(
                code=indicator.code,
                title=report.Text(dict(indicator.title), indicator.original_language),
                area=indicator.area,
                unit=indicator.unit,
                kind=indicator.source.kind,
                year=latest.year if latest else None,
                women=figure(latest, "women"),
                men=figure(latest, "men"),
                total=figure(latest, "total"),
                gap=figure(latest, "gap"),
                sources=[
                    report.Source(s.kind, s.dataset, s.document, s.section, s.title)
                    for s in sources.get(indicator.code, [])
                ],
                chart_rows=[{key: row[key] for key in ("geo", "sex", "year", "value", "flags")} for row in rows],
                target_year=target.year if target else None,
                target_value=target.value if target else None,
                published=published_where_missing(quoted_by_code.get(indicator.code, []), latest, year, edition),
                **own_texts(indicator),
            )
        )
    return found


def published_where_missing(figures, latest, year, edition):
    """The figures documents and public pages publish for Belgium up to ``year`` that Eurostat's ``latest`` values
    do not give: all those of the year's ``edition`` (a document name, or ""), and of the other sources those of
    their latest year. A figure of the indicator's own series is left out where Eurostat has a value for its sex
    that year or later; one of another population, unit or measure is kept (Eurostat has none)."""
    given = {sex for sex, name in SEXES.items() if latest is not None and not getattr(latest, name).missing}
    kept = [f for f in figures if f.year <= year and not (f.in_series and f.sex in given and latest.year >= f.year)]
    newest = max((f.year for f in kept if f.source.document != edition), default=None)
    return [
        report.PublishedFigure(
            f.sex, f.age_band, f.unit, f.year, f.value, f.quote, f.source.document, f.source.section, f.source.title,
            f.source.url, f.measure, f.caveat, f.in_series, f.differs,
        )
        for f in kept
        if f.source.document == edition or f.year == newest
    ]  # fmt: skip


def own_texts(indicator):
    """The catalogue's own definition, unit and gap label of ``indicator``, as ``report.Text``, where it gives them."""
    keys = ("definition", "unit_label", "gap_label")
    return {key: report.Text(dict(getattr(indicator, key)), indicator.original_language) for key in keys if getattr(indicator, key)}


def drawn_target(indicator, rows):
    """The target, when it is a number about a series the chart draws (a target for the total is not drawn beside women only)."""
    target = indicator.target
    if target is None or target.value is None:
        return None
    sex = {"women": "F", "men": "M", "total": "T"}.get(target.applies_to)
    return target if sex is None or any(row["sex"] == sex for row in rows) else None


def figure(point, name):
    if point is None:
        return report.Figure(None)
    value = getattr(point, name)
    return report.Figure(None if value.missing else float(value.number), value.flags or "")


def stated_lists(year):
    """The lists of the latest edition up to ``year`` that printed counts (``wid-report-<year>``), analysed."""
    documents = {}
    for document in PublishedList.objects.values_list("document", flat=True).distinct():
        match = DOCUMENT_YEAR.search(document)
        if match and int(match.group(1)) <= year:
            documents[int(match.group(1))] = document
    if not documents:
        return "", []
    document = documents[max(documents)]
    return document, [
        report.StatedList(
            a.document, a.section, a.objective_code, a.bullets, a.initiatives,
            dict(a.computed), {str(k): v for k, v in a.stated.items()}, a.stated_text, a.note, a.in_text,
        )
        for a in analyse(document)
    ]  # fmt: skip


def self_check_changes(year):
    """The before-and-after self-checks of published initiatives whose partner agreed to show them, from 10 pairs
    ended in ``year`` up (``selfcheck.change``), by title."""
    found = []
    for check in InitiativeCheck.objects.public().select_related("initiative"):
        change = check.change(year)
        if change.enough:
            areas = [report.SelfCheckArea(a.area.code, report.Text(dict(a.area.names), "en"), a.before, a.after) for a in change.areas]
            found.append(report.SelfCheckChange(check.initiative.uid, text_of(check.initiative, "title"), change.pairs, areas))
    return sorted(found, key=lambda item: str(item.title.pick(item.title.original).text).casefold())
