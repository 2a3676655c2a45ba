"""SDMX-CSV as Eurostat serves it, codes or labels: DATAFLOW, LAST UPDATE, the dimensions,
TIME_PERIOD, OBS_VALUE, OBS_FLAG, CONF_STATUS (labels are mapped to codes by ``labels.py``).

SDMX-CSV 2.0, as the data browser also exports it, names the dataset in STRUCTURE_ID
("ESTAT:ISOC_SKS_ITSPS(1.0)") after STRUCTURE (and STRUCTURE_NAME, ACTION); with codes and
labels, each column of codes is followed by one of labels ("sex", "Sex", ..., "TIME_PERIOD",
"Time", "OBS_VALUE", "Observation value"). It is read as the same file in version 1.0: the
columns of codes, STRUCTURE_ID as DATAFLOW."""

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
VERSION_2 = ("STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION")  # the columns before the dimensions in 2.0


NAME = "SDMX-CSV"

def sniff(first_line):
    names = first_line.replace('"', "").split(",")
    return "TIME_PERIOD" in names and "OBS_VALUE" in names


def read(path, raw, dataset):
    frame = pl.read_csv(io.BytesIO(raw), infer_schema=False)
    position = {name: number for number, name in enumerate(frame.columns, start=1)}  # the file's own column numbers
    frame = as_version_1(frame)
    columns = frame.columns
    raise_if(check_columns(path, columns, ["DATAFLOW", "geo", "TIME_PERIOD", "OBS_VALUE"]))
    frame = frame.with_row_index("line", offset=2)
    raise_if(check_number_column(path, frame, "OBS_VALUE", position["OBS_VALUE"]))
    dims = [name for name in columns if name not in NOT_DIMENSIONS]
    flags = pl.col("OBS_FLAG").fill_null("").str.strip_chars() if "OBS_FLAG" in columns else pl.lit("")
    confidential = pl.col("CONF_STATUS").eq("C") if "CONF_STATUS" in columns else pl.lit(False)
    rows = to_codes(frame, ["geo", *dims]).with_columns(
        pl.col("TIME_PERIOD").alias("time"),
        pl.col("OBS_VALUE").str.strip_chars().replace("", None).cast(pl.Float64).alias("value"),
        (flags + pl.when(confidential).then(pl.lit("c")).otherwise(pl.lit(""))).alias("flags"),
    )
    raise_if(check_geo(path, rows, position["geo"]))
    named = rows["DATAFLOW"].str.extract(r"^(?:[^:]*:)?([^$(]+)").str.to_lowercase().drop_nulls()
    dataset = named[0] if len(named) else dataset
    if not dataset:
        raise dataset_required(path)
    return normalise(rows, dataset, dims)


def as_version_1(frame):
    """``frame`` as SDMX-CSV 1.0 has it: an SDMX-CSV 2.0 file's columns of codes, its STRUCTURE_ID as DATAFLOW."""
    if "STRUCTURE_ID" not in frame.columns:
        return frame
    rest = [name for name in frame.columns if name not in VERSION_2]
    time = rest.index("TIME_PERIOD") if "TIME_PERIOD" in rest else -1
    with_labels = 0 <= time < len(rest) - 1 and rest[time + 1] != "OBS_VALUE"  # "Time" follows the codes of time
    codes = rest[0::2] if with_labels else rest
    return frame.select(pl.col("STRUCTURE_ID").alias("DATAFLOW"), *codes)
