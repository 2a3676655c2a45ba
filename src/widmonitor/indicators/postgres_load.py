"""``store.write`` on PostgreSQL: observations through ``COPY`` and set-based SQL.

The rows go to the server as CSV through psycopg's ``COPY ... FROM STDIN``, never one
statement per row:

* first load of the source's indicators (nothing stored yet that the load compares with, see
  ``ObservationQuerySet.loaded_against``): ``COPY`` straight into the observation table, the rows sorted by the
  observation key first;
* a later load: ``COPY`` into a temporary staging table, then three statements compare it with
  what is stored: the stored cells whose value, flags or quote changed are copied into
  ``ObservationRevision`` (with the source they came from), then updated, as are the Eurostat
  cells another Eurostat source gave (taken over); the staged cells not stored yet are
  inserted. A cell that did not change is not touched, so loading the same data twice writes
  nothing.

It runs inside the caller's ``transaction.atomic()``: all or nothing.
"""

import polars as pl
from django.db import connection

from .models import COLUMNS, KEY, Observation, ObservationRevision, Source

SLICE = 100_000  # rows per CSV chunk sent to COPY: bounded memory for any size
STAGE = "widmonitor_observation_stage"


def write(rows, source, retrieved_at, now):
    """Store ``rows`` (observation columns) under ``source``; returns (created, revised)."""
    if rows.is_empty():
        return 0, 0
    observation, revision = (connection.ops.quote_name(model._meta.db_table) for model in (Observation, ObservationRevision))
    indicators = rows["indicator"].unique().to_list()
    with connection.cursor() as cursor:
        if not Observation.objects.loaded_against(source).filter(indicator__in=indicators).exists():
            # in the key's order, each page of the key's index is filled once, left to right
            stamped = rows.sort(KEY).select(
                *COLUMNS, pl.lit(source.kind).alias("kind"), pl.lit(source.pk).alias("source_id"), pl.lit(retrieved_at.isoformat()).alias("retrieved_at")
            )
            copy(cursor, observation, stamped)
            return len(rows), 0
        # dropped at commit; DROP IF EXISTS clears the one of an earlier write in the same transaction
        cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {STAGE} (indicator text, geo text, period text, sex text, age_band text, unit text,"
            " value double precision, flags text, quote text) ON COMMIT DROP"
        )
        copy(cursor, STAGE, rows.select(COLUMNS))
        cursor.execute(f"ANALYZE {STAGE}")
        compared, scope = (("o.kind = %s", [source.kind]) if source.kind == Source.Kind.EUROSTAT
                           else ("o.kind = %s AND o.source_id = %s", [source.kind, source.pk]))  # fmt: skip
        matched = " AND ".join(f"o.{name} = s.{name}" for name in KEY) + f" AND {compared}"
        changed = "(o.value IS DISTINCT FROM s.value OR o.flags <> s.flags OR o.quote <> s.quote)"
        cursor.execute(
            f"INSERT INTO {revision} (observation_id, source_id, value, flags, retrieved_at, replaced_at)"
            f" SELECT o.id, o.source_id, o.value, o.flags, o.retrieved_at, %s FROM {observation} o JOIN {STAGE} s ON {matched}"
            f" WHERE {changed}",
            [now, *scope],
        )
        revised = cursor.rowcount
        cursor.execute(
            f"UPDATE {observation} o SET value = s.value, flags = s.flags, quote = s.quote, source_id = %s, retrieved_at = %s"
            f" FROM {STAGE} s WHERE {matched} AND ({changed} OR o.source_id <> %s)",
            [source.pk, retrieved_at, *scope, source.pk],
        )
        cursor.execute(
            f"INSERT INTO {observation} ({', '.join(COLUMNS)}, kind, source_id, retrieved_at)"
            f" SELECT {', '.join('s.' + name for name in COLUMNS)}, %s, %s, %s FROM {STAGE} s"
            f" WHERE NOT EXISTS (SELECT 1 FROM {observation} o WHERE {matched})",
            [source.kind, source.pk, retrieved_at, *scope],
        )
        created = cursor.rowcount
    return created, revised


def copy(cursor, table, frame):
    """``COPY table (frame's columns) FROM STDIN`` as CSV: text quoted, a missing value ``\\N``."""
    columns = ", ".join(connection.ops.quote_name(name) for name in frame.columns)
    with connection.wrap_database_errors, cursor.copy(f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '\\N')") as stream:
        for part in frame.iter_slices(SLICE):
            stream.write(part.write_csv(include_header=False, quote_style="non_numeric", null_value="\\N"))
