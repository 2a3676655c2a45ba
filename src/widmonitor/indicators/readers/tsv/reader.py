"""Eurostat TSV: the API / bulk layout (``freq,unit,sex,geo\\TIME_PERIOD``) and the older
bulk layout (``unit,isced11,iscedf13,sex,geo\\time``): one line per series, one tab-separated
column per period, the flags after the value (``17.8 b``), ``:`` for a missing value."""

import re

import polars as pl
from django.utils.translation import gettext_lazy as _

from ..rows import TSV_CELL, check_geo, normalise, problem, raise_if

KEY_HEADER = re.compile(r"^(?P<dims>[A-Za-z0-9_]+(?:,[A-Za-z0-9_]+)*)\\(?:TIME_PERIOD|time)$")
PERIOD = re.compile(r"^\d{4}(?:-?[QSH]\d|-?M?\d{2}|-W\d{2}|-\d{2}-\d{2})?$")


NAME = "Eurostat TSV"

def sniff(first_line):
    return "\t" in first_line  # tab-separated: a wrong key header is then reported, not "unknown format"


def read(path, raw, dataset):
    header = raw.split(b"\n", 1)[0].decode("utf-8").rstrip("\r").split("\t")
    dims, periods = check_header(path, header)
    width = len(header)
    frame = lines(raw, width)
    raise_if(check_lines(path, frame, dims, width))
    # One row per cell: the period columns unpivoted under their period's name (rows come
    # period by period, not in file order), each cell split into its number and its flags.
    cells = (
        frame.select(
            "line",
            pl.col("c0").str.split(",").list.to_struct(fields=dims).alias("key"),
            *(pl.col(f"c{i}").alias(period) for i, period in enumerate(periods, start=1)),
        )
        .unpivot(index=["line", "key"], on=periods, variable_name="time", value_name="cell")
        .with_columns(pl.col("cell").str.strip_chars().str.split_exact(" ", 1).alias("parts"))
        .with_columns(
            pl.col("parts").struct.field("field_0").alias("number"),
            pl.col("parts").struct.field("field_1").fill_null("").alias("flags"),
        )
        .with_columns(pl.col("number").replace(":", None).cast(pl.Float64, strict=False).alias("value"))
    )
    raise_if(bad_cells(path, cells, {period: column for column, period in enumerate(periods, start=2)}))
    rows = cells.unnest("key")
    raise_if(check_geo(path, rows, column=1))
    return normalise(rows, dataset, [name for name in dims if name != "geo"])


def lines(raw, width):
    """The data lines as columns c0 (the key) .. c<width-1>, with their line number and how many cells they had.

    polars' CSV parser reads a well-formed file; a ragged one (a truncated file) is split by
    hand, so that every line keeps its number for the problems.
    """
    names = [f"c{i}" for i in range(width)]
    if b"\n\n" not in raw.replace(b"\r\n", b"\n").rstrip(b"\n"):
        try:
            frame = pl.read_csv(
                raw, separator="\t", has_header=True, new_columns=names, infer_schema=False, quote_char=None
            )
            if not frame.select(pl.any_horizontal(pl.all().is_null()).any()).item():  # no line cut short
                return frame.with_row_index("line", offset=2).with_columns(pl.lit(width, dtype=pl.UInt32).alias("found"))
        except pl.exceptions.ComputeError:
            pass  # ragged lines: read them one by one below, to say which
    text = pl.DataFrame({"text": raw.decode("utf-8").split("\n")}).with_row_index("line", offset=1)
    text = text.filter(pl.col("line") > 1, pl.col("text").str.strip_chars() != "").with_columns(
        pl.col("text").str.strip_suffix("\r").str.split("\t").alias("cells")
    )
    return text.select(
        "line", pl.col("cells").list.len().alias("found"),
        *(pl.col("cells").list.get(i, null_on_oob=True).alias(name) for i, name in enumerate(names)),
    )


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
    counts = frame.select("line", "c0", pl.col("c0").str.count_matches(",").add(1).alias("found"))
    wrong = counts.filter(pl.col("found") != len(dims))
    message = _('"%(value)s" has %(found)s codes (expected %(expected)s, one for each of %(dimensions)s)')
    problems += [
        problem(path, "wrong_key", message, line=row["line"], column=1, value=row["c0"], found=row["found"],
                expected=len(dims), dimensions=",".join(dims))
        for row in wrong.iter_rows(named=True)
    ]
    return problems


def bad_cells(path, cells, columns):
    """Cells that are neither a number with flags (``17.8 bu``) nor ``:`` with flags."""
    suspects = cells.filter(
        (pl.col("value").is_null() & (pl.col("number") != ":")) | ~pl.col("flags").str.contains(r"^[a-z]*$")
    )
    bad = suspects.filter(~pl.col("cell").str.contains(TSV_CELL))  # the exact rule, on the few suspects only
    message = _('"%(value)s" is not a number (expected a number, optionally followed by flags such as 12.3 p)')
    return [
        problem(path, "not_a_number", message, line=row["line"], column=columns[row["time"]], value=row["cell"].strip())
        for row in bad.select("line", "time", "cell").sort("line", "time").iter_rows(named=True)
    ]
