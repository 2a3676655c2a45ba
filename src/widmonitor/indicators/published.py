"""Figures that documents and public pages quote (``data/sources/published-figures.yaml``) as observations.

Each document section is its own ``Source`` (kind ``document``, key
``document:<document>:<section>``; a web page, which has no sections, ``document:<document>``
with its address and the copy of it in ``data/published_pages``), so a quoted figure is never
mixed with a Eurostat series: ``Observation.objects.published()`` and ``.from_eurostat()``
return them apart. Every figure keeps the sentence it was copied from (``Observation.quote``),
and, where it measures something else than its indicator's series, that ``measure`` (a code of
``MEASURES``); a ``caveat`` (``CAVEATS``) is what a reader must know to read it. The whole file
loads or nothing.
"""

import re

import polars as pl
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml

from . import store
from .catalogue import CODE
from .models import KEY, Observation, Source

SEXES = ("F", "M", "T")
AGE_BAND = re.compile(r"^(Y\d+-\d+|Y_GE\d+|Y_LT\d+)?$")

MEASURES = {
    "stock": _("people who graduated over the years (a stock), not the graduates of one year that the indicator counts"),
}
CAVEATS = {
    "unit_misprinted": _("This version of the page prints “per 10.000”; its later version and Eurostat's unit for these figures say per 1,000."),
}


def path():
    return settings.DATA_DIR / "sources" / "published-figures.yaml"


def pages_folder():
    """The copies of the public pages that figures are quoted from."""
    return settings.DATA_DIR / "published_pages"


def load_published(file=None, codes=None):
    """Load the published figures (only those of the indicators ``codes``, when given)."""
    file = file or path()
    sections = read_figures(file)
    summary = store.LoadSummary()
    with transaction.atomic():
        for source, rows, details in sections:
            if codes:
                rows = rows.filter(pl.col("indicator").is_in(list(codes)))
            if not rows.is_empty():
                summary.add(store.write(rows, source))
                write_details(source["key"], details)
    return summary


def write_details(key, details):
    """Set each figure's ``measure`` and ``caveat`` (``details``: ``{observation key: (measure, caveat)}``) where they changed."""
    stored = Observation.objects.filter(source__key=key).values_list("id", *KEY, "measure", "caveat")
    changed = [
        Observation(id=row[0], measure=details[row[1:-2]][0], caveat=details[row[1:-2]][1])
        for row in stored
        if row[1:-2] in details and details[row[1:-2]] != row[-2:]
    ]
    Observation.objects.bulk_update(changed, ["measure", "caveat"])


def read_figures(file):
    """``[(source fields, observation rows)]`` per document section; every problem at once."""
    reader = Reader(file)
    document = read_yaml(file)
    documents = document.get("documents") if isinstance(document, dict) else None
    if not isinstance(documents, list):
        reader.error("documents", "required", _("expected a list of documents under 'documents'"))
        documents = []
    sections = []
    for d, item in enumerate(documents, start=1):
        where = f"documents[{d}]"
        if not isinstance(item, dict):
            reader.error(where, "wrong_type", _("a document must be a mapping of keys to values"))
            continue
        document = document_fields(reader, item, where)
        if "figures" in item:  # a web page: no sections
            sections.append(section_figures(reader, item, where, document, ""))
        for s, section in enumerate(item.get("sections") or [], start=1):
            number = reader.require(section, "section", f"{where}.sections[{s}]") or ""
            sections.append(section_figures(reader, section, f"{where}.sections[{s}]", document, number))
    reader.raise_if_errors()
    schema = store.empty_rows().schema
    return [(source, pl.DataFrame([row for row, _details in figures], schema=schema, orient="row"),
             {row[:len(KEY)]: details for row, details in figures}) for source, figures in sections]


def document_fields(reader, item, where):
    """The ``Source`` fields of a document: its name, title, and for a web page its address and stored copy."""
    fields = {"kind": Source.Kind.DOCUMENT, "document": reader.require(item, "document", where) or "",
              "title": reader.text(item, "title", where), "url": reader.text(item, "url", where),
              "file": reader.text(item, "page", where)}
    if fields["file"] and not (pages_folder() / fields["file"]).is_file():
        reader.error(where, "missing_file", _("'page' names %(value)s, which is not in %(folder)s"), value=fields["file"], folder=pages_folder())
    if fields["file"] and not fields["url"]:
        reader.error(where, "required", _("missing '%(key)s'"), key="url")
    return fields


def section_figures(reader, section, where, document, number):
    """``(source fields, [(observation row, (measure, caveat))])`` of one section (or page)."""
    key = f"document:{document['document']}" + (f":{number}" if number else "")
    figures = [figure(reader, f, f"{where}.figures[{n}]") for n, f in enumerate(section.get("figures") or [], start=1)]
    return {"key": key, "section": number, **document}, [f for f in figures if f]


def figure(reader, item, where):
    if not isinstance(item, dict):
        reader.error(where, "wrong_type", _("a figure must be a mapping of keys to values"))
        return None
    indicator = reader.require(item, "indicator", where) or ""
    if indicator and not CODE.match(indicator):
        reader.error(where, "bad_code", _("the indicator '%(value)s' must be lower-case letters, digits and _"), value=indicator)
    sex = reader.choice(item, "sex", where, SEXES, "")
    if not sex:
        reader.error(where, "required", _("missing '%(key)s'"), key="sex")
    age_band = reader.text(item, "age_band", where)
    if not AGE_BAND.match(age_band):
        reader.error(where, "bad_age_band", _("the age band '%(value)s' must read like Y16-74 (or be empty)"), value=age_band)
    value = item.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        reader.error(where, "not_a_number", _("'value' must be the number the text states, not %(found)s"), found=repr(value))
        value = None
    details = (reader.choice(item, "measure", where, tuple(MEASURES), ""), reader.choice(item, "caveat", where, tuple(CAVEATS), ""))
    return (
        indicator,
        reader.require(item, "geo", where) or "",
        reader.require(item, "period", where) or "",
        sex,
        age_band,
        reader.require(item, "unit", where) or "",
        None if value is None else float(value),
        "",
        reader.require(item, "quote", where) or "",
    ), details
