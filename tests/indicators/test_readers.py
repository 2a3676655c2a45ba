"""The readers: every bundled Eurostat file → the same normalised rows; bad files → exact problems."""

import polars as pl
import pytest
from django.conf import settings

from widmonitor.indicators.readers import COLUMNS, read
from widmonitor.problems import Problems

DATA = settings.REPO_DIR / "data" / "eurostat"
FIXTURES = settings.REPO_DIR / "tests" / "indicators" / "fixtures"

# file → (dataset to pass when the content does not name it, rows, dims); rows counted by eye:
# data lines × period columns for a TSV, data lines for a CSV (PROVENANCE.md gives the same)
BUNDLED = {
    "isoc_sks_itsps_PC_F_2014-2021.tsv": ("isoc_sks_itsps", 36 * 8, ["freq", "sex", "unit"]),
    "isoc_sks_itsps_THS_PER_F_2014-2021.tsv": ("isoc_sks_itsps", 36 * 8, ["freq", "sex", "unit"]),
    "educ_uoe_grad02_ED5-8_broad_fields_by_sex_2013-2015.tsv": ("educ_uoe_grad02", 1125 * 3, ["isced11", "iscedf13", "sex", "unit"]),
    "isoc_sk_dskl_i_2015_2019_by_sex_labels.csv": ("isoc_sk_dskl_i", 792, ["ind_type", "indic_is", "unit"]),
    "isoc_sk_dskl_i21_all_individuals_2021_2023_labels.csv": (None, 3476, ["freq", "ind_type", "indic_is", "unit"]),
    "isoc_sk_dskl_i21_above_basic_and_basic_by_sex_2021-2025_extract.csv": (None, 504, ["ind_type", "indic_is", "unit"]),
    "sdg_05_20_gender_pay_gap_2002-2024_labels.csv": (None, 629, ["freq", "nace_r2", "unit"]),
    "earn_gr_gpgr2_gender_pay_gap_by_nace_2007-2024_labels.csv": (None, 10383, ["freq", "nace_r2", "unit"]),
    "earn_gr_gpgr2ag_gender_pay_gap_by_age_2007-2024_labels.csv": (None, 2808, ["age", "freq", "unit"]),
}


def read_bundled(name):
    return read(DATA / name, BUNDLED[name][0])


def one(rows, geo, time, **dims):
    found = rows.filter(pl.col("geo") == geo, pl.col("time") == time, *(pl.col("dims").struct.field(k) == v for k, v in dims.items()))
    assert found.height == 1, found
    return found.row(0, named=True)


def test_every_bundled_data_file_is_covered_by_this_table():
    assert sorted(path.name for path in DATA.iterdir() if path.suffix in (".tsv", ".csv")) == sorted(BUNDLED)


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_every_bundled_file_parses_into_normalised_rows(name):
    rows = read_bundled(name)
    _, count, dims = BUNDLED[name]
    assert rows.columns == list(COLUMNS)
    assert rows.height == count
    assert [field.name for field in rows.schema["dims"].fields] == dims
    assert rows.schema["value"] == pl.Float64 and rows.schema["time"] == pl.String
    assert rows["geo"].str.contains(r"^[A-Z][A-Z0-9_]*$").all()
    assert rows["flags"].str.contains(r"^[a-z]*$").all()


# (file, geo, time, dims, value, flags): read by eye in the files themselves
HAND_CHECKED = [
    ("isoc_sks_itsps_PC_F_2014-2021.tsv", "BE", "2021", {"unit": "PC", "sex": "F"}, 19.6, "b"),
    ("isoc_sks_itsps_PC_F_2014-2021.tsv", "BE", "2019", {"unit": "PC", "sex": "F"}, 17.2, "s"),
    ("isoc_sks_itsps_PC_F_2014-2021.tsv", "EU27_2020", "2021", {"unit": "PC"}, 19.1, "bs"),
    ("isoc_sks_itsps_PC_F_2014-2021.tsv", "ME", "2014", {"unit": "PC"}, None, "u"),
    ("isoc_sks_itsps_PC_F_2014-2021.tsv", "TR", "2021", {"unit": "PC"}, None, ""),
    ("isoc_sks_itsps_THS_PER_F_2014-2021.tsv", "BE", "2021", {"unit": "THS_PER"}, 53.4, "b"),
    ("educ_uoe_grad02_ED5-8_broad_fields_by_sex_2013-2015.tsv", "BE", "2014", {"iscedf13": "F06", "sex": "F"}, 143.0, ""),
    ("educ_uoe_grad02_ED5-8_broad_fields_by_sex_2013-2015.tsv", "BE", "2015", {"iscedf13": "F06", "sex": "F"}, None, ""),
    ("isoc_sk_dskl_i_2015_2019_by_sex_labels.csv", "BE", "2015", {"ind_type": "F_Y16_74", "indic_is": "Individuals who have low overall digital skills"}, 26.0, ""),
    ("isoc_sk_dskl_i_2015_2019_by_sex_labels.csv", "BE", "2019", {"ind_type": "F_Y16_74", "indic_is": "Individuals who have no overall digital skills"}, 0.0, "n"),
    ("isoc_sk_dskl_i21_all_individuals_2021_2023_labels.csv", "BE", "2023", {"indic_is": "I_DSK2_BAB", "unit": "PC_IND"}, 59.39, ""),
    ("isoc_sk_dskl_i21_all_individuals_2021_2023_labels.csv", "BE", "2023", {"indic_is": "I_DSK2_BAB", "unit": "PC_IND_IU3"}, 62.76, ""),
    ("isoc_sk_dskl_i21_above_basic_and_basic_by_sex_2021-2025_extract.csv", "BE", "2021", {"ind_type": "F_Y16_74", "indic_is": "I_DSK2_AB"}, 23.16, ""),
    ("isoc_sk_dskl_i21_above_basic_and_basic_by_sex_2021-2025_extract.csv", "BE", "2021", {"ind_type": "M_Y16_74", "indic_is": "I_DSK2_AB"}, 29.53, ""),
    ("sdg_05_20_gender_pay_gap_2002-2024_labels.csv", "BE", "2024", {"nace_r2": "B-S_X_O"}, 0.7, "p"),
    ("earn_gr_gpgr2_gender_pay_gap_by_nace_2007-2024_labels.csv", "BE", "2022", {"nace_r2": "J"}, 6.6, ""),
    ("earn_gr_gpgr2_gender_pay_gap_by_nace_2007-2024_labels.csv", "IE", "2011", {"nace_r2": "B"}, None, "c"),
    ("earn_gr_gpgr2ag_gender_pay_gap_by_age_2007-2024_labels.csv", "BE", "2024", {"age": "Y25-34"}, -5.0, "p"),
]


@pytest.mark.parametrize(("name", "geo", "time", "dims", "value", "flags"), HAND_CHECKED)
def test_it_reads_the_hand_checked_value_and_its_flags(name, geo, time, dims, value, flags):
    row = one(read_bundled(name), geo, time, **dims)
    assert (row["value"], row["flags"]) == (value, flags)


def test_a_label_export_names_belgium_and_germany_by_their_codes():
    rows = read_bundled("isoc_sk_dskl_i_2015_2019_by_sex_labels.csv")
    assert {"BE", "DE", "EL", "TR"} <= set(rows["geo"])
    assert rows["dims"].struct.field("unit").unique().to_list() == ["PC_IND"]


def test_a_label_without_a_known_code_stays_as_the_exported_label():
    rows = read_bundled("isoc_sk_dskl_i21_all_individuals_2021_2023_labels.csv")
    row = one(rows, "BE", "2021", indic_is="Individuals with online information and communication skills", unit="PC_IND")
    assert row["value"] == 1.76


def test_the_sdmx_csv_names_its_dataset_and_the_label_csv_needs_one():
    assert read_bundled("sdg_05_20_gender_pay_gap_2002-2024_labels.csv")["dataset"].unique().to_list() == ["sdg_05_20"]
    with pytest.raises(Problems) as raised:
        read(DATA / "isoc_sk_dskl_i_2015_2019_by_sex_labels.csv")
    assert str(raised.value.problems[0]) == (
        "isoc_sk_dskl_i_2015_2019_by_sex_labels.csv: "
        "the file does not name its Eurostat dataset (pass the dataset code, such as isoc_sks_itsps)"
    )


def test_the_jsonstat_and_tsv_versions_of_the_same_data_give_identical_rows():
    from_tsv = read(DATA / "isoc_sks_itsps_PC_F_2014-2021.tsv", "isoc_sks_itsps")
    from_jsonstat = read(FIXTURES / "isoc_sks_itsps_PC_F_2014-2021.jsonstat.json")
    order = ["geo", "time"]
    assert from_jsonstat.sort(order).equals(from_tsv.sort(order))


def test_the_format_is_picked_by_content_not_by_name(tmp_path):
    disguised = tmp_path / "figures.txt"
    disguised.write_bytes((DATA / "sdg_05_20_gender_pay_gap_2002-2024_labels.csv").read_bytes())
    assert read(disguised).height == 629


# The same two cells (test values, not Eurostat's) in SDMX-CSV 1.0 and in the data browser's SDMX-CSV 2.0
# exports, with codes only and with codes and labels (each column of codes followed by its labels).
CELLS_V1 = (
    "DATAFLOW,LAST UPDATE,freq,unit,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n"
    "ESTAT:ISOC_SKS_ITSPS(1.0),01/01/25 23:00:00,A,PC,F,BE,2021,11.5,b,\n"
    "ESTAT:ISOC_SKS_ITSPS(1.0),01/01/25 23:00:00,A,PC,M,BE,2021,88.5,,\n"
)
CELLS_V2_CODES = (
    "STRUCTURE,STRUCTURE_ID,ACTION,freq,unit,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n"
    "dataflow,ESTAT:ISOC_SKS_ITSPS(1.0),I,A,PC,F,BE,2021,11.5,b,\n"
    "dataflow,ESTAT:ISOC_SKS_ITSPS(1.0),I,A,PC,M,BE,2021,88.5,,\n"
)
CELLS_V2_LABELS = (
    "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,freq,Time frequency,unit,Unit of measure,sex,Sex,geo,"
    "Geopolitical entity (reporting),TIME_PERIOD,Time,OBS_VALUE,Observation value,OBS_FLAG,"
    "Observation status (Flag) V2 structure,CONF_STATUS,Confidentiality status (flag)\n"
    "dataflow,ESTAT:ISOC_SKS_ITSPS(1.0),Employed ICT specialists by sex,A,Annual,PC,Percentage,F,Females,"
    "BE,Belgium,2021,,11.5,,b,break in time series,,\n"
    "dataflow,ESTAT:ISOC_SKS_ITSPS(1.0),Employed ICT specialists by sex,A,Annual,PC,Percentage,M,Males,"
    "BE,Belgium,2021,,88.5,,,,,\n"
)


@pytest.mark.parametrize("text", [CELLS_V2_CODES, CELLS_V2_LABELS], ids=["codes", "codes and labels"])
def test_an_sdmx_csv_2_0_export_gives_the_rows_of_the_same_cells_in_sdmx_csv_1_0(tmp_path, text):
    (tmp_path / "v1.csv").write_text(CELLS_V1)
    (tmp_path / "v2.csv").write_text(text)

    rows = read(tmp_path / "v2.csv")

    assert rows.equals(read(tmp_path / "v1.csv"))
    assert rows["dataset"].unique().to_list() == ["isoc_sks_itsps"]
    assert [field.name for field in rows.schema["dims"].fields] == ["freq", "sex", "unit"]
    assert one(rows, "BE", "2021", sex="F")["flags"] == "b"


def test_a_bad_value_in_an_sdmx_csv_2_0_export_is_named_by_the_file_s_own_line_and_column(tmp_path):
    (tmp_path / "v2.csv").write_text(CELLS_V2_LABELS.replace(",,88.5,", ",,eighty,"))

    with pytest.raises(Problems) as raised:
        read(tmp_path / "v2.csv")

    assert str(raised.value.problems[0]) == (
        "v2.csv, line 3, column 14: \"eighty\" is not a number "
        "(expected a number such as 12.3, or nothing for a missing value)"
    )


MALFORMED = [
    ("bad_number.tsv", "isoc_sks_itsps", ["bad_number.tsv, line 3, column 3: \"abc\" is not a number "
                                          "(expected a number, optionally followed by flags such as 12.3 p)"]),
    ("wrong_header.tsv", "isoc_sks_itsps", ['wrong_header.tsv, line 1, column 1: the header "freq,unit,sex,geo" is not a '
                                            "Eurostat TSV header (expected dimension codes ending with geo and the time "
                                            "dimension, such as freq,unit,sex,geo\\TIME_PERIOD)"]),
    ("truncated.tsv", "isoc_sks_itsps", ["truncated.tsv, line 3: the line has 2 columns (expected 3; is the file truncated?)"]),
    ("long_line.tsv", "isoc_sks_itsps", ["long_line.tsv, line 2: the line has 4 columns (expected 3, as many as the header)"]),
    ("unknown_format.html", None, ["unknown_format.html, line 1: not a format widmonitor reads (expected Eurostat TSV, "
                                   "SDMX-CSV, JSON-stat 2.0, the label CSV export or the tidy digital-skills extract)"]),
    ("bad_sdmx.csv", None, ['bad_sdmx.csv, line 3, column 7: "12..5" is not a number (expected a number such as 12.3, '
                            "or nothing for a missing value)"]),
]


@pytest.mark.parametrize(("name", "dataset", "expected"), MALFORMED)
def test_a_malformed_file_gives_the_exact_problem_with_its_place(name, dataset, expected):
    with pytest.raises(Problems) as raised:
        read(FIXTURES / name, dataset)
    assert [str(problem) for problem in raised.value.problems] == expected


def test_an_unknown_geo_label_is_a_problem_once_numbers_are_right(tmp_path):
    path = tmp_path / "atlantis.csv"
    path.write_text((FIXTURES / "bad_sdmx.csv").read_text().replace("12..5", "12.5"))
    with pytest.raises(Problems) as raised:
        read(path)
    assert [(p.code, p.line, p.column, p.value) for p in raised.value.problems] == [("unknown_geo", 3, "5", "Atlantis")]


def test_a_truncated_jsonstat_file_names_the_missing_cells(tmp_path):
    text = (FIXTURES / "isoc_sks_itsps_PC_F_2014-2021.jsonstat.json").read_text()
    path = tmp_path / "cut.json"
    path.write_text(text.replace('"value": [\n  13.4,', '"value": ['))
    with pytest.raises(Problems) as raised:
        read(path)
    assert [p.text for p in raised.value.problems] == [
        '"value" has 287 cells (expected 288, the product of "size"; is the file truncated?)'
    ]


@pytest.mark.parametrize(("content", "code"), [(b"", "empty_file"), (b"\xff\xfe\x00a", "not_utf8"), (b"{not json", "bad_json")])
def test_unreadable_content_is_one_problem(tmp_path, content, code):
    path = tmp_path / "data.tsv"
    path.write_bytes(content)
    with pytest.raises(Problems) as raised:
        read(path)
    assert [p.code for p in raised.value.problems] == [code]
