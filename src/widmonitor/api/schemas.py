"""The shapes the API answers with: stable field names, public fields only.

A translated text comes as ``Text``: the text in the requested language, or in the record's
original language when there is no translation (``fallback``). Contact details and the
moderation state are not fields of any schema, so no endpoint can answer with them.
"""

from datetime import datetime

from ninja import Field, Schema


class Text(Schema):
    text: str
    language: str = Field(description="The language the text is in.")
    original: bool = Field(description="The text is in the record's original language.")
    fallback: bool = Field(description="The requested language has no text; this is the original.")


class InitiativeFilters(Schema):
    """The portal search's parameters (a search's query string works as it is) and a page."""

    q: str = Field("", description="Words to look for, in the language of `lang`.", max_length=200)
    objective: list[str] = Field([], description="Objective codes, e.g. 1.")
    sub_objective: list[str] = Field([], description="Sub-objective codes, e.g. 1.3.")
    audience: list[str] = Field([], description="Target audience codes (see /api/vocabularies), e.g. girls.")
    region: list[str] = Field([], description="Region codes, e.g. brussels.")
    language: list[str] = Field([], description="Codes of languages the initiative is offered in, e.g. nl.")
    format: list[str] = Field([], description="Format codes, e.g. online.")
    cost: list[str] = Field([], description="free, paid or unknown.")
    sector: list[str] = Field([], description="public, private, mixed or unknown.")
    status: list[str] = Field(
        [],
        description="planned, ongoing, completed or unknown: the status the portal shows today, from the dates "
        "(ongoing only when its dates show it running; an initiative's own `status` is the one its record states).",
    )
    sort: str = Field("", description="relevance, title, newest or starts; default relevance with words, else title.")
    lang: str = Field("", description="Content language of the texts, e.g. fr; default en.")
    limit: int = Field(20, ge=1, le=100, description="How many initiatives per page.")
    offset: int = Field(0, ge=0, description="How many matching initiatives to skip.")


class FactPage(Schema):
    url: str = Field(description="The address of the public page that states the fact.")
    title: str
    publisher: str
    date: str = Field(description="The page's own date, YYYY, YYYY-MM or YYYY-MM-DD; empty when it shows none.")
    language: str
    kind: str = Field(description="news, own-site, event-listing, public-body or other.")


class Fact(Schema):
    field: str = Field(description="The record's field the fact is about, e.g. cost; or ages, places (no field of the record).")
    value: str | list[str] | dict[str, int] = Field(description='As the page states it: "free", ["flanders"], {"min": 7, "max": 18}.')
    use: str = Field(
        description="filled: it gave the record's value; agrees: the record's own value is the same; differs: the record "
        "keeps another value of its own; pages-differ: pages state different values, none applied; shown: no field of the record."
    )
    says: str = Field(description="A short phrase of the page, in its language, that shows the fact.")
    page: FactPage


class PublicFacts(Schema):
    searched: str | None = Field(description="The day public pages about the record were last searched for; null: never.")
    page_found: bool | None = Field(description="Whether that search found a page about it; null: never searched.")
    facts: list[Fact]


class OrganisationRef(Schema):
    slug: str
    name: Text


class Initiative(Schema):
    uid: str
    title: Text
    summary: Text
    original_language: str
    organisations: list[OrganisationRef]
    objectives: list[str] = Field(description="Codes of the strategy's objectives and sub-objectives, e.g. 1.3.")
    audiences: list[str] = Field(description="Audience codes the record states.")
    implied_audiences: list[str] = Field(
        description="Audience codes the strategy names for the objectives it serves and the record does not state; "
        "the `audience` filter finds both."
    )
    regions: list[str]
    languages: list[str]
    formats: list[str]
    cost: str
    sector: str
    status: str = Field(description="As the record states it, undated; the `status` filter uses the status shown today, from the dates.")
    starts: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown.")
    ends: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD; empty when open-ended or unknown.")
    url: str
    source_document: str
    source_section: str
    public_facts: PublicFacts = Field(description="What public pages state about it, each fact with its page.")
    updated_at: datetime


class InitiativePage(Schema):
    count: int = Field(description="How many initiatives match, on every page.")
    limit: int
    offset: int
    items: list[Initiative]


class InitiativeRef(Schema):
    uid: str
    title: Text


class Organisation(Schema):
    slug: str
    name: Text
    kind: str
    sector: str
    region: str = Field(description="Region code; empty when no source says.")
    website: str
    source_document: str
    source_section: str
    public_facts: PublicFacts = Field(description="What public pages state about it, each fact with its page.")
    initiative_count: int = Field(description="Its published initiatives.")


class OrganisationDetail(Organisation):
    initiatives: list[InitiativeRef]


class SubObjective(Schema):
    code: str
    title: Text
    description: Text
    age_band: str
    audiences: list[str] = Field(
        description="Audience codes the strategy names for it (a sub-objective: its own, its age band and its objective's); "
        "its initiatives are for them by the strategy."
    )
    initiative_count: int = Field(description="Published initiatives linked to it.")


class Objective(SubObjective):
    sub_objectives: list[SubObjective]


class Strategy(Schema):
    code: str
    title: Text
    country: str
    starts: int
    ends: int
    owner: str
    source: str
    objectives: list[Objective]


class Term(Schema):
    code: str
    label: Text
    labels: dict[str, str] = Field(description="The label in each content language that has one.")


class Vocabulary(Schema):
    code: str = Field(description="The initiative field's facet, e.g. audience.")
    label: str
    terms: list[Term]


class Choice(Schema):
    code: str
    label: str


class ChoiceList(Schema):
    code: str = Field(description="cost, sector or status.")
    label: str
    choices: list[Choice]


class Vocabularies(Schema):
    vocabularies: list[Vocabulary]
    choices: list[ChoiceList]
