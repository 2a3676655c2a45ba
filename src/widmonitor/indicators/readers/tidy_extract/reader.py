"""The tidy digital-skills extract (``pais,anio,ind_type,sexo,grupo,indic_is,indicador,pct,flag``).

Not a Eurostat format: a table written by the project ``davidmadrazo/adopcion-ia-europa`` from
Eurostat's ``isoc_sk_dskl_i21`` with Spanish labels (data/eurostat/PROVENANCE.md, section 6).
Its codes are Eurostat's (``pais`` = geo, ``ind_type``, ``indic_is``); the Spanish label
columns (``sexo``, ``grupo``, ``indicador``) repeat them and are dropped. The unit is not a
column: the source script kept ``unit=PC_IND`` only, so every row gets ``unit`` PC_IND.
"""

import io

import polars as pl

from ..rows import check_columns, check_geo, check_number_column, normalise, raise_if

DATASET = "isoc_sk_dskl_i21"
COLUMNS = ["pais", "anio", "ind_type", "indic_is", "pct", "flag"]


NAME = "the tidy digital-skills extract"

def sniff(first_line):
    return first_line.split(",")[:2] == ["pais", "anio"]


def read(path, raw, dataset):
    frame = pl.read_csv(io.BytesIO(raw), infer_schema=False)
    columns = frame.columns
    raise_if(check_columns(path, columns, COLUMNS))
    frame = frame.with_row_index("line", offset=2)
    raise_if(check_number_column(path, frame, "pct", columns.index("pct") + 1))
    rows = frame.with_columns(
        pl.col("pais").alias("geo"),
        pl.col("anio").alias("time"),
        pl.lit("PC_IND").alias("unit"),
        pl.col("pct").str.strip_chars().replace("", None).cast(pl.Float64).alias("value"),
        pl.col("flag").str.strip_chars().alias("flags"),
    )
    raise_if(check_geo(path, rows, columns.index("pais") + 1))
    return normalise(rows, dataset or DATASET, ["ind_type", "indic_is", "unit"])
