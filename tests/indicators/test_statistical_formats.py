"""SDMX-CSV 2.0 and JSON-stat 2.0 out of the store, read back by the platform's own readers value for value."""

import json

import pytest

from widmonitor.indicators import readers
from widmonitor.indicators.catalogue import load_catalogue
from widmonitor.indicators.formats import FORMATS, Selection, cube
from widmonitor.indicators.formats.cube import NOT_APPLICABLE
from widmonitor.indicators.models import Observation
from widmonitor.indicators.presentation import catalogue
from widmonitor.problems import Problems

BUNDLED = [indicator.code for indicator in load_catalogue() if indicator.data != "none"]


def stored(code, **narrowed):
    rows = Observation.objects.from_eurostat().filter(indicator=code, **narrowed)
    return sorted(rows.values_list("geo", "period", "sex", "age_band", "unit", "value", "flags"), key=str)


def read_back(raw, name):
    """The cells a reader finds in ``raw``, as the store keeps them, and the dataset codes it names."""
    frame = readers.parse(raw, name)
    cells = []
    for row in frame.iter_rows(named=True):
        dims = row["dims"] or {}
        plain = {key: "" if value == NOT_APPLICABLE else value for key, value in dims.items()}
        cells.append((row["geo"], row["time"], plain.get("sex", ""), plain.get("age", ""), plain["unit"], row["value"], row["flags"]))
    return sorted(cells, key=str), set(frame["dataset"])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("code", BUNDLED)
def test_every_bundled_indicator_comes_back_value_for_value(setup_data, db, code, fmt):
    writer = FORMATS[fmt]
    cells, datasets = read_back(writer.write(cube(catalogue()[code])), f"{code}.{writer.EXTENSION}")
    expected = stored(code)
    assert expected and cells == expected
    assert datasets == {code}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_selection_writes_only_its_geographies_years_and_series(setup_data, db, fmt):
    selection = Selection.from_params(geo="BE,EU27_2020", since="2019", until="2021", series="women,total")
    writer = FORMATS[fmt]
    cells, _datasets = read_back(writer.write(cube(catalogue()["dsi1_above_basic"], selection)), f"x.{writer.EXTENSION}")
    expected = [cell for cell in stored("dsi1_above_basic", geo__in=["BE", "EU27_2020"], sex__in=["F", "T"]) if 2019 <= int(cell[1]) <= 2021]
    assert expected and cells == expected


def test_flags_are_the_observation_status_and_a_confidential_cell_is_conf_status_c(setup_data, db):
    confidential = Observation.objects.from_eurostat().filter(flags="c").first()
    indicator = catalogue()[confidential.indicator]
    selection = Selection(geo=(confidential.geo,))
    lines = FORMATS["sdmx-csv"].write(cube(indicator, selection)).decode().splitlines()
    header = lines[0].split(",")
    row = next(dict(zip(header, line.split(","))) for line in lines[1:] if f",{confidential.period}," in line and f",{confidential.geo}," in line)
    assert (row["OBS_FLAG"], row["CONF_STATUS"]) == ("", "C")
    document = json.loads(FORMATS["json-stat"].write(cube(indicator, selection)))
    assert "c" in document["status"].values() and document["extension"]["status"]["label"]["c"] == "confidential"


def test_a_gap_indicator_has_no_sex_dimension(setup_data, db):
    document = json.loads(FORMATS["json-stat"].write(cube(catalogue()["wid_sse_gpg"], Selection(geo=("BE",)))))
    assert document["id"] == ["freq", "unit", "geo", "time"]
    assert document["dimension"]["geo"]["category"]["label"] == {"BE": "Belgium"}


def test_the_jsonstat_reader_keeps_a_listed_cell_whose_value_is_missing_without_a_flag():
    document = {
        "version": "2.0", "class": "dataset", "id": ["geo", "time"], "size": [1, 2],
        "dimension": {"geo": {"category": {"index": ["BE"]}}, "time": {"category": {"index": ["2020", "2021"]}}},
        "value": {"0": None, "1": 3.5}, "extension": {"id": "x"},
    }  # fmt: skip
    frame = readers.parse(json.dumps(document).encode(), "sparse.json")
    assert list(frame.select("time", "value").iter_rows()) == [("2020", None), ("2021", 3.5)]


@pytest.mark.parametrize(
    ("params", "codes"),
    [
        ({"geo": "be"}, ["bad_geo"]),
        ({"since": "2021", "until": "2019"}, ["bad_years"]),
        ({"since": "twenty"}, ["bad_year"]),
        ({"series": "women,girls", "geo": "BE;FR"}, ["bad_geo", "bad_series"]),
    ],
)
def test_a_wrong_selection_names_every_wrong_parameter(params, codes):
    with pytest.raises(Problems) as raised:
        Selection.from_params(**params)
    assert [problem.code for problem in raised.value.problems] == codes


def test_a_wrong_selection_says_what_was_expected():
    with pytest.raises(Problems) as raised:
        Selection.from_params(series="girls")
    assert raised.value.problems[0].text == '"girls" is not a series (expected women, men, total, gap, comma-separated)'
