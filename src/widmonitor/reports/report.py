"""The built report as plain data: dataclasses that serialise to JSON and back.

A ``Report`` holds everything a rendering shows in every content language (texts as
``Text``: ``{language: text}`` with the original's code), and only codes and numbers for what
the interface labels (sectors, flags, units, section titles): those are translated when it is
rendered. So one snapshot renders every language, and a frozen edition renders its data
identically whatever happens to the registry or the statistics later.
"""

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field

from widmonitor.indicators.presentation import unit_label
from widmonitor.initiatives.analysis import ListAnalysis
from widmonitor.languages import pick

SNAPSHOT_VERSION = 1


@dataclass
class Text:
    texts: dict  # {language code: text}
    original: str

    def pick(self, language=None):
        """The text in ``language`` (default: the active one), else the original, marked (``languages.pick``)."""
        return pick(self.texts, self.original, language)

    def __str__(self):
        return str(self.pick())


@dataclass
class Figure:
    number: float | None
    flags: str = ""

    @property
    def missing(self):
        return self.number is None


@dataclass
class Source:
    kind: str  # eurostat or document
    dataset: str = ""
    document: str = ""
    section: str = ""
    title: str = ""


@dataclass
class PublishedFigure:
    """A figure a document or public page publishes for Belgium (``indicators.quoted.Quoted``), shown where
    Eurostat's values are missing, with its own population, unit, year and source."""

    sex: str  # F, M or T
    age_band: str  # "" when the text gives none
    unit: str  # a unit code, labelled when rendered
    year: int
    value: float
    quote: str  # the sentence it is copied from
    document: str
    section: str  # "" for a public page
    title: str  # the document's or page's title
    url: str = ""  # a public page's address
    measure: str = ""  # a code of indicators.published.MEASURES where it measures something else
    caveat: str = ""  # a code of indicators.published.CAVEATS
    in_series: bool = True  # same unit and population as the indicator's series
    differs: bool = False  # another source publishes another value for the same cell


@dataclass
class Indicator:
    """An indicator's latest values for Belgium up to the report's year, and its chart's rows."""

    code: str
    title: Text
    area: str
    unit: str  # a unit code, labelled when rendered
    kind: str  # by_sex or gap
    year: int | None
    women: Figure
    men: Figure
    total: Figure
    gap: Figure
    sources: list[Source] = field(default_factory=list)
    chart_rows: list = field(default_factory=list)  # {geo, sex, year, value, flags}
    target_year: int | None = None
    target_value: float | None = None
    published: list[PublishedFigure] = field(default_factory=list)  # where Eurostat's values are missing
    # the catalogue's own texts, where it gives them: a gap indicator (the pay gap) is not women minus men
    definition: Text | None = None
    unit_label: Text | None = None  # the unit in words (the pay gap: % of men's average gross hourly earnings)
    gap_label: Text | None = None  # a gap indicator's one series, e.g. Pay gap, (men − women) / men

    def unit_words(self):
        """The unit in words in the active language: the catalogue's own where it gives them, else its code's."""
        return self.unit_label.pick().text if self.unit_label else str(unit_label(self.unit))


@dataclass
class InitiativeEntry:
    uid: str
    title: Text
    summary: Text
    sector: str
    audiences: list  # audience codes, labelled from Report.audiences
    organisations: list[Text] = field(default_factory=list)
    starts: str = ""
    ends: str = ""
    source_document: str = ""  # where the record comes from, as the registry states it
    source_section: str = ""


def percent(part, whole):
    """``part`` of ``whole`` in percent, to one decimal; None when ``whole`` is 0."""
    return round(100 * part / whole, 1) if whole else None


@dataclass
class Reach:
    """What the initiatives in a scope reported reaching in the year (``widmonitor.reach.summary``); shares are computed when shown."""

    initiatives: int  # published initiatives in the scope
    reported: int  # of which with an accepted outcome for the year
    participants: int
    women: int  # women and girls among the participants
    sessions: int | None = None

    @property
    def women_share(self):
        return percent(self.women, self.participants)


@dataclass
class ReachOverview:
    total: Reach  # each initiative once
    audiences: dict[str, Reach]  # audience code -> reach of the initiatives for that audience
    ages: dict[str, Reach]  # age band code -> sums of the bands the outcomes give


@dataclass
class SelfCheckArea:
    code: str  # a DigComp 2.2 area, e.g. 2
    name: Text
    before: float  # mean level, 0 to 3
    after: float

    @property
    def difference(self):
        return round(self.after - self.before, 2)


@dataclass
class SelfCheckChange:
    """A published initiative's before-and-after self-check (``selfcheck``): its pairs ended in the year, 10 or more,
    shown with its partner's consent."""

    uid: str
    title: Text
    pairs: int
    areas: list[SelfCheckArea] = field(default_factory=list)


@dataclass
class Mentoring:
    """The year's pairs of the mentoring programmes (``mentoring.aggregates``): anonymous, a count under 10 is None."""

    programmes: int
    participants: int | None
    mentees: int | None
    mentors: int | None
    women: int | None
    still_in_touch: int | None  # of those who answered the end-of-cycle follow-up
    answered: int | None
    smallest_shown: int = 10


@dataclass
class Panels:
    """The panels recorded at the events of published initiatives in the year (``experts.PanelRecord``): counts only."""

    panels: int
    women: int
    men: int
    non_binary: int
    not_stated: int

    @property
    def speakers(self):
        return self.women + self.men + self.non_binary + self.not_stated

    @property
    def women_share(self):
        return percent(self.women, self.speakers)


@dataclass
class ObjectiveSection:
    """An objective or sub-objective with the initiatives running in the year, counted by sector type."""

    code: str
    title: Text
    description: Text
    parent: str  # "" for an objective
    listed: list  # uids linked to it directly (for a sub-objective: all its initiatives)
    counts: dict  # {sector: count} of ``listed``
    serving_total: int  # an objective: initiatives linked to it or to any sub-objective, each once
    serving_counts: dict
    reach: Reach | None = None  # of the initiatives running in the year (an objective: with its sub-objectives')


@dataclass
class StatedList:
    """A list as an edition printed it, with its stated counts beside the computed ones (initiatives.analysis)."""

    document: str
    section: str
    objective_code: str
    bullets: int
    initiatives: int
    computed: dict
    stated: dict
    stated_text: str
    note: str
    in_text: int = 0  # initiatives the list counts in its text, not as bullets

    def analysis(self, objective_title=""):
        """This list as ``initiatives.analysis`` compares it (its discrepancies not yet found)."""
        return ListAnalysis(
            document=self.document, section=self.section, objective_code=self.objective_code,
            objective_title=objective_title, bullets=self.bullets, initiatives=self.initiatives,
            computed=self.computed, stated=self.stated, stated_text=self.stated_text, note=self.note, in_text=self.in_text,
        )  # fmt: skip


@dataclass
class Meeting:
    date: str  # ISO date
    kind: str
    title: Text
    participants: int | None


@dataclass
class CountNotice:
    objective_code: str
    previous: int
    current: int


@dataclass
class ChangedEntry:
    uid: str
    fields: list  # model field names, labelled when rendered


@dataclass
class Changes:
    previous_year: int | None = None
    since: str = ""  # ISO datetime of the previous edition's publication
    new: list = field(default_factory=list)  # uids
    ended: list = field(default_factory=list)  # published, their period ended
    changed: list[ChangedEntry] = field(default_factory=list)
    count_notices: list[CountNotice] = field(default_factory=list)
    withdrawn: int = 0  # of the previous edition's initiatives, those no longer published (never named)


@dataclass
class PublishedEdition:
    """The year's edition as it was published outside widmonitor, whose text the report carries (``bundled.published_edition``)."""

    document: str  # its identifier in the registry and the sources, e.g. wid-report-2022
    title: str  # as published, e.g. Women in Digital – Rapport 2022
    publisher: str
    language: str  # the language of its title and text


@dataclass
class Report:
    year: int
    built_at: str  # ISO datetime
    languages: list  # content language codes
    language_names: dict  # {code: name in the language itself}
    strategy: Text
    texts: dict[str, Text]  # section key -> prose; a section without prose is absent
    indicators: list[Indicator]
    objectives: list[ObjectiveSection]
    initiatives: dict[str, InitiativeEntry]  # uid -> entry: every initiative the report names
    audiences: dict[str, Text]  # audience code -> label
    meetings: list[Meeting]
    supporting: list[Text]  # names of the organisations supporting the strategy in the year
    changes: Changes
    stated_document: str  # the edition whose stated counts are compared ("" when none)
    stated_lists: list[StatedList]
    reach: ReachOverview | None = None
    panels: Panels | None = None
    mentoring: Mentoring | None = None
    published_edition: PublishedEdition | None = None  # the year's edition published outside widmonitor, if any
    supporting_sources: list = field(default_factory=list)  # where the year's recorded supporters are recorded
    supporting_at_meetings: int = 0  # of the supporting organisations, those known only from the year's meetings
    period_unknown: list[InitiativeEntry] = field(default_factory=list)  # published, no evidence for or against the year
    self_checks: list[SelfCheckChange] = field(default_factory=list)  # published initiatives' before-and-after self-checks
    version: int = SNAPSHOT_VERSION

    def to_json(self):
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data):
        return decode(cls, data)

    def objective(self, code):
        return next((o for o in self.objectives if o.code == code), None)

    def top_level(self):
        return [o for o in self.objectives if not o.parent]

    def children(self, code):
        return [o for o in self.objectives if o.parent == code]

    def stated_for(self, code):
        return [s for s in self.stated_lists if s.objective_code == code]


def decode(kind, data):
    """``data`` (from ``to_json``) as an instance of ``kind``, recursing through dataclass-typed fields."""
    if data is None:
        return None
    if dataclasses.is_dataclass(kind):
        hints = type_hints(kind)
        return kind(**{f.name: decode(hints[f.name], data[f.name]) for f in dataclasses.fields(kind) if f.name in data})
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is list and args:
        return [decode(args[0], item) for item in data]
    if origin is dict and len(args) == 2:
        return {key: decode(args[1], value) for key, value in data.items()}
    if origin in (typing.Union, types.UnionType):
        inner = [arg for arg in args if arg is not type(None)]
        return decode(inner[0], data) if len(inner) == 1 else data
    return data


@functools.cache
def type_hints(kind):
    return typing.get_type_hints(kind)
