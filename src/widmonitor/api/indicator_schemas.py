"""The shapes of the indicator endpoints' answers (``api/indicators.py``), with the examples the docs show."""

from datetime import datetime

from ninja import Field, Schema

from .schemas import Text

EXAMPLE_LINKS = {
    "self": "https://example.org/api/indicators/wid_sse_icts",
    "page": "https://example.org/en/indicators/wid_sse_icts/",
    "observations": "https://example.org/api/indicators/wid_sse_icts/observations",
    "sdmx_csv": "https://example.org/api/indicators/wid_sse_icts/sdmx-csv",
    "json_stat": "https://example.org/api/indicators/wid_sse_icts/json-stat",
    "csv": "https://example.org/en/indicators/wid_sse_icts/download.csv?headers=codes",
    "xlsx": "https://example.org/en/indicators/wid_sse_icts/download.xlsx?headers=codes",
}


class Selection(Schema):
    """Which observations: by geography, years and series (lists comma-separated)."""

    geo: str = Field("", description="Eurostat geo codes, comma-separated; default all.", json_schema_extra={"example": "BE,EU27_2020"})
    since: str = Field("", description="First year, inclusive.", json_schema_extra={"example": "2015"})
    until: str = Field("", description="Last year, inclusive.", json_schema_extra={"example": "2021"})
    series: str = Field("", description="women, men, total or gap (a gap indicator's one series), comma-separated; default all.", json_schema_extra={"example": "women,men"})


class ObservationFilters(Selection):
    kind: str = Field("", description="eurostat (the statistical series) or document (figures quoted by documents); default both.", json_schema_extra={"example": "eurostat"})
    lang: str = Field("", description="Language of the labels (flags' meanings): nl, fr or en; default en.", json_schema_extra={"example": "fr"})
    limit: int = Field(100, ge=1, le=1000, description="How many observations per page.")
    offset: int = Field(0, ge=0, description="How many matching observations to skip.")


class FileFilters(Selection):
    lang: str = Field("", description="Language of the labels (JSON-stat only): nl, fr or en; default en.", json_schema_extra={"example": "nl"})


class Target(Schema):
    statement: Text
    source: Text
    year: int
    value: float | None = Field(description="Empty for a target stated in words only.")
    unit: str
    geo: str
    applies_to: str = Field(description="The series the target is for: women, men or total.")


class SourceOut(Schema):
    key: str = Field(examples=["eurostat:isoc_sks_itsps:isoc_sks_itsps_PC_F_2014-2021.tsv"])
    kind: str = Field(description="eurostat or document.")
    title: str
    dataset: str = Field(description="The Eurostat dataset code, for a Eurostat source.", examples=["isoc_sks_itsps"])
    document: str
    section: str
    url: str
    last_update: datetime | None = Field(description="When Eurostat last updated the dataset, if known.")
    retrieved_at: datetime | None


class IndicatorSummary(Schema):
    code: str = Field(examples=["wid_sse_icts"])
    title: Text
    area: str = Field(description="The Women in Digital scoreboard area (wid_ui, wid_ius, wid_sse), or empty for another indicator.")
    unit: str = Field(description="The unit's Eurostat code.", examples=["PC"])
    unit_label: str = Field(examples=["percentage"])
    kind: str = Field(description="by_sex: series of women, men and total; gap: one series that is a gap between them.")
    better: str = Field(description="higher or lower: which way of the value is progress.")
    data: str = Field(description="bundled, partial or none: the Eurostat data the platform holds.")
    dataset: str = Field(description="The Eurostat dataset of its series.", examples=["isoc_sks_itsps"])
    observations: int = Field(description="How many observations it has (Eurostat's and documents').")
    links: dict[str, str] = Field(examples=[EXAMPLE_LINKS])


class Dimensions(Schema):
    geo: list[str] = Field(examples=[["BE", "EU27_2020"]])
    periods: list[str] = Field(examples=[["2020", "2021"]])
    series: list[str] = Field(examples=[["women"]])


class IndicatorDetail(IndicatorSummary):
    definition: Text
    note: Text
    gap_label: Text
    informs: list[str] = Field(description="The strategy's sub-objectives it informs.", examples=[["2.1", "3.4"]])
    target: Target | None
    sources: list[SourceOut]
    dimensions: Dimensions = Field(description="The codes its Eurostat series has.")
    flags: dict[str, str] = Field(description="What each Eurostat flag means, in the language asked for.", examples=[{"b": "break in time series", "p": "provisional"}])


class IndicatorList(Schema):
    count: int
    items: list[IndicatorSummary]


class Revision(Schema):
    value: float | None
    flags: str
    source: str | None = Field(description="The key of the source the replaced value came from.")
    retrieved_at: datetime
    replaced_at: datetime


class ObservationOut(Schema):
    geo: str = Field(examples=["BE"])
    period: str = Field(examples=["2021"])
    series: str = Field(description="women, men, total or gap.", examples=["women"])
    sex: str = Field(description="F, M, T, or empty for a gap.", examples=["F"])
    age_band: str
    unit: str = Field(examples=["PC"])
    value: float | None = Field(description="Empty for a missing value.", examples=[19.6])
    flags: str = Field(description="Eurostat's flags kept whole.", examples=["b"])
    flags_meaning: list[str] = Field(examples=[["break in time series"]])
    kind: str = Field(description="eurostat, or document for a figure a document quotes.")
    source: str = Field(description="The key of its source (see the indicator's sources).")
    retrieved_at: datetime
    quote: str = Field(description="For a document's figure, the sentence or table it is copied from.")
    revisions: list[Revision] = Field(description="Values a newer release replaced, newest first.")


class ObservationPage(Schema):
    indicator: str
    count: int = Field(description="How many observations match, on all pages.")
    limit: int
    offset: int
    links: dict[str, str] = Field(
        description="self, first and last, and prev and next where there is such a page.",
        examples=[{"self": "https://example.org/api/indicators/wid_sse_icts/observations?geo=BE&limit=2&offset=2",
                   "first": "https://example.org/api/indicators/wid_sse_icts/observations?geo=BE&limit=2&offset=0",
                   "prev": "https://example.org/api/indicators/wid_sse_icts/observations?geo=BE&limit=2&offset=0",
                   "next": "https://example.org/api/indicators/wid_sse_icts/observations?geo=BE&limit=2&offset=4",
                   "last": "https://example.org/api/indicators/wid_sse_icts/observations?geo=BE&limit=2&offset=8"}],
    )  # fmt: skip
    items: list[ObservationOut]
