"""Loading normalised rows (``readers.read``) into observations: set-based and idempotent.

``load(frame, indicators, source)`` maps each catalogue indicator's source filters onto the
frame (one series per sex), compares the result with what is stored and writes once inside
``transaction.atomic()``, the old value of a revised cell saved as an ``ObservationRevision``
with the source it came from. A Eurostat cell (indicator, geo, period, sex, age band, unit) is
one observation whichever Eurostat source gave it: a load that gives a cell another Eurostat
source gave before takes it over. A document's figures are compared with that document's only.
On PostgreSQL the rows go through ``COPY`` and the comparison is SQL (``postgres_load.py``);
elsewhere it is a polars join, new cells inserted by one prepared statement over all rows,
revised ones with ``bulk_update``. Loading the same data twice writes nothing. An indicator
declared ``data: none`` gets no observations, ever.

``load_bundled(codes)`` loads the real files of ``data/eurostat`` that the catalogue names:
every file is read and checked first, then each is written in its own transaction. Where two
files of an indicator give the same cell, the one listed first in its ``files`` wins; the
other's row is left out, and a different value is reported as a ``Conflict`` with both values.
"""

from dataclasses import dataclass, field

import polars as pl
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from widmonitor.problems import Problem, Problems

from . import postgres_load, readers
from .catalogue import SERIES, load_catalogue
from .models import COLUMNS, KEY, Observation, ObservationRevision, Source

BATCH = 2000  # model instances per ORM statement
INSERT_BATCH = 50_000  # rows per executemany of new cells
SEX = {"women": "F", "men": "M", "total": "T", "gap": ""}


@dataclass(frozen=True)
class Conflict:
    """A cell two bundled files of an indicator give different values (or flags) for."""

    indicator: str
    geo: str
    period: str
    sex: str
    age_band: str
    unit: str
    kept: tuple  # (value, flags, file) of the file listed first, which is stored
    left_out: tuple  # (value, flags, file) of the other

    def __str__(self):
        message = _(
            "%(indicator)s %(geo)s %(period)s sex %(sex)s age %(age_band)s unit %(unit)s: %(kept)s in %(kept_file)s, "
            "kept (listed first in config/indicators.yaml); %(other)s in %(other_file)s, left out"
        )
        return message % {
            "indicator": self.indicator, "geo": self.geo, "period": self.period, "sex": self.sex or "-",
            "age_band": self.age_band or "-", "unit": self.unit, "kept": shown(*self.kept[:2]), "kept_file": self.kept[2],
            "other": shown(*self.left_out[:2]), "other_file": self.left_out[2],
        }  # fmt: skip


def shown(value, flags):
    """A stored value as the load reports it: "36.67", "0.7 (flag p)", "no value (flag c)"."""
    number = _("no value") if value is None else format(value, ".15g")  # as stored, never in exponent form below 1e15
    return _("%(value)s (flag %(flags)s)") % {"value": number, "flags": flags} if flags else str(number)


@dataclass
class LoadSummary:
    sources: list = field(default_factory=list)  # source keys that were loaded
    created: int = 0
    revised: int = 0
    unchanged: int = 0
    no_data: list = field(default_factory=list)  # indicator codes declared data: none, left out
    up_to_date: list = field(default_factory=list)  # datasets not fetched: last update unchanged
    left_out: int = 0  # cells of a bundled file that a file listed before it gives too
    conflicts: list = field(default_factory=list)  # Conflict, those of them whose values differ

    def add(self, other):
        self.sources += other.sources
        self.created += other.created
        self.revised += other.revised
        self.unchanged += other.unchanged
        self.no_data += other.no_data
        self.up_to_date += other.up_to_date
        self.left_out += other.left_out
        self.conflicts += other.conflicts
        return self


def load(frame, indicators, source, series=None, retrieved_at=None):
    """Observations of ``indicators`` from ``frame`` (normalised rows of one dataset), stored
    under ``source`` (a dict of ``Source`` fields with its ``key``).

    ``series`` maps an indicator code to the series to load (default: every series its source
    names); ``retrieved_at`` defaults to now.
    """
    series = series or {}
    parts = [observations(frame, indicator, series.get(indicator.code), where=source["key"]) for indicator in indicators]
    rows = pl.concat(parts) if parts else empty_rows()
    return write(rows, source, retrieved_at=retrieved_at)


def observations(frame, indicator, series=None, where=""):
    """The rows of ``frame`` that ``indicator``'s source filters select, as observation columns."""
    if indicator.data == "none":
        return empty_rows()
    dimensions = set(frame.schema["dims"].to_schema()) if isinstance(frame.schema["dims"], pl.Struct) else set()
    parts = []
    for name, filters in indicator.source.defined_series(series or SERIES).items():
        missing = sorted(set(filters) - dimensions)
        if missing:
            message = _("the data has no dimension %(missing)s that indicator %(indicator)s filters on (it has %(found)s)")
            raise Problems([Problem("missing_dimension", message, {
                "missing": ", ".join(missing), "indicator": indicator.code, "found": ", ".join(sorted(dimensions)),
            }, file=where)])
        selected = frame.filter(*[pl.col("dims").struct.field(k) == v for k, v in filters.items()]) if filters else frame
        age = pl.col("dims").struct.field("age") if "age" in dimensions else pl.lit("")
        parts.append(selected.select(
            pl.lit(indicator.code).alias("indicator"),
            pl.col("geo"),
            pl.col("time").alias("period"),
            pl.lit(SEX[name]).alias("sex"),
            age.fill_null("").alias("age_band"),
            pl.lit(indicator.unit).alias("unit"),
            pl.col("value"),
            pl.col("flags"),
            pl.lit("").alias("quote"),
        ))
    rows = pl.concat(parts) if parts else empty_rows()
    if rows.is_empty():
        message = _("no row of the data matches the filters of indicator %(indicator)s (check its source in config/indicators.yaml)")
        raise Problems([Problem("no_rows", message, {"indicator": indicator.code}, file=where)])
    return rows


def empty_rows():
    schema = {name: pl.String for name in COLUMNS} | {"value": pl.Float64}
    return pl.DataFrame(schema=schema)


def write(rows, source, retrieved_at=None):
    """Store ``rows`` (observation columns) under ``source``; all or nothing."""
    check_unique(rows, source["key"])
    now = timezone.now()
    retrieved_at = retrieved_at or now
    with transaction.atomic():
        fields = {k: v for k, v in source.items() if k not in ("key", "retrieved_at")}
        record, created = Source.objects.get_or_create(key=source["key"], defaults={**fields, "retrieved_at": retrieved_at})
        writer = postgres_load.write if connection.vendor == "postgresql" else compare_and_write
        new, changed = writer(rows, record, retrieved_at, now)
        if not created and (new or changed or any(getattr(record, k) != v for k, v in fields.items())):
            for name, value in fields.items():
                setattr(record, name, value)
            record.retrieved_at = retrieved_at
            record.save()
    return LoadSummary(sources=[record.key], created=new, revised=changed, unchanged=len(rows) - new - changed)


def compare_and_write(rows, source, retrieved_at, now):
    """The other databases: compare with what is stored in polars, then write in bulk; returns (created, revised).

    A cell stored from another Eurostat source with the same value and flags is only given to
    ``source`` (no revision: nothing was replaced)."""
    stored = stored_rows(source, rows["indicator"].unique().to_list())
    joined = rows.join(stored, on=list(KEY), how="left")
    new = joined.filter(pl.col("id").is_null())
    differs = pl.col("value").ne_missing(pl.col("old_value")) | pl.col("flags").ne(pl.col("old_flags")) | pl.col("quote").ne(pl.col("old_quote"))
    changed = joined.filter(pl.col("id").is_not_null() & differs)
    moved = joined.filter(pl.col("id").is_not_null() & ~differs & (pl.col("old_source_id") != source.pk))
    create(new, source, retrieved_at)
    revise(changed, source, retrieved_at, now)
    update(moved, source, retrieved_at)
    return len(new), len(changed)


def check_unique(rows, where):
    duplicates = rows.filter(pl.struct(list(KEY)).is_duplicated()).unique(list(KEY), maintain_order=True)
    message = _("two values for %(indicator)s %(geo)s %(period)s sex %(sex)s age %(age_band)s (expected one per cell)")
    problems = [Problem("duplicate_cell", message, row, file=where) for row in duplicates.select(KEY).head(50).iter_rows(named=True)]
    if problems:
        raise Problems(problems)


def stored_rows(source, indicators):
    names = ("id", *KEY, "value", "flags", "quote", "source_id", "retrieved_at")
    values = Observation.objects.loaded_against(source).filter(indicator__in=indicators).values_list(*names)
    schema = {"id": pl.Int64, **{k: pl.String for k in KEY}, "old_value": pl.Float64, "old_flags": pl.String, "old_quote": pl.String,
              "old_source_id": pl.Int64, "old_retrieved_at": pl.Datetime("us", "UTC")}  # fmt: skip
    return pl.DataFrame(list(values), schema=schema, orient="row")


def create(new, source, retrieved_at):
    """Insert the new cells with one prepared statement run over all of them (no model instances)."""
    if new.is_empty():
        return
    table = Observation._meta.db_table
    names = [*COLUMNS, "kind", "source_id", "retrieved_at"]
    statement = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})"
    stamp = connection.ops.adapt_datetimefield_value(retrieved_at)
    with connection.cursor() as cursor:
        for batch in new.select(COLUMNS).iter_slices(INSERT_BATCH):
            cursor.executemany(statement, [(*row, source.kind, source.pk, stamp) for row in batch.iter_rows()])


def revise(changed, source, retrieved_at, now):
    """Keep the replaced values (with the source each came from), then store the new ones under ``source``."""
    if changed.is_empty():
        return
    rows = list(changed.select("id", "old_value", "old_flags", "old_source_id", "old_retrieved_at").iter_rows(named=True))
    ObservationRevision.objects.bulk_create(
        (ObservationRevision(observation_id=r["id"], source_id=r["old_source_id"], value=r["old_value"], flags=r["old_flags"],
                             retrieved_at=r["old_retrieved_at"], replaced_at=now) for r in rows),
        batch_size=BATCH,
    )  # fmt: skip
    update(changed, source, retrieved_at)


def update(rows, source, retrieved_at):
    """Store ``rows``' values under ``source`` in the observations they match (column ``id``)."""
    if rows.is_empty():
        return
    updated = [
        Observation(id=r["id"], value=r["value"], flags=r["flags"], quote=r["quote"], source_id=source.pk, retrieved_at=retrieved_at)
        for r in rows.select("id", "value", "flags", "quote").iter_rows(named=True)
    ]
    Observation.objects.bulk_update(updated, ["value", "flags", "quote", "source", "retrieved_at"], batch_size=BATCH)


def select_indicators(codes=None):
    """The catalogue's indicators named by ``codes`` (all when empty); an unknown code is a problem."""
    catalogue = load_catalogue()
    if not codes:
        return catalogue
    known = {indicator.code: indicator for indicator in catalogue}
    unknown = [code for code in codes if code not in known]
    if unknown:
        message = _("unknown indicator %(value)s (expected codes of config/indicators.yaml; `widmonitor indicators list` shows them)")
        raise Problems([Problem("unknown_indicator", message, {"value": code}, value=code) for code in unknown])
    return [known[code] for code in codes]


def bundled_files(indicators):
    """``{file name: [indicators]}`` for the indicators with bundled data."""
    files = {}
    for indicator in indicators:
        if indicator.data != "none":
            for name in indicator.files:
                files.setdefault(name, []).append(indicator)
    return files


def tracked(items, progress, **labels):
    """``items`` wrapped by ``progress`` (e.g. a tqdm bar, given ``labels``), or as they are without one."""
    return progress(items, **labels) if progress else items


def load_bundled(codes=None, progress=None, folder=None):
    """Load the bundled Eurostat files of the indicators ``codes`` (default: all), offline."""
    folder = folder or settings.DATA_DIR / "eurostat"
    indicators = select_indicators(codes)
    summary = LoadSummary(no_data=[i.code for i in indicators if i.data == "none"])
    files = bundled_files(indicators)
    selected = {}
    for name, group in tracked(list(files.items()), progress, desc="data/eurostat", unit="file"):
        frame = readers.read(folder / name, group[0].source.dataset)
        for indicator in group:
            wanted = indicator.bundled_series if indicator.data == "partial" else None
            selected[name, indicator.code] = observations(frame, indicator, wanted, where=name)
    kept, summary.left_out, summary.conflicts = first_listed_wins(selected, indicators)
    for name, group in files.items():
        dataset = group[0].source.dataset
        source = {"key": f"eurostat:{dataset}:{name}", "kind": Source.Kind.EUROSTAT, "dataset": dataset, "file": name,
                  "title": f"Eurostat, {dataset} (bundled file data/eurostat/{name})"}
        summary.add(write(pl.concat([kept[name, indicator.code] for indicator in group]), source))
    return summary


def first_listed_wins(selected, indicators):
    """Each indicator's rows of each file (``selected[file, code]``) without the cells that a file
    listed before it in the indicator's ``files`` gives too.

    Returns ``(kept, left_out, conflicts)``: the rows to store by (file, code), how many cells
    were left out, and the ``Conflict`` of each left-out cell whose value or flags differ.
    """
    kept, left_out, conflicts = {}, 0, []
    for indicator in indicators:
        earlier = None  # the cells of the files already kept, with their file
        for name in indicator.files:
            rows = selected.get((name, indicator.code))
            if rows is None:
                continue
            if earlier is not None:
                both = rows.join(earlier, on=list(KEY), how="inner", suffix="_kept")
                left_out += len(both)
                conflicts += differing(both, name)
                rows = rows.join(earlier, on=list(KEY), how="anti")
            kept[name, indicator.code] = rows
            mine = rows.select(*KEY, "value", "flags", pl.lit(name).alias("file"))
            earlier = mine if earlier is None else pl.concat([earlier, mine])
    return kept, left_out, conflicts


def differing(both, name):
    """The ``Conflict`` of each cell of ``both`` (a file's rows joined with the kept ones) whose value or flags differ."""
    differ = both.filter(pl.col("value").ne_missing(pl.col("value_kept")) | pl.col("flags").ne(pl.col("flags_kept")))
    return [
        Conflict(*(row[k] for k in KEY), kept=(row["value_kept"], row["flags_kept"], row["file"]), left_out=(row["value"], row["flags"], name))
        for row in differ.iter_rows(named=True)
    ]
