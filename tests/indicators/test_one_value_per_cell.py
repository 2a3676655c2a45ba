"""One Eurostat observation per cell (indicator, geo, period, sex, age band, unit), whichever
file or API answer gave it; where two bundled files give a cell, the catalogue says which wins
and the load reports a different value with both files."""

import csv
import io
from io import StringIO

import polars as pl
import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count
from django.utils import timezone

from widmonitor.indicators import store
from widmonitor.indicators.models import KEY, Observation, ObservationRevision, Source

EXTRACT = "isoc_sk_dskl_i21_above_basic_and_basic_by_sex_2021-2025_extract.csv"
ALL_INDIVIDUALS = "isoc_sk_dskl_i21_all_individuals_2021_2023_labels.csv"


def doubled_cells(observations):
    return list(observations.values(*KEY).annotate(n=Count("id")).filter(n__gt=1))


def test_loading_both_digital_skills_files_stores_one_malta_2023_total_the_first_listed_file_s(db):
    summary = store.load_bundled(["wid_ius_abs"])

    malta = Observation.objects.get(indicator="wid_ius_abs", geo="MT", period="2023", sex="T")
    # read by eye: the extract gives women 36.69, men 36.65, total 36.67; the other file 36.98
    assert (malta.value, malta.source.file) == (36.67, EXTRACT)
    assert not doubled_cells(Observation.objects.filter(indicator="wid_ius_abs"))
    # the EU member states and the EU27 in 2021 and 2023 are in both files
    assert summary.left_out == 28 * 2
    # the countries outside the EU come from the other file only
    assert Observation.objects.get(indicator="wid_ius_abs", geo="NO", period="2023", sex="T").source.file == ALL_INDIVIDUALS


def test_the_conflict_between_the_two_files_is_reported_with_both_values_and_files(db):
    summary = store.load_bundled(["wid_ius_abs"])

    assert [(c.geo, c.period, c.sex, c.kept, c.left_out) for c in summary.conflicts] == [
        ("MT", "2023", "T", (36.67, "", EXTRACT), (36.98, "", ALL_INDIVIDUALS)),
    ]
    assert str(summary.conflicts[0]) == (
        f"wid_ius_abs MT 2023 sex T age - unit PC_IND: 36.67 in {EXTRACT}, kept (listed first in "
        f"config/indicators.yaml); 36.98 in {ALL_INDIVIDUALS}, left out"
    )


def test_the_command_prints_the_conflict(db):
    out = StringIO()
    call_command("indicators", "fetch", "--offline", "wid_ius_abs", stdout=out, verbosity=0)

    output = out.getvalue()
    assert "56 cell(s) of a bundled file left out: a file listed before it in config/indicators.yaml gives them too (1 with a different value)." in output
    assert f"  Conflict: wid_ius_abs MT 2023 sex T age - unit PC_IND: 36.67 in {EXTRACT}, kept" in output


def test_no_eurostat_cell_is_stored_twice_after_loading_every_bundled_file(db):
    store.load_bundled()
    store.load_bundled()

    assert Observation.objects.from_eurostat().exists()
    assert not doubled_cells(Observation.objects.from_eurostat())


def test_the_csv_download_has_each_eurostat_cell_once(db, client):
    store.load_bundled(["wid_ius_abs"])

    rows = list(csv.DictReader(io.StringIO(client.get("/en/indicators/wid_ius_abs/download.csv?headers=codes").content.decode("utf-8-sig"))))

    keys = [tuple(row[name] for name in KEY) for row in rows if row["source_kind"] == "eurostat"]
    assert len(keys) == len(set(keys)) == Observation.objects.filter(indicator="wid_ius_abs").count()
    assert [row["value"] for row in rows if (row["geo"], row["period"], row["sex"]) == ("MT", "2023", "T")] == ["36.67"]


def malta_total(value):
    row = {"indicator": "wid_ius_abs", "geo": "MT", "period": "2023", "sex": "T", "age_band": "", "unit": "PC_IND",
           "value": value, "flags": "", "quote": ""}
    return pl.DataFrame([row], schema=store.empty_rows().schema)


def eurostat_source(key, file=""):
    return {"key": key, "kind": Source.Kind.EUROSTAT, "dataset": "isoc_sk_dskl_i21", "file": file}


def test_a_cell_given_by_another_eurostat_source_is_taken_over_with_the_old_value_kept(db):
    store.write(malta_total(36.98), eurostat_source("eurostat:isoc_sk_dskl_i21:old.csv", "old.csv"))

    summary = store.write(malta_total(36.67), eurostat_source("eurostat:isoc_sk_dskl_i21"))

    assert (summary.created, summary.revised) == (0, 1)
    malta = Observation.objects.get()
    assert (malta.value, malta.source.key) == (36.67, "eurostat:isoc_sk_dskl_i21")
    old = ObservationRevision.objects.get()
    assert (old.value, old.source.key, old.observation_id) == (36.98, "eurostat:isoc_sk_dskl_i21:old.csv", malta.pk)


def test_a_cell_given_with_the_same_value_by_another_eurostat_source_moves_to_it_without_a_revision(db):
    store.write(malta_total(36.67), eurostat_source("eurostat:isoc_sk_dskl_i21:old.csv", "old.csv"))

    summary = store.write(malta_total(36.67), eurostat_source("eurostat:isoc_sk_dskl_i21"))

    assert (summary.created, summary.revised, summary.unchanged) == (0, 0, 1)
    assert Observation.objects.get().source.key == "eurostat:isoc_sk_dskl_i21"
    assert not ObservationRevision.objects.exists()


def test_a_document_quoting_a_cell_stays_an_observation_of_its_own(db):
    store.write(malta_total(36.67), eurostat_source("eurostat:isoc_sk_dskl_i21"))
    quoted = malta_total(37.0).with_columns(quote=pl.lit("37 % of Maltese adults"))
    for section in ("1", "2"):
        store.write(quoted, {"key": f"document:report:{section}", "kind": Source.Kind.DOCUMENT, "document": "report", "section": section})

    assert sorted(Observation.objects.values_list("kind", "value")) == [("document", 37.0), ("document", 37.0), ("eurostat", 36.67)]


def test_the_database_refuses_a_second_eurostat_value_for_a_cell(db):
    now = timezone.now()
    cell = {"indicator": "wid_ius_abs", "geo": "MT", "period": "2023", "sex": "T", "age_band": "", "unit": "PC_IND"}
    for number, value in enumerate((36.67, 36.98)):
        source = Source.objects.create(key=f"eurostat:isoc_sk_dskl_i21:{number}", kind=Source.Kind.EUROSTAT)
        create = lambda: Observation.objects.create(**cell, value=value, source=source, kind=source.kind, retrieved_at=now)  # noqa: E731
        if number == 0:
            create()
            continue
        with pytest.raises(IntegrityError), transaction.atomic():
            create()
    assert Observation.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_keeps_one_observation_of_a_cell_stored_twice():
    executor = MigrationExecutor(connection)
    executor.migrate([("indicators", "0004_observation_measure_and_caveat")])
    old = executor.loader.project_state([("indicators", "0004_observation_measure_and_caveat")]).apps
    OldSource, OldObservation = old.get_model("indicators", "Source"), old.get_model("indicators", "Observation")
    now = timezone.now()
    cell = {"indicator": "wid_ius_abs", "geo": "MT", "period": "2023", "sex": "T", "age_band": "", "unit": "PC_IND"}
    for file, value in ((ALL_INDIVIDUALS, 36.98), (EXTRACT, 36.67)):
        source = OldSource.objects.create(key=f"eurostat:isoc_sk_dskl_i21:{file}", kind="eurostat", file=file)
        OldObservation.objects.create(**cell, value=value, source=source, retrieved_at=now)
    quoting = OldSource.objects.create(key="document:report:2", kind="document", document="report")
    OldObservation.objects.create(**cell, value=37.0, source=quoting, retrieved_at=now, quote="37 %")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert sorted(Observation.objects.values_list("kind", "value")) == [("document", 37.0), ("eurostat", 36.98)]
    store.load_bundled(["wid_ius_abs"])
    malta = Observation.objects.from_eurostat().get(**cell)
    assert (malta.value, malta.source.file) == (36.67, EXTRACT)
    assert [(old.value, old.source.file) for old in malta.revisions.all()] == [(36.98, ALL_INDIVIDUALS)]


@pytest.mark.parametrize("value, flags, expected", [
    (36.67, "", "36.67"), (1234567.0, "", "1234567"), (104818.0, "", "104818"), (0.7, "p", "0.7 (flag p)"), (None, "c", "no value (flag c)"),
])  # fmt: skip
def test_a_conflict_writes_each_value_whole_as_stored_with_its_flags(value, flags, expected):
    assert store.shown(value, flags) == expected
