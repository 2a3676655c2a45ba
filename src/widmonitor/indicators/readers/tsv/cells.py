"""TSV cells (``17.8 b``, ``: u``, ``0 ``) → values and flags, every cell by the exact rule.

The rule is ``TSV_CELL`` (``rows.py``): a number or ``:``, then the flags (lower-case letters),
spaces around; a number that does not read as one (digits of another script, such as ١٢)
breaks it too. It is applied in one of two ways, which give the same rows:

* by table, when the file's cells repeat (values rounded to a decimal or two, few flags, as in
  most Eurostat files): the period columns are read as ``Categorical``, so polars' CSV parser
  keeps each distinct cell once under a code; the rule runs on the distinct cells only and each
  column's values and flags are gathered from that table by code;
* cell by cell, when most cells differ (large amounts with decimals), where a table would cost
  more than it saves.

``plan`` chooses from the first lines of the file.
"""

import polars as pl
from django.utils.translation import gettext_lazy as _

from ..rows import TSV_CELL, problem

SAMPLE_LINES = 4000
# By table when at most this share of the sampled cells are distinct. A sample overstates the
# share in the whole file: on synthetic 10-million-cell files the table was faster at sampled
# shares 0.06, 0.09 and 0.6, and slower at 0.95 and 1.0 (ingest_bench.py's machine).
MOST_DISTINCT = 0.75


def plan(raw, width):
    """The dtype to read the period columns as: ``Categorical`` (by table) or ``None`` (cell by cell)."""
    names = [f"c{i}" for i in range(width)]
    try:
        sample = pl.read_csv(raw, separator="\t", has_header=True, new_columns=names, infer_schema=False,
                             quote_char=None, n_rows=SAMPLE_LINES)
    except pl.exceptions.ComputeError:
        return None  # a ragged file: read cell by cell, its problems are reported all the same
    sampled = pl.concat([sample[name] for name in names[1:]])
    if sampled.is_empty() or sampled.n_unique() > MOST_DISTINCT * len(sampled):
        return None
    return pl.Categorical(pl.Categories.random())  # categories of its own, freed with the frame


def split(frame, columns, categorical):
    """``v<i>`` (value), ``f<i>`` (flags) and ``b<i>`` (breaks the rule) of each period column ``c<i>``."""
    if categorical is None:
        return by_rule(frame, columns)
    table = by_rule(categorical.categories.to_series().to_frame("c0"), [0])  # row n: the cell of code n
    value, flags, bad = pl.lit(table["v0"]), pl.lit(table["f0"]), pl.lit(table["b0"])
    any_bad = table["b0"].any()
    return frame.select(
        *(value.gather(pl.col(f"c{i}").to_physical()).alias(f"v{i}") for i in columns),
        *(flags.gather(pl.col(f"c{i}").to_physical()).alias(f"f{i}") for i in columns),
        *((bad.gather(pl.col(f"c{i}").to_physical()) if any_bad else pl.lit(False)).alias(f"b{i}") for i in columns),
    )


def by_rule(frame, columns):
    """``TSV_CELL`` on every cell of the (text) columns ``c<i>``: ``v<i>``, ``f<i>``, ``b<i>``."""
    groups = frame.select(pl.col(f"c{i}").str.extract_groups(TSV_CELL).alias(f"g{i}") for i in columns)
    parts = groups.select(
        *(pl.col(f"g{i}").struct.field("number").alias(f"n{i}") for i in columns),
        *(pl.col(f"g{i}").struct.field("flags").fill_null("").alias(f"f{i}") for i in columns),
    ).with_columns(pl.col(f"n{i}").replace(":", None).cast(pl.Float64, strict=False).alias(f"v{i}") for i in columns)
    return parts.select(
        *(pl.col(f"v{i}") for i in columns),
        *(pl.col(f"f{i}") for i in columns),
        # no match, or a number of the rule that does not read as one
        *((pl.col(f"n{i}").is_null() | (pl.col(f"v{i}").is_null() & pl.col(f"n{i}").ne(":"))).alias(f"b{i}") for i in columns),
    )


def bad_cells(path, frame, columns, periods, found):
    """A problem for each cell that breaks the rule, by line then period."""
    flagged = [(i, period) for i, period in zip(columns, periods) if found[f"b{i}"].any()]
    if not flagged:
        return []
    bad = pl.concat([
        frame.filter(found[f"b{i}"]).select(
            "line", pl.lit(period).alias("time"), pl.lit(i + 1).alias("column"), pl.col(f"c{i}").cast(pl.String).alias("cell"),
        )
        for i, period in flagged
    ])
    message = _('"%(value)s" is not a number (expected a number, optionally followed by flags such as 12.3 p)')
    return [
        problem(path, "not_a_number", message, line=row["line"], column=row["column"], value=row["cell"].strip())
        for row in bad.sort("line", "time").iter_rows(named=True)
    ]
