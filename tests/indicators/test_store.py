"""Loading the real bundled files into observations: values, flags, idempotence, history."""

import polars as pl
import pytest
from django.conf import settings

from widmonitor.indicators import readers, store
from widmonitor.indicators.catalogue import load_catalogue
from widmonitor.indicators.models import Observation, ObservationRevision, Source
from widmonitor.problems import Problems

EUROSTAT = settings.DATA_DIR / "eurostat"
ICTS_FILE = "isoc_sks_itsps_PC_F_2014-2021.tsv"


@pytest.fixture(scope="module")
def catalogue():
    return {indicator.code: indicator for indicator in load_catalogue()}


def icts_source():
    return {"key": f"eurostat:isoc_sks_itsps:{ICTS_FILE}", "kind": Source.Kind.EUROSTAT, "dataset": "isoc_sks_itsps", "file": ICTS_FILE}


def icts_frame():
    return readers.read(EUROSTAT / ICTS_FILE, "isoc_sks_itsps")


def cell(**key):
    return Observation.objects.get(**key)


def test_it_loads_belgiums_share_of_women_ict_specialists_2021_with_its_flag(db, catalogue):
    summary = store.load(icts_frame(), [catalogue["wid_sse_icts"]], icts_source(), series={"wid_sse_icts": ("women",)})

    observation = cell(indicator="wid_sse_icts", geo="BE", period="2021", sex="F")
    assert (observation.value, observation.flags, observation.unit, observation.age_band) == (19.6, "b", "PC", "")
    assert cell(indicator="wid_sse_icts", geo="DK", period="2016", sex="F").flags == "bs"
    assert summary.created == 36 * 8 == Observation.objects.count()
    assert observation.source.file == ICTS_FILE


def test_loading_all_bundled_files_gives_hand_checked_values(db):
    summary = store.load_bundled()

    # read by eye in data/eurostat/*
    women = cell(indicator="ict_specialists_women", geo="BE", period="2021")
    assert (women.sex, women.value, women.flags, women.unit) == ("F", 53.4, "b", "THS_PER")
    gpg = cell(indicator="wid_sse_gpg", geo="BE", period="2023")
    assert (gpg.sex, gpg.value, gpg.flags) == ("", 0.7, "p")
    abs_be = Observation.objects.filter(indicator="wid_ius_abs", geo="BE", period="2021", source__file__contains="extract")
    assert {o.sex: o.value for o in abs_be} == {"F": 23.16, "M": 29.53, "T": 26.34}
    assert not Observation.objects.filter(indicator__in=summary.no_data).exists()
    assert "wid_ui_iu" in summary.no_data
    assert set(Observation.objects.filter(indicator="wid_sse_icts").values_list("sex", flat=True)) == {"F"}


def test_loading_twice_changes_nothing(db, catalogue):
    store.load_bundled(["wid_sse_icts", "wid_sse_gpg"])
    before = list(Observation.objects.order_by("id").values())
    sources = list(Source.objects.order_by("id").values())

    summary = store.load_bundled(["wid_sse_icts", "wid_sse_gpg"])

    assert (summary.created, summary.revised) == (0, 0)
    assert summary.unchanged == len(before)
    assert list(Observation.objects.order_by("id").values()) == before
    assert list(Source.objects.order_by("id").values()) == sources
    assert not ObservationRevision.objects.exists()


def test_a_revised_value_keeps_the_old_one_in_history(db, catalogue):
    indicator = [catalogue["wid_sse_icts"]]
    store.load(icts_frame(), indicator, icts_source())
    revised = icts_frame().with_columns(
        value=pl.when((pl.col("geo") == "BE") & (pl.col("time") == "2021")).then(19.9).otherwise(pl.col("value")),
        flags=pl.when((pl.col("geo") == "BE") & (pl.col("time") == "2021")).then(pl.lit("")).otherwise(pl.col("flags")),
    )

    summary = store.load(revised, indicator, icts_source())

    assert (summary.created, summary.revised) == (0, 1)
    observation = cell(indicator="wid_sse_icts", geo="BE", period="2021")
    assert (observation.value, observation.flags) == (19.9, "")
    old = observation.revisions.get()
    assert (old.value, old.flags) == (19.6, "b")


def test_a_missing_value_keeps_its_flag(db, catalogue):
    store.load_bundled(["gpg_ict"])
    confidential = Observation.objects.filter(indicator="gpg_ict", value__isnull=True)
    assert confidential.exists()
    assert all(o.flags for o in confidential)


def test_a_bad_file_changes_nothing(db, catalogue, tmp_path):
    good = icts_frame()
    store.load(good, [catalogue["wid_sse_icts"]], icts_source())
    before = list(Observation.objects.order_by("id").values_list("value", flat=True))
    duplicated = pl.concat([good.with_columns(value=pl.lit(1.0)), good.head(1)])

    with pytest.raises(Problems) as raised:
        store.load(duplicated, [catalogue["wid_sse_icts"]], icts_source())

    assert "two values for wid_sse_icts AT 2014 sex F" in str(raised.value)
    assert list(Observation.objects.order_by("id").values_list("value", flat=True)) == before


def test_a_file_that_is_not_eurostat_data_loads_nothing(db, tmp_path, settings):
    folder = tmp_path / "eurostat"
    folder.mkdir()
    (folder / ICTS_FILE).write_text("freq,unit,sex,geo\\TIME_PERIOD\t2021 \nA,PC,F,BE\tnineteen\n")

    with pytest.raises(Problems):
        store.load_bundled(["wid_sse_icts"], folder=folder)

    assert not Observation.objects.exists() and not Source.objects.exists()


def test_an_indicator_declared_without_data_gets_no_observations(db, catalogue):
    frame = icts_frame()
    assert store.observations(frame, catalogue["wid_ui_iu"]).is_empty()


def test_filters_on_a_dimension_the_data_lacks_are_a_problem(db, catalogue):
    with pytest.raises(Problems, match="no dimension ind_type, indic_is that indicator wid_ius_abs filters on"):
        store.observations(icts_frame(), catalogue["wid_ius_abs"], where="test")


def test_a_later_load_adds_the_new_cells_and_revises_the_changed_ones_together(db, catalogue):
    indicator = [catalogue["wid_sse_icts"]]
    store.load(icts_frame().filter(pl.col("geo") != "BE"), indicator, icts_source())
    at_2021 = (pl.col("geo") == "AT") & (pl.col("time") == "2021")
    revised = icts_frame().with_columns(value=pl.when(at_2021).then(None).otherwise(pl.col("value")),
                                        flags=pl.when(at_2021).then(pl.lit("c")).otherwise(pl.col("flags")))

    summary = store.load(revised, indicator, icts_source())

    assert (summary.created, summary.revised, summary.unchanged) == (8, 1, 35 * 8 - 1)
    assert cell(indicator="wid_sse_icts", geo="BE", period="2021").value == 19.6
    at = cell(indicator="wid_sse_icts", geo="AT", period="2021")
    assert (at.value, at.flags) == (None, "c")
    assert [(old.value, old.flags) for old in at.revisions.all()] == [(19.0, "b")]
    again = store.load(revised, indicator, icts_source())
    assert (again.created, again.revised) == (0, 0)


def quoted(quote, value=12.5):
    rows = [{"indicator": "wid_sse_icts", "geo": "BE", "period": "2021", "sex": "F", "age_band": "", "unit": "PC",
             "value": value, "flags": "", "quote": quote}]
    return pl.DataFrame(rows, schema=store.empty_rows().schema)


def test_a_quote_with_tabs_line_breaks_quotes_and_backslashes_is_stored_exactly(db):
    source = {"key": "document:test:1", "kind": Source.Kind.DOCUMENT, "document": "test"}
    first = 'It said "12,5 %",\tin table 3;\nsee \\N and \\.'
    store.write(quoted(first), source)
    assert cell(indicator="wid_sse_icts", geo="BE").quote == first

    summary = store.write(quoted(first + "\r\n(revised)"), source)

    assert summary.revised == 1
    assert cell(indicator="wid_sse_icts", geo="BE").quote == first + "\r\n(revised)"


def test_a_write_that_the_database_refuses_leaves_nothing_behind(db):
    from django.db import IntegrityError

    source = {"key": "document:test:2", "kind": Source.Kind.DOCUMENT, "document": "test"}
    rows = pl.concat([quoted("fine", 1.0), quoted("no unit", 2.0).with_columns(geo=pl.lit("DE"), unit=pl.lit(None, pl.String))])

    with pytest.raises(IntegrityError):
        store.write(rows, source)

    assert not Observation.objects.exists() and not Source.objects.exists()


@pytest.mark.parametrize("value", [0.1 + 0.2, 1e-7, 123456789.123, -0.0, None])
def test_a_value_is_stored_exactly_so_that_loading_it_again_writes_nothing(db, value):
    source = {"key": "document:test:3", "kind": Source.Kind.DOCUMENT, "document": "test"}
    store.write(quoted("", value), source)

    again = store.write(quoted("", value), source)

    assert cell(indicator="wid_sse_icts", geo="BE").value == value
    assert (again.created, again.revised, again.unchanged) == (0, 0, 1)
