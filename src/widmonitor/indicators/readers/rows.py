"""The normalised rows every reader returns, and the pieces the readers share.

One row per observation cell of the file, in the file's order:

=========  ===========================================================================
dataset    Eurostat dataset code, lower case (``isoc_sks_itsps``)
geo        Eurostat geo code (``BE``, ``EL``, ``EU27_2020``); label exports are mapped
time       the time period as Eurostat writes it (``"2021"``, ``"2021-Q1"``)
dims       a struct of the other dimensions, fields in alphabetical order, values as
           Eurostat codes (``{"freq": "A", "sex": "F", "unit": "PC"}``); a label whose
           code widmonitor does not know (see ``labels.py``) stays as the exported label
value      float, null when the file says the value is missing (``:`` or empty)
flags      the Eurostat flags kept whole (``""``, ``"b"``, ``"p"``, ``"bu"``); a
           confidential cell (SDMX ``CONF_STATUS`` C) reads ``c``, as in the TSV
=========  ===========================================================================
"""

import polars as pl
from django.utils.translation import gettext_lazy as _

from widmonitor.problems import Problem, Problems

COLUMNS = ("dataset", "geo", "time", "dims", "value", "flags")
GEO_CODE = r"^[A-Z][A-Z0-9_]*$"
# a TSV cell: a number or ":" then flags (lower-case letters), e.g. "17.8 b", ": u", "0 "
TSV_CELL = r"^\s*(?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|:)\s*(?P<flags>[a-z]*)\s*$"


def problem(path, code, message, line=None, column="", value=None, **params):
    if value is not None:
        params.setdefault("value", value)
    return Problem(code, message, params, file=str(path), line=line, column=str(column or ""), value=value)


def normalise(frame, dataset, dims):
    """``frame`` with geo, time, value, flags and the ``dims`` columns → the normalised rows."""
    dims = sorted(dims)
    return frame.select(
        pl.lit(dataset, dtype=pl.String).alias("dataset"),
        pl.col("geo").cast(pl.String),
        pl.col("time").cast(pl.String).str.strip_chars(),
        pl.struct([pl.col(name).cast(pl.String) for name in dims]).alias("dims") if dims else pl.lit(None).alias("dims"),
        pl.col("value").cast(pl.Float64),
        pl.col("flags").cast(pl.String).fill_null(""),
    )


def check_geo(path, frame, column):
    """A problem for each geo that is not a Eurostat code (a label without a known code)."""
    bad = frame.filter(~pl.col("geo").str.contains(GEO_CODE)).unique("geo", keep="first", maintain_order=True)
    message = _('no Eurostat geo code is known for "%(value)s" (add it to GEO in widmonitor/indicators/labels.py)')
    return [
        problem(path, "unknown_geo", message, line=row["line"], column=column, value=row["geo"])
        for row in bad.select("geo", "line").iter_rows(named=True)
    ]


def check_number_column(path, frame, raw, column):
    """A problem for each non-empty cell of ``raw`` (CSV text) that is not a number."""
    bad = frame.filter(pl.col(raw).str.strip_chars().ne("") & pl.col(raw).str.strip_chars().cast(pl.Float64, strict=False).is_null())
    message = _('"%(value)s" is not a number (expected a number such as 12.3, or nothing for a missing value)')
    return [
        problem(path, "not_a_number", message, line=row["line"], column=column, value=row[raw])
        for row in bad.select("line", raw).iter_rows(named=True)
    ]


def check_columns(path, columns, required):
    missing = [name for name in required if name not in columns]
    if not missing:
        return []
    message = _("missing the column(s) %(missing)s (expected %(expected)s)")
    return [problem(path, "missing_columns", message, line=1, missing=", ".join(missing), expected=", ".join(required))]


def raise_if(problems):
    if problems:
        raise Problems(problems)


def dataset_required(path):
    message = _("the file does not name its Eurostat dataset (pass the dataset code, such as isoc_sks_itsps)")
    return Problems([problem(path, "missing_dataset", message)])
