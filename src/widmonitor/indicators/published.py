"""Figures that documents quote (``data/sources/published-figures.yaml``) as observations.

Each document section is its own ``Source`` (kind ``document``, key
``document:<document>:<section>``), so a quoted figure is never mixed with a Eurostat series:
``Observation.objects.published()`` and ``.from_eurostat()`` return them apart. Every figure
keeps the sentence it was copied from (``Observation.quote``). The whole file loads or nothing.
"""

import re

import polars as pl
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml

from . import store
from .catalogue import CODE
from .models import Source

SEXES = ("F", "M", "T")
AGE_BAND = re.compile(r"^(Y\d+-\d+|Y_GE\d+|Y_LT\d+)?$")


def path():
    return settings.DATA_DIR / "sources" / "published-figures.yaml"


def load_published(file=None, codes=None):
    """Load the published figures (only those of the indicators ``codes``, when given)."""
    file = file or path()
    sections = read_figures(file)
    summary = store.LoadSummary()
    with transaction.atomic():
        for source, rows in sections:
            if codes:
                rows = rows.filter(pl.col("indicator").is_in(list(codes)))
            if not rows.is_empty():
                summary.add(store.write(rows, source))
    return summary


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
        name = reader.require(item, "document", f"documents[{d}]") or ""
        title = reader.text(item, "title", f"documents[{d}]") if isinstance(item, dict) else ""
        for s, section in enumerate((item.get("sections") if isinstance(item, dict) else None) or [], start=1):
            where = f"documents[{d}].sections[{s}]"
            number = reader.require(section, "section", where) or ""
            figures = [figure(reader, f, f"{where}.figures[{n}]") for n, f in enumerate(section.get("figures") or [], start=1)]
            source = {"key": f"document:{name}:{number}", "kind": Source.Kind.DOCUMENT, "document": name,
                      "section": number, "title": title}
            sections.append((source, figures))
    reader.raise_if_errors()
    return [(source, pl.DataFrame(rows, schema=store.empty_rows().schema, orient="row")) for source, rows in sections]


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
    )
