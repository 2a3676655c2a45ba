"""The older Eurostat label CSV export: quoted columns named in capitals ("INDIC_IS", "GEO",
"TIME", "IND_TYPE", "UNIT", "Value", "Flag and Footnotes"), labels instead of codes, ``:``
for a missing value. The file does not name its dataset."""

import io

import polars as pl

from ...labels import to_codes
from ..rows import (
    check_columns,
    check_geo,
    check_number_column,
    dataset_required,
    normalise,
    raise_if,
)

VALUE, FLAGS = "Value", "Flag and Footnotes"


NAME = "the label CSV export"

def sniff(first_line):
    names = first_line.replace('"', "").split(",")
    return "GEO" in names and "TIME" in names and VALUE in names


def read(path, raw, dataset):
    frame = pl.read_csv(io.BytesIO(raw), infer_schema=False)
    columns = frame.columns
    raise_if(check_columns(path, columns, ["GEO", "TIME", VALUE]))
    if not dataset:
        raise dataset_required(path)
    frame = frame.with_row_index("line", offset=2)
    value = pl.col(VALUE).str.strip_chars().replace(":", "")
    raise_if(check_number_column(path, frame.with_columns(value), VALUE, columns.index(VALUE) + 1))
    dims = [name for name in columns if name not in ("GEO", "TIME", VALUE, FLAGS)]
    frame = frame.rename({name: name.lower() for name in ("GEO", "TIME", *dims)})
    dims = [name.lower() for name in dims]
    rows = to_codes(frame, ["geo", *dims]).with_columns(
        value.replace("", None).cast(pl.Float64).alias("value"),
        (pl.col(FLAGS).str.strip_chars() if FLAGS in columns else pl.lit("")).alias("flags"),
    )
    raise_if(check_geo(path, rows, columns.index("GEO") + 1))
    return normalise(rows, dataset, dims)
