"""SDMX-CSV as Eurostat serves it, codes or labels: DATAFLOW, LAST UPDATE, the dimensions,
TIME_PERIOD, OBS_VALUE, OBS_FLAG, CONF_STATUS (labels are mapped to codes by ``labels.py``)."""

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

NOT_DIMENSIONS = ("DATAFLOW", "LAST UPDATE", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG", "CONF_STATUS", "geo")


NAME = "SDMX-CSV"

def sniff(first_line):
    names = first_line.replace('"', "").split(",")
    return "TIME_PERIOD" in names and "OBS_VALUE" in names


def read(path, raw, dataset):
    frame = pl.read_csv(io.BytesIO(raw), infer_schema=False)
    columns = frame.columns
    raise_if(check_columns(path, columns, ["DATAFLOW", "geo", "TIME_PERIOD", "OBS_VALUE"]))
    frame = frame.with_row_index("line", offset=2)
    raise_if(check_number_column(path, frame, "OBS_VALUE", columns.index("OBS_VALUE") + 1))
    dims = [name for name in columns if name not in NOT_DIMENSIONS]
    flags = pl.col("OBS_FLAG").fill_null("").str.strip_chars() if "OBS_FLAG" in columns else pl.lit("")
    confidential = pl.col("CONF_STATUS").eq("C") if "CONF_STATUS" in columns else pl.lit(False)
    rows = to_codes(frame, ["geo", *dims]).with_columns(
        pl.col("TIME_PERIOD").alias("time"),
        pl.col("OBS_VALUE").str.strip_chars().replace("", None).cast(pl.Float64).alias("value"),
        (flags + pl.when(confidential).then(pl.lit("c")).otherwise(pl.lit(""))).alias("flags"),
    )
    raise_if(check_geo(path, rows, columns.index("geo") + 1))
    named = rows["DATAFLOW"].str.extract(r"^(?:[^:]*:)?([^$(]+)").str.to_lowercase().drop_nulls()
    dataset = named[0] if len(named) else dataset
    if not dataset:
        raise dataset_required(path)
    return normalise(rows, dataset, dims)
