"""The indicator catalogue (``config/indicators.yaml``) as plain dataclasses.

``load_catalogue`` reads and checks the whole file, collecting every problem as a ``Problem``
naming the indicator (``indicators[3] (wid_sse_gpg)``), and raises ``Problems`` if there is
any: a catalogue with one mistake loads nothing. The keys are explained in the file's header.

Every text (title, definition, unit and gap labels, target, note) is ``{language: text}`` in
each interface language, beside the indicator's ``original_language``: the pages show the
reader's language (``Indicator.text``). An indicator whose one series already is a gap (the
gender pay gap) states its own definition, unit and gap label: it is not women minus men.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml
from widmonitor.languages import Translated, interface_codes
from widmonitor.strategy.loader import read_strategy

# the three areas of data/wid_scoreboard/wid_indicator_structure.csv (level "dimension")
AREAS = ("wid_ui", "wid_ius", "wid_sse")
DATA = ("bundled", "partial", "none")
KINDS = ("by_sex", "gap")
BETTER = ("higher", "lower")
SERIES = ("women", "men", "total")
GAP_TEXTS = ("definition", "unit_label", "gap_label")  # what a gap indicator must state of itself
CODE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Source:
    dataset: str  # Eurostat dataset code; "" when not confirmed yet
    kind: str = "by_sex"  # by_sex: women, men, total series; gap: one series that is a gap
    filters: dict = field(default_factory=dict)  # for every series, e.g. {"unit": "PC_IND"}
    women: dict = field(default_factory=dict)  # added for the women's series, e.g. {"sex": "F"}
    men: dict = field(default_factory=dict)
    total: dict = field(default_factory=dict)

    def series_filters(self, series):
        """All the dimension filters of one series (women, men or total)."""
        return {**self.filters, **getattr(self, series)}

    def defined_series(self, wanted=SERIES):
        """``{series: filters}`` of the series the catalogue defines, among ``wanted``: a gap
        source has one, ``gap``, filtered as the total; a by-sex source those of women, men and
        total that have filters of their own (e.g. no total share of women)."""
        if self.kind == "gap":
            return {"gap": self.series_filters("total")}
        return {name: self.series_filters(name) for name in wanted if getattr(self, name)}


@dataclass(frozen=True)
class Target(Translated):
    statement: dict  # {language: text}, the target's words
    source: dict  # {language: text}, the act or document that sets it
    year: int
    original_language: str = "en"
    value: float | None = None  # None for a target stated in words (convergence)
    unit: str = ""
    geo: str = ""
    applies_to: str = "total"


@dataclass(frozen=True)
class Indicator(Translated):
    code: str
    title: dict  # {language: text}
    original_language: str
    area: str  # one of AREAS, or "" for an extra indicator
    source: Source
    unit: str
    better: str  # higher or lower: which way of the value is progress (women's value, or the gap itself)
    data: str  # bundled, partial or none
    definition: dict = field(default_factory=dict)  # {language: text}; a gap indicator's own definition
    unit_label: dict = field(default_factory=dict)  # {language: text}; else the words of the unit's code
    gap_label: dict = field(default_factory=dict)  # {language: text}; a gap indicator's series, e.g. (men − women) / men
    target: Target | None = None
    informs: tuple = ()
    bundled_series: tuple = ()
    files: tuple = ()
    note: dict = field(default_factory=dict)  # {language: text}

    @property
    def higher_is_better(self):
        return self.better == "higher"

    @property
    def is_gap(self):
        """Its one series already is a gap between women and men, with its own definition (not women minus men)."""
        return self.source.kind == "gap"


def load_catalogue(path=None):
    """The indicators of ``path`` (default config/indicators.yaml), checked against the
    strategy's sub-objectives and the bundled data files."""
    path = Path(path or settings.CONFIG_DIR / "indicators.yaml")
    strategy = read_strategy(settings.CONFIG_DIR / "strategies" / f"{settings.STRATEGY}.yaml")
    sub_objectives = {objective["code"] for objective in strategy["objectives"] if objective["parent"] is not None}
    data_dir = settings.DATA_DIR / "eurostat"
    document = read_yaml(path)
    reader = CatalogueReader(path, sub_objectives, data_dir)
    items = document.get("indicators")
    if not isinstance(items, list) or not items:
        reader.error("indicators", "required", _("expected a list of indicators under 'indicators'"))
        items = []
    indicators, seen = [], set()
    for number, item in enumerate(items, start=1):
        code = item.get("code") if isinstance(item, dict) else None
        where = f"indicators[{number}] ({code})" if code else f"indicators[{number}]"
        indicator = reader.indicator(item, where)
        if indicator and indicator.code in seen:
            reader.error(where, "duplicate", _("the code '%(value)s' is used twice"), value=indicator.code)
        elif indicator:
            seen.add(indicator.code)
            indicators.append(indicator)
    reader.raise_if_errors()
    return indicators


class CatalogueReader(Reader):
    def __init__(self, path, sub_objectives, data_dir):
        super().__init__(path)
        self.sub_objectives = sub_objectives
        self.data_dir = data_dir

    def indicator(self, item, where):
        if not isinstance(item, dict):
            self.error(where, "wrong_type", _("an indicator must be a mapping of keys to values"))
            return None
        code = self.require(item, "code", where)
        if code and not CODE.match(code):
            self.error(where, "bad_code", _("the code '%(value)s' must be lower-case letters, digits and _"), value=code)
        original = self.language(item, "original_language", where, "en")
        data = self.choice(item, "data", where, DATA, "none")
        indicator = Indicator(
            code=code or "",
            title=self.texts(item, "title", where, original),
            original_language=original,
            area=self.code(item, "area", where, AREAS, "WiD area"),
            source=self.source(item, where, data),
            unit=self.require(item, "unit", where) or "",
            better=self.better(item, where),
            data=data,
            definition=self.texts(item, "definition", where, original, required=False),
            unit_label=self.texts(item, "unit_label", where, original, required=False),
            gap_label=self.texts(item, "gap_label", where, original, required=False),
            target=self.target(item, where, original),
            informs=tuple(self.codes(item, "informs", where, self.sub_objectives, "sub-objective")),
            bundled_series=tuple(self.codes(item, "bundled_series", where, set(SERIES), "series")),
            files=tuple(self.files(item, where)),
            note=self.texts(item, "note", where, original, required=False),
        )
        self.check_data(indicator, where)
        self.check_gap(indicator, where)
        return indicator

    def texts(self, item, key, where, original, required=True):
        """``{language: text}`` of ``key``, in every interface language when given (a page shows the reader's)."""
        texts = self.translations(item, key, where, original, required=required)
        if texts:
            for language in interface_codes():
                if language not in texts:
                    message = _("missing %(key)s.%(language)s (every text of the catalogue is shown in %(expected)s)")
                    self.error(where, "missing_translation", message, key=key, language=language, expected=", ".join(interface_codes()))
        return texts

    def better(self, item, where):
        value = self.text(item, "better", where)
        if not value:
            self.error(where, "required", _("missing 'better' (higher or lower: which way of the value is progress)"))
        elif value not in BETTER:
            message = _("'better' is '%(value)s' (expected higher or lower: which way of the value is progress)")
            self.error(where, "bad_choice", message, value=value)
        return value

    def source(self, item, where, data):
        value = item.get("source")
        if not isinstance(value, dict):
            self.error(where, "required", _("missing 'source' (a mapping with the Eurostat dataset and its filters)"))
            return Source(dataset="")
        dataset = self.text(value, "dataset", where)
        if not dataset and data != "none":
            self.error(where, "required", _("missing 'source.dataset' (needed when data is %(data)s)"), data=data)
        kind = self.choice(value, "kind", where, KINDS, "by_sex")
        series = {name: self.filters(value, name, where) for name in SERIES}
        filters = {str(k): str(v) for k, v in value.items() if k not in ("dataset", "kind", *SERIES) and not isinstance(v, (dict, list))}
        return Source(dataset=dataset, kind=kind, filters=filters, **series)

    def filters(self, source, name, where):
        value = source.get(name) or {}
        if not isinstance(value, dict) or any(isinstance(v, (dict, list)) for v in value.values()):
            message = _("'source.%(key)s' must map dimension codes to codes, such as {sex: F}")
            self.error(where, "wrong_type", message, key=name)
            return {}
        return {str(k): str(v) for k, v in value.items()}

    def target(self, item, where, original):
        value = item.get("target")
        if value is None:
            return None
        if not isinstance(value, dict):
            self.error(where, "wrong_type", _("'target' must be a mapping (value, unit, year, geo, applies_to, statement, source)"))
            return None
        number = value.get("value")
        if number is not None and (isinstance(number, bool) or not isinstance(number, (int, float))):
            self.error(where, "wrong_type", _("'target.value' must be a number or empty, not %(found)s"), found=type(number).__name__)
            number = None
        year = self.require(value, "year", where, kind=int)
        return Target(
            statement=self.texts(value, "statement", f"{where}.target", original),
            source=self.texts(value, "source", f"{where}.target", original),
            year=year or 0,
            original_language=original,
            value=number,
            unit=self.text(value, "unit", where),
            geo=self.text(value, "geo", where),
            applies_to=self.choice(value, "applies_to", where, SERIES, "total"),
        )

    def files(self, item, where):
        value = item.get("files") or []
        if not isinstance(value, list):
            self.error(where, "wrong_type", _("'files' must be a list of file names in %(folder)s"), folder=self.data_dir)
            return []
        for name in value:
            if not (self.data_dir / str(name)).is_file():
                message = _("'files' names %(value)s, which is not in %(folder)s")
                self.error(where, "missing_file", message, value=name, folder=self.data_dir)
        return [str(name) for name in value]

    def check_data(self, indicator, where):
        if indicator.data == "none" and indicator.files:
            self.error(where, "inconsistent", _("data is none but 'files' lists bundled files"))
        if indicator.data != "none" and not indicator.files:
            self.error(where, "required", _("missing 'files' (the bundled files when data is %(data)s)"), data=indicator.data)
        if indicator.data == "partial" and not indicator.bundled_series:
            self.error(where, "required", _("missing 'bundled_series' (which of women, men, total are bundled)"))

    def check_gap(self, indicator, where):
        """A gap indicator says what its gap is: it is not the women minus men the pages compute."""
        if not indicator.is_gap:
            return
        for key in GAP_TEXTS:
            if not getattr(indicator, key):
                message = _("missing '%(key)s': an indicator of kind gap states its own definition, unit_label and gap_label (it is not women minus men)")
                self.error(where, "required", message, key=key)
