"""Parse and load a large Eurostat-shaped TSV: widmonitor's reader beside DuckDB and pandas.

The file is SYNTHETIC, made for the benchmark (dataset "bench_synthetic", random values and
flags); nothing comes from Eurostat. It has the API/bulk TSV layout (``freq,unit,indic_is,sex,
geo\\TIME_PERIOD`` then one column per year, flags appended to values, ``:`` for missing).

In one run it prints: the parse-and-normalise rate of ``widmonitor.indicators.readers`` beside
DuckDB's ``read_csv`` and pandas' ``read_csv`` of the same file (plain parses, no
normalisation), and the load rate of the observations into SQLite and, with --database-url,
PostgreSQL (``store.write``: a first load of the dataset, then the same rows again, which
compares everything and writes nothing; the benchmark's rows are deleted before and after).

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/ingest_bench.py [--cells 10000000] [--database-url postgres://...]

Targets: parse and normalise at >= 50 % of DuckDB's rate; a first load >= 200,000 observations/s into PostgreSQL.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

YEARS = [str(year) for year in range(2000, 2025)]
GEOS = ["BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "FR", "HR", "IT", "CY", "LV", "LT", "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE", "EU27_2020"]
FLAGS = ["", "", "", "", " p", " b", " u", " bu", " e"]


def write_tsv(path, cells):
    rows = max(cells // len(YEARS), 1)
    rng = random.Random(42)
    combos = ((unit, indic, sex, geo) for unit in range(1000) for indic in range(1000) for sex in "FMT" for geo in GEOS)
    with path.open("w", encoding="utf-8") as out:
        out.write("freq,unit,indic_is,sex,geo\\TIME_PERIOD\t" + "\t".join(YEARS) + "\n")
        for _n, (unit, indic, sex, geo) in zip(range(rows), combos):
            values = (":" if rng.random() < 0.05 else f"{rng.uniform(0, 100):.1f}{rng.choice(FLAGS)}" for _year in YEARS)
            out.write(f"A,U{unit},I{indic},{sex},{geo}\t" + "\t".join(values) + "\n")
    return rows * len(YEARS)


def timed(function):
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


PARSE = """
import sys, time, django
django.setup()
from widmonitor.indicators import readers
start = time.perf_counter()
frame = readers.read(sys.argv[1], dataset="bench_synthetic")
print(len(frame), time.perf_counter() - start)
"""

LOAD = """
import sys, time, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
import polars as pl
from widmonitor.indicators import readers, store
frame = readers.read(sys.argv[1], dataset="bench_synthetic")
rows = frame.select(
    pl.concat_str(pl.lit("bench_"), pl.col("dims").struct.field("indic_is").str.to_lowercase()).alias("indicator"), "geo", pl.col("time").alias("period"),
    pl.col("dims").struct.field("sex"), pl.lit("").alias("age_band"), pl.col("dims").struct.field("unit"),
    "value", "flags", pl.lit("").alias("quote"),
)
source = {"key": "bench:synthetic", "kind": "eurostat", "dataset": "bench_synthetic", "title": "Synthetic benchmark data"}
store.Source.objects.filter(key=source["key"]).delete()  # a first load each run, not timed
start = time.perf_counter()
summary = store.write(rows, source)
first = time.perf_counter() - start
start = time.perf_counter()
again = store.write(rows, source)  # the same data again: compares everything, writes nothing
second = time.perf_counter() - start
assert (again.created, again.revised, again.unchanged) == (0, 0, summary.created), again
store.Source.objects.filter(key=source["key"]).delete()
print(summary.created, first, second)
"""


def in_django(script, path, env):
    result = subprocess.run([sys.executable, "-c", script, str(path)], env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])
    count, *seconds = result.stdout.split()
    return int(count), *(float(s) for s in seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=10_000_000)
    parser.add_argument("--load-cells", type=int, default=1_000_000, help="cells of the file loaded into the databases")
    parser.add_argument("--database-url", help="a PostgreSQL database to load into (the source bench:synthetic is replaced, then deleted)")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="widmonitor-ingest-bench-"))
    env = dict(os.environ, WIDMONITOR_HOME=str(home), DJANGO_SETTINGS_MODULE="widmonitor.settings")
    env.pop("WIDMONITOR_DATABASE_URL", None)
    try:
        path = home / "synthetic.tsv"
        cells = write_tsv(path, args.cells)
        print(f"synthetic TSV: {cells:,} cells, {path.stat().st_size / 1e6:.0f} MB")
        import duckdb
        import pandas

        _, duck = timed(lambda: duckdb.sql(f"SELECT count(*) FROM read_csv('{path}', delim='\\t', header=true, all_varchar=true)").fetchall())
        _, panda = timed(lambda: pandas.read_csv(path, sep="\t", dtype=str))
        count, ours = in_django(PARSE, path, env)
        print(f"  DuckDB read_csv (parse only)       {cells / duck:12,.0f} cells/s  ({duck:.1f} s)")
        print(f"  pandas read_csv (parse only)       {cells / panda:12,.0f} cells/s  ({panda:.1f} s)")
        print(f"  widmonitor read (parse+normalise)  {count / ours:12,.0f} cells/s  ({ours:.1f} s), {count / ours / (cells / duck):.0%} of DuckDB's rate")
        small = home / "load.tsv"
        write_tsv(small, args.load_cells)
        targets = [("SQLite", {})]
        if args.database_url:
            targets.append(("PostgreSQL", {"WIDMONITOR_DATABASE_URL": args.database_url}))
        for name, extra in targets:
            created, seconds, again = in_django(LOAD, small, {**env, **extra})
            print(f"  load into {name:<10} {created:,} observations: {created / seconds:12,.0f} observations/s ({seconds:.1f} s)")
            print(f"  reload into {name:<8} (unchanged, writes nothing): {created / again:12,.0f} observations/s ({again:.1f} s)")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
