"""Eurostat TSV: the API / bulk layout (``freq,unit,sex,geo\\TIME_PERIOD``) and the older
bulk layout (``unit,isced11,iscedf13,sex,geo\\time``): one line per series, one tab-separated
column per period, the flags after the value (``17.8 b``), ``:`` for a missing value."""

import re

import polars as pl
from django.utils.translation import gettext_lazy as _

from ..rows import check_geo, normalise, problem, raise_if
from . import cells

KEY_HEADER = re.compile(r"^(?P<dims>[A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)*)\\(?:TIME_PERIOD|time)$")
PERIOD = re.compile(r"^\d{4}(?:-?[QSH]\d|-?M?\d{2}|-W\d{2}|-\d{2}-\d{2})?$")


NAME = "Eurostat TSV"

def sniff(first_line):
    return "\t" in first_line  # tab-separated: a wrong key header is then reported, not "unknown format"


def read(path, raw, dataset):
    end = raw.find(b"\n")
    header = raw[: end if end >= 0 else len(raw)].decode("utf-8").rstrip("\r").split("\t")
    dims, periods = check_header(path, header)
    width = len(header)
    categorical = cells.plan(raw, width)
    frame = lines(raw, width, categorical)
    raise_if(check_lines(path, frame, dims, width))
    columns = range(1, width)
    found = cells.split(frame, columns, categorical)
    raise_if(cells.bad_cells(path, frame, columns, periods, found))
    keys = frame.select("line", pl.col("c0").str.split(",").list.to_struct(fields=dims).alias("key")).unnest("key")
    raise_if(check_geo(path, keys, column=1))
    # One row per cell: the lines' keys once per period (rows come period by period, not in
    # file order) beside that period's values and flags; the key columns are shared, not copied.
    keyed = normalise(
        keys.with_columns(pl.lit("").alias("time"), pl.lit(None, dtype=pl.Float64).alias("value"), pl.lit("").alias("flags")),
        dataset, [name for name in dims if name != "geo"],
    )
    return pl.concat([
        keyed.with_columns(pl.lit(period).alias("time"), found[f"v{i}"].alias("value"), found[f"f{i}"].alias("flags"))
        for i, period in zip(columns, periods)
    ], rechunk=False)


def lines(raw, width, categorical):
    """The data lines as columns c0 (the key) .. c<width-1>, with their line number and how many cells they had;
    the period columns c1.. as text, or as ``categorical`` when given (see ``cells.py``).

    polars' CSV parser reads a well-formed file; a ragged one (a truncated file) is split by
    hand, so that every line keeps its number for the problems.
    """
    names = [f"c{i}" for i in range(width)]
    try:
        frame = pl.read_csv(
            raw, separator="\t", has_header=True, new_columns=names, infer_schema=False, quote_char=None,
            schema_overrides={name: categorical for name in names[1:]} if categorical else None,
        )
        # every line read (polars skips a blank line, which would shift the numbers) and none cut short
        if frame.height == data_lines(raw) and not any(frame.null_count().row(0)):
            return frame.with_row_index("line", offset=2).with_columns(pl.lit(width, dtype=pl.UInt32).alias("found"))
    except pl.exceptions.ComputeError:
        pass  # ragged lines: read them one by one below, to say which
    text = pl.DataFrame({"text": raw.decode("utf-8").split("\n")}).with_row_index("line", offset=1)
    text = text.filter(pl.col("line") > 1, pl.col("text").str.strip_chars() != "").with_columns(
        pl.col("text").str.strip_suffix("\r").str.split("\t").alias("cells")
    )
    return text.select(
        "line", pl.col("cells").list.len().alias("found"),
        pl.col("cells").list.get(0, null_on_oob=True).alias(names[0]),
        *(pl.col("cells").list.get(i, null_on_oob=True).cast(categorical or pl.String).alias(name) for i, name in enumerate(names) if i),
    )


def data_lines(raw):
    """How many lines follow the header, blank ones included, a blank end of the file not."""
    end = len(raw)
    while end and raw[end - 1] in b"\r\n":
        end -= 1
    return raw.count(b"\n", 0, end)


def check_header(path, header):
    match = KEY_HEADER.match(header[0].strip())
    dims = match["dims"].split(",") if match else []
    if not match or "geo" not in dims:
        message = _(
            'the header "%(value)s" is not a Eurostat TSV header (expected dimension codes '
            "ending with geo and the time dimension, such as freq,unit,sex,geo\\TIME_PERIOD)"
        )
        raise_if([problem(path, "wrong_header", message, line=1, column=1, value=header[0])])
    periods = [name.strip() for name in header[1:]]
    message = _('"%(value)s" is not a time period (expected a year such as 2021, or a period such as 2021-Q1 or 2021-03)')
    raise_if([
        problem(path, "bad_period", message, line=1, column=number, value=name)
        for number, name in enumerate(periods, start=2) if not PERIOD.match(name)
    ])
    return dims, periods


def check_lines(path, frame, dims, width):
    """Lines cut short (a truncated file) or too long, and keys with the wrong number of codes."""
    message = _("the line has %(found)s columns (expected %(expected)s; is the file truncated?)")
    problems = [
        problem(path, "short_line", message, line=row["line"], found=row["found"], expected=width)
        for row in frame.filter(pl.col("found") < width).iter_rows(named=True)
    ]
    message = _("the line has %(found)s columns (expected %(expected)s, as many as the header)")
    problems += [
        problem(path, "long_line", message, line=row["line"], found=row["found"], expected=width)
        for row in frame.filter(pl.col("found") > width).iter_rows(named=True)
    ]
    counts = frame.select("line", "c0", pl.col("c0").str.count_matches(",", literal=True).add(1).alias("found"))
    wrong = counts.filter(pl.col("found") != len(dims))
    message = _('"%(value)s" has %(found)s codes (expected %(expected)s, one for each of %(dimensions)s)')
    problems += [
        problem(path, "wrong_key", message, line=row["line"], column=1, value=row["c0"], found=row["found"],
                expected=len(dims), dimensions=",".join(dims))
        for row in wrong.iter_rows(named=True)
    ]
    return problems
