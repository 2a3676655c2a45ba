"""The TSV reader's cells: every cell judged by the one rule (a number or ":", then flags), lines
numbered as a person sees them, whatever shape the file has (synthetic files, written here)."""

import polars as pl
import pytest

from widmonitor.indicators.readers import read
from widmonitor.indicators.readers.tsv import cells
from widmonitor.problems import Problems

HEADER = "freq,unit,sex,geo\\TIME_PERIOD\t2020 \t2021 \n"


@pytest.fixture(autouse=True, params=["by table", "cell by cell"])
def way(request, monkeypatch):
    """Every test twice: the two ways of applying the rule give the same rows and problems."""
    monkeypatch.setattr(cells, "MOST_DISTINCT", 1.0 if request.param == "by table" else -1.0)
    return request.param


def tsv(tmp_path, body, header=HEADER, name="cells.tsv", newline="\n"):
    path = tmp_path / name
    path.write_bytes((header + body).replace("\n", newline).encode("utf-8"))
    return path


def cell(tmp_path, text):
    rows = read(tsv(tmp_path, f"A,PC,F,BE\t{text}\t1 \n"), "isoc_sks_itsps")
    return rows.filter(pl.col("time") == "2020").select("value", "flags").row(0)


@pytest.mark.parametrize(("text", "value", "flags"), [
    ("17.8 b", 17.8, "b"),
    ("17.8 ", 17.8, ""),
    ("17.8", 17.8, ""),
    (": ", None, ""),
    (": u", None, "u"),
    ("0 ", 0.0, ""),
    ("-0.5 p", -0.5, "p"),
    ("+.5", 0.5, ""),
    ("1e5 bu", 100000.0, "bu"),
    (" 12.3 ", 12.3, ""),
    ("12.3  bu", 12.3, "bu"),  # two spaces before the flags: the flags alone, not " bu"
    ("17.8b", 17.8, "b"),  # no space before the flags: still the value, not a missing one
])
def test_a_cell_gives_its_value_and_its_flags_kept_whole(tmp_path, text, value, flags):
    assert cell(tmp_path, text) == (value, flags)


@pytest.mark.parametrize("text", ["abc", "1 2", "nan", "12.3 B", "12.3 b u", "١٢", "-", "1.2.3"])
def test_a_cell_that_is_not_a_number_with_flags_is_a_problem_with_its_place(tmp_path, text):
    with pytest.raises(Problems) as raised:
        read(tsv(tmp_path, f"A,PC,F,BE\t1 \t2 \nA,PC,F,DE\t3 \t{text}\n"), "isoc_sks_itsps")
    assert [(p.code, p.line, p.column, p.value) for p in raised.value.problems] == [("not_a_number", 3, "3", text.strip())]


def test_an_empty_cell_in_a_complete_line_is_a_problem_not_a_missing_value(tmp_path):
    with pytest.raises(Problems) as raised:
        read(tsv(tmp_path, "A,PC,F,BE\t\t2 \n"), "isoc_sks_itsps")
    assert [(p.code, p.line, p.column, p.value) for p in raised.value.problems] == [("not_a_number", 2, "2", "")]


def test_bad_cells_are_listed_by_line_then_period(tmp_path):
    with pytest.raises(Problems) as raised:
        read(tsv(tmp_path, "A,PC,F,BE\tx \ty \nA,PC,F,DE\t1 \tz \n"), "isoc_sks_itsps")
    assert [(p.line, p.column, p.value) for p in raised.value.problems] == [(2, "2", "x"), (2, "3", "y"), (3, "3", "z")]


def test_a_blank_line_keeps_the_numbers_of_the_lines_after_it(tmp_path):
    with pytest.raises(Problems) as raised:
        read(tsv(tmp_path, "A,PC,F,BE\t1 \t2 \n\nA,PC,F,DE\t3 \tabc\n"), "isoc_sks_itsps")
    assert [(p.line, p.column) for p in raised.value.problems] == [(4, "3")]


def test_windows_line_ends_give_the_same_rows(tmp_path):
    body = "A,PC,F,BE\t17.8 b\t: u\nA,PC,F,DE\t1 \t2 p\n"
    unix = read(tsv(tmp_path, body), "isoc_sks_itsps")
    windows = read(tsv(tmp_path, body, name="windows.tsv", newline="\r\n"), "isoc_sks_itsps")
    assert windows.equals(unix)
    assert windows.select("geo", "time", "value", "flags").rows() == [
        ("BE", "2020", 17.8, "b"), ("DE", "2020", 1.0, ""), ("BE", "2021", None, "u"), ("DE", "2021", 2.0, "p"),
    ]


def test_rows_come_period_by_period_with_the_keys_of_their_line(tmp_path):
    rows = read(tsv(tmp_path, "A,PC,F,BE\t1 \t2 \nA,PC,M,DE\t3 \t4 \n"), "isoc_sks_itsps")
    assert rows.select("geo", "time", pl.col("dims").struct.field("sex"), "value").rows() == [
        ("BE", "2020", "F", 1.0), ("DE", "2020", "M", 3.0), ("BE", "2021", "F", 2.0), ("DE", "2021", "M", 4.0),
    ]
    assert rows["dataset"].unique().to_list() == ["isoc_sks_itsps"]


def test_a_file_with_only_its_header_has_no_rows(tmp_path):
    assert read(tsv(tmp_path, ""), "isoc_sks_itsps").height == 0


def test_a_file_whose_cells_repeat_is_read_by_table_and_one_whose_cells_differ_cell_by_cell(tmp_path, monkeypatch):
    monkeypatch.setattr(cells, "MOST_DISTINCT", 0.75)
    repeating = "".join(f"A,PC,F,C{n}\t17.8 b\t: \n" for n in range(100))
    differing = "".join(f"A,PC,F,C{n}\t{n}.25 b\t{n}.5 \n" for n in range(100))
    assert isinstance(cells.plan(tsv(tmp_path, repeating).read_bytes(), 3), pl.Categorical)
    assert cells.plan(tsv(tmp_path, differing).read_bytes(), 3) is None


def test_reading_the_same_file_twice_gives_the_same_rows(tmp_path):
    path = tsv(tmp_path, "A,PC,F,BE\t17.8 b\t: u\n")
    assert read(path, "isoc_sks_itsps").equals(read(path, "isoc_sks_itsps"))
