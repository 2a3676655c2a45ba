"""JSON-stat 2.0 datasets as the Eurostat API serves them (``"class": "dataset"``, ``id``,
``size``, ``dimension``, ``value`` as an array or a sparse object, ``status`` as a string, an
array or an object). Eurostat names the dataset in ``extension.id``; the time dimension is
``time`` (or ``TIME_PERIOD``)."""

import json
import math

import polars as pl
from django.utils.translation import gettext_lazy as _

from ..rows import check_geo, dataset_required, normalise, problem, raise_if

TIME_IDS = ("time", "TIME_PERIOD")


NAME = "JSON-stat 2.0"

def sniff(first_line):
    return first_line.startswith("{")


def read(path, raw, dataset):
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        message = _("not valid JSON (%(problem)s)")
        raise_if([problem(path, "bad_json", message, line=error.lineno, column=error.colno, problem=error.msg)])
    ids, sizes = check_structure(path, data)
    categories = [category_codes(data["dimension"][name]) for name in ids]
    count = math.prod(sizes)
    cells = pl.DataFrame({"position": pl.int_range(count, eager=True, dtype=pl.Int64)})
    stride = count
    for name, size, codes in zip(ids, sizes, categories):
        stride //= size
        index = (pl.col("position") // stride) % size
        cells = cells.with_columns(pl.Series(codes, dtype=pl.String).gather(cells.select(index).to_series()).alias(name))
    values = sparse(data.get("value"), count, "value", pl.Float64)
    if isinstance(data.get("value"), dict):  # a sparse cube: the cells it lists (a listed null is a missing value), and flagged ones
        listed = pl.concat([values.select("position"), sparse(data.get("status"), count, "flags", pl.String).select("position")])
        cells = cells.join(listed.unique(), on="position", how="semi")
    cells = cells.join(values, on="position", how="left")
    cells = cells.join(sparse(data.get("status"), count, "flags", pl.String), on="position", how="left")
    time_id = next(name for name in ids if name in TIME_IDS)
    rows = cells.rename({time_id: "time"}).with_columns(pl.lit(None, dtype=pl.Int64).alias("line"))  # no lines in JSON
    raise_if(check_geo(path, rows, column=""))
    dataset = (data.get("extension") or {}).get("id", "").lower() or dataset
    if not dataset:
        raise dataset_required(path)
    return normalise(rows, dataset, [name for name in ids if name not in ("geo", time_id)])


def check_structure(path, data):
    ids, sizes = data.get("id"), data.get("size")
    if data.get("class") != "dataset" or str(data.get("version")) != "2.0" or not isinstance(ids, list) or not isinstance(sizes, list):
        message = _('not a JSON-stat 2.0 dataset (expected "version": "2.0", "class": "dataset", "id" and "size")')
        raise_if([problem(path, "not_jsonstat", message)])
    problems = []
    if len(ids) != len(sizes):
        message = _('"id" names %(found)s dimensions but "size" gives %(expected)s')
        problems.append(problem(path, "bad_size", message, found=len(ids), expected=len(sizes)))
    for name in ("geo", "time"):
        if not any(dim == name or (name == "time" and dim in TIME_IDS) for dim in ids):
            message = _('no "%(dimension)s" dimension (expected it among %(ids)s)')
            problems.append(problem(path, "missing_dimension", message, dimension=name, ids=", ".join(map(str, ids))))
    for name, size in zip(ids, sizes):
        found = len(category_codes((data.get("dimension") or {}).get(name) or {}))
        if found != size:
            message = _('dimension "%(dimension)s" has %(found)s categories but "size" says %(expected)s')
            problems.append(problem(path, "bad_size", message, dimension=name, found=found, expected=size))
    values = data.get("value")
    if isinstance(values, list) and len(values) != math.prod(sizes):
        message = _('"value" has %(found)s cells (expected %(expected)s, the product of "size"; is the file truncated?)')
        problems.append(problem(path, "bad_size", message, found=len(values), expected=math.prod(sizes)))
    raise_if(problems)
    return ids, sizes


def category_codes(dimension):
    """The category codes of one dimension, in index order."""
    category = dimension.get("category") or {}
    index = category.get("index")
    if isinstance(index, list):
        return index
    if isinstance(index, dict):
        return sorted(index, key=index.get)
    return list(category.get("label") or {})  # a single category may come without an index


def sparse(cells, count, name, dtype):
    """``position, name`` for a JSON-stat value or status given as an array, object or string."""
    if cells is None:
        return pl.DataFrame({"position": [], name: []}, schema={"position": pl.Int64, name: dtype})
    if isinstance(cells, str):
        return pl.DataFrame({"position": pl.int_range(count, eager=True, dtype=pl.Int64)}).with_columns(pl.lit(cells).alias(name))
    if isinstance(cells, list):
        return pl.DataFrame({"position": pl.int_range(len(cells), eager=True, dtype=pl.Int64), name: pl.Series(cells, dtype=dtype)})
    return pl.DataFrame({"position": pl.Series(list(cells), dtype=pl.String).cast(pl.Int64), name: pl.Series(list(cells.values()), dtype=dtype)})
