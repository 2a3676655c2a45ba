"""Every non-empty cell of the sheet is imported or reported, and nothing else happens.

Each file starts as a real export and is changed the way files change on their way back: a
program re-saves it with a stale dimension or shared strings, a person merges cells, types
beside the table or lets the spreadsheet turn a section number into a date, a transfer cuts
it short, or what comes back is another kind of file. A refused file is refused whole, with
one located sentence per problem, and the database is left as it was.
"""

import datetime
import shutil

import pytest
from openpyxl import load_workbook

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.initiatives.xlsx_import import import_overview

from . import xlsx_factory as factory
from .xlsx_factory import SHEET_PART

DAMAGED = "overview.xlsx: the file is damaged: open it in Excel or LibreOffice and save it again"
TOO_MANY_ROWS = "Initiatives: more than the 50000 data rows an import accepts (split the file and import each part)"
NO_HEADER = "but its column has no header; move the value under the right header or empty the cell"
UNMERGE = "unmerge them so that each row holds its own values"
NOT_TEXT = "not text; format the column as Text and type the value again"
AS_TEXT = "in a column formatted as Text"


@pytest.fixture
def overview(strategy, tmp_path):
    """A valid export of two initiatives: coderdojo-belgium in row 2, women-in-tech-day in row 3."""
    factory.sample_initiatives()
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    return path


def replace(name, old, new):
    return lambda path: factory.replace_in_part(path, name, old, new)


def edit(changes):
    return lambda path: factory.edit(path, changes)


def truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def cut_part(name):
    return lambda path: factory.edit_part(path, name, lambda data: data[: len(data) // 2])


def remove_part(name):
    return lambda path: factory.edit_parts(path, lambda parts: parts.pop(name))


def shared(mutate):
    """The mutation applied to the export with its text moved into shared strings, as Excel keeps it."""

    def mutate_shared(path):
        factory.share_strings(path)
        mutate(path)

    return mutate_shared


def huge_behind_a_small_dimension(path):
    factory.huge_workbook(path, 50_001)
    factory.set_dimension(path, "A1:E2")


def merged_in_a_second_sheet_part(path):
    """Initiatives stored in sheet2.xml (Codes first), with merged cells in both sheets."""
    workbook = load_workbook(path)
    workbook.move_sheet("Codes", offset=-1)
    workbook["Codes"].merge_cells("A1:B1")
    workbook["Initiatives"].merge_cells("Q2:R2")
    workbook.save(path)
    assert b'<mergeCell ref="A1:B1"' in factory.part(path, SHEET_PART)  # the first part is not Initiatives


REFUSED = [
    pytest.param(huge_behind_a_small_dimension, [TOO_MANY_ROWS], id="rows past a stale dimension count"),
    pytest.param(
        lambda path: factory.set_cells(path, {"AA3": "check with Anna"}),
        [f'Initiatives, row 3, column AA (no header): the cell holds "check with Anna" {NO_HEADER}'],
        id="a value right of the last header",
    ),
    pytest.param(
        lambda path: factory.set_cells(path, {"AA2": "=LEN(D2)"}),
        [f'Initiatives, row 2, column AA (no header): the cell holds "=LEN(D2)" {NO_HEADER}'],
        id="a helper formula beside the table",
    ),
    pytest.param(
        lambda path: factory.set_cells(path, {"W1": None}),
        [f'Initiatives, row 2, column W (no header): the cell holds "5.1.2" {NO_HEADER}'],
        id="a value under an emptied header",
    ),
    pytest.param(
        lambda path: factory.set_cells(path, {"AB7": 42}),
        [f'Initiatives, row 7, column AB (no header): the cell holds "42" {NO_HEADER}'],
        id="a row with nothing but a value without a header",
    ),
    pytest.param(
        lambda path: factory.merge_cells(path, "T2:T3"),
        [f"Initiatives, row 2, column T (url): cells T2:T3 are merged; {UNMERGE}"],
        id="merged data cells",
    ),
    pytest.param(
        lambda path: factory.merge_cells(path, "B1:D1"),
        [
            'Initiatives, row 1: missing column "title_fr" (a header cell reading title_fr; exported files have it in column C)',
            'Initiatives, row 1: missing column "title_en" (a header cell reading title_en; exported files have it in column D)',
            f"Initiatives, row 1, column B (title_nl): cells B1:D1 are merged; {UNMERGE}",
        ],
        id="merged header cells",
    ),
    pytest.param(
        replace(
            SHEET_PART,
            b"<pageMargins",
            b'<x:mergeCells xmlns:x="%s" count="1"><x:mergeCell ref="A2:A3" /></x:mergeCells><pageMargins'
            % factory.MAIN_NS,
        ),
        [f"Initiatives, row 2, column A (id): cells A2:A3 are merged; {UNMERGE}"],
        id="merged cells written with a namespace prefix",
    ),
    pytest.param(
        merged_in_a_second_sheet_part,
        [f"Initiatives, row 2, column Q (starts): cells Q2:R2 are merged; {UNMERGE}"],
        id="merged cells of the Initiatives sheet only, wherever it is stored",
    ),
    pytest.param(
        replace(SHEET_PART, b"Women in Tech Day", b"Women in_x000B_Tech Day"),
        [
            (
                "Initiatives, row 3, column D (title_en): the cell holds a control character (U+000B) "
                "that cannot be kept; remove it"
            )
        ],
        id="an escaped vertical tab in an inline string",
    ),
    pytest.param(
        shared(replace("xl/sharedStrings.xml", "Journée des".encode(), "Journée_x0001_ des".encode())),
        [
            (
                "Initiatives, row 3, column C (title_fr): the cell holds a control character (U+0001) "
                "that cannot be kept; remove it"
            )
        ],
        id="an escaped control character in a shared string",
    ),
    pytest.param(truncate, [DAMAGED], id="truncated zip"),
    pytest.param(cut_part(SHEET_PART), [DAMAGED], id="truncated sheet XML"),
    pytest.param(lambda path: factory.flip_byte(path, SHEET_PART), [DAMAGED], id="a flipped byte in the compressed sheet"),
    pytest.param(replace(SHEET_PART, b"Women in Tech Day", b"Women in\x01Tech Day"), [DAMAGED], id="a character XML refuses"),
    pytest.param(remove_part(SHEET_PART), [DAMAGED], id="missing sheet part"),
    pytest.param(replace(SHEET_PART, b'<c r="Z3" t="n"><v>1', b'<c r="Z3" t="n"><v>one'), [DAMAGED], id="a number of letters"),
    pytest.param(shared(cut_part("xl/sharedStrings.xml")), [DAMAGED], id="truncated shared strings"),
    pytest.param(
        shared(replace(SHEET_PART, b'<c r="D3" t="s"><v>', b'<c r="D3" t="s"><v>999')),
        [DAMAGED],
        id="a shared string that is not in the table",
    ),
    pytest.param(cut_part("xl/workbook.xml"), [DAMAGED], id="truncated workbook part"),
    pytest.param(
        lambda path: path.write_bytes(factory.compound_file("EncryptionInfo", "EncryptedPackage")),
        [
            (
                "overview.xlsx: the workbook is protected by a password: open it, remove the password and save it again "
                "(in Excel, File > Info > Protect Workbook > Encrypt with Password and clear the password; "
                'in LibreOffice, File > Save As with "Save with password" unticked)'
            )
        ],
        id="encrypted with a password",
    ),
    pytest.param(
        edit({(2, "source_section"): datetime.datetime(2003, 5, 3)}),
        [f"Initiatives, row 2, column W (source_section): the cell holds the date 2003-05-03, {NOT_TEXT}"],
        id="a section number a spreadsheet made a date",
    ),
    pytest.param(
        edit({(2, "source_section"): 5.3}),
        [f"Initiatives, row 2, column W (source_section): the cell holds the number 5.3, {NOT_TEXT}"],
        id="a section number typed as a number",
    ),
    pytest.param(
        edit({(3, "title_en"): True}),
        [f"Initiatives, row 3, column D (title_en): the cell holds the logical value TRUE, {NOT_TEXT}"],
        id="a title a spreadsheet made TRUE",
    ),
    pytest.param(
        edit({(3, "id"): 2023}),
        [f"Initiatives, row 3, column A (id): the cell holds the number 2023, {NOT_TEXT}"],
        id="an identifier typed as a number",
    ),
    pytest.param(
        edit({(2, "url"): datetime.time(10, 30)}),
        [f"Initiatives, row 2, column T (url): the cell holds the time 10:30:00, {NOT_TEXT}"],
        id="a time in a web address column",
    ),
    pytest.param(
        edit({(2, "objectives"): datetime.datetime(2024, 2, 1)}),
        [f"Initiatives, row 2, column K (objectives): the cell holds the date 2024-02-01, {NOT_TEXT}"],
        id="a sub-objective a spreadsheet made a date",
    ),
    pytest.param(
        edit({(2, "starts"): datetime.datetime(2021, 11, 1)}),
        [
            (
                "Initiatives, row 2, column Q (starts): the cell holds the date 2021-11-01; "
                f"type the period as text (2021, 2021-11 or 2021-11-01) {AS_TEXT}"
            )
        ],
        id="a first of the month that is not the stored period",
    ),
    pytest.param(
        lambda path: factory.append_row(
            path,
            {"title_en": "She Codes", "original_language": "en", "starts": datetime.datetime(2024, 1, 1)},
        ),
        [
            (
                "Initiatives, row 4, column Q (starts): the cell holds the date 2024-01-01; "
                f"type the period as text (2024, 2024-01 or 2024-01-01) {AS_TEXT}"
            )
        ],
        id="a first of the month in a new row",
    ),
    pytest.param(
        edit({(3, "ends"): 2023.5}),
        [
            (
                "Initiatives, row 3, column R (ends): the cell holds the number 2023.5; "
                f"type the period as text (YYYY, YYYY-MM or YYYY-MM-DD) {AS_TEXT}"
            )
        ],
        id="a period typed as a number that is not a year",
    ),
    pytest.param(
        edit({(2, "starts"): datetime.datetime(2021, 11, 15, 9, 30)}),
        [
            (
                "Initiatives, row 2, column Q (starts): the cell holds the date 2021-11-15 09:30:00; "
                f"type the period as text (YYYY, YYYY-MM or YYYY-MM-DD) {AS_TEXT}"
            )
        ],
        id="a date with a time of day",
    ),
]


@pytest.mark.parametrize("mutate, expected", REFUSED)
def test_it_refuses_the_file_whole_saying_where_and_why(overview, mutate, expected):
    before = factory.database_state()
    mutate(overview)

    report = import_overview(overview)

    assert [str(error) for error in report.errors] == expected
    assert (report.created, report.updated, report.unchanged) == (0, 0, 0)
    assert factory.database_state() == before


OTHER_FILES = [
    pytest.param(
        "overview.ods",
        factory.opendocument_spreadsheet(),
        "overview.ods: not an Excel workbook but an OpenDocument spreadsheet (.ods): in LibreOffice choose "
        'File > Save As and the type "Excel 2007-365 (.xlsx)", then import that file',
        id="OpenDocument spreadsheet",
    ),
    pytest.param(
        "overview.xls",
        factory.compound_file("Workbook", "\x05SummaryInformation"),
        "overview.xls: not an Excel workbook but an old Excel 97-2003 workbook (.xls): save it as .xlsx "
        '(in Excel, File > Save As and the type "Excel Workbook (*.xlsx)"; in LibreOffice, File > Save As and '
        'the type "Excel 2007-365 (.xlsx)"), then import that file',
        id="Excel 97-2003 workbook",
    ),
    pytest.param(
        "overview.csv",
        "id;title_nl\r\ncoderdojo-belgium;CoderDojo België\r\n".encode("cp1252"),
        "overview.csv: not an Excel workbook but a text file (CSV or similar): open it in Excel or LibreOffice "
        "and save it as an Excel workbook (.xlsx), then import that file",
        id="CSV file",
    ),
    pytest.param(
        "overview.txt",
        "\ufeffid\ttitle_nl\r\n".encode("utf-16-le"),
        "overview.txt: not an Excel workbook but a text file (CSV or similar): open it in Excel or LibreOffice "
        "and save it as an Excel workbook (.xlsx), then import that file",
        id="Excel's Unicode text",
    ),
    pytest.param(
        "overview.doc",
        factory.compound_file("WordDocument"),
        "overview.doc: not an Excel workbook (expected an .xlsx file saved by Excel or LibreOffice)",
        id="another OLE2 file",
    ),
    pytest.param(
        "overview.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "overview.png: not an Excel workbook (expected an .xlsx file saved by Excel or LibreOffice)",
        id="an image",
    ),
]


@pytest.mark.parametrize("name, data, expected", OTHER_FILES)
def test_it_says_what_another_kind_of_file_is_and_how_to_save_it_as_xlsx(overview, name, data, expected):
    before = factory.database_state()
    path = overview.with_name(name)
    path.write_bytes(data)

    assert [str(error) for error in import_overview(path).errors] == [expected]
    assert factory.database_state() == before


def test_the_new_problems_are_typed_data_with_stable_codes(overview):
    factory.edit(overview, {(2, "source_section"): 5.3, (3, "starts"): datetime.datetime(2021, 11, 1)})
    factory.set_cells(overview, {"AA3": "note"})

    errors = import_overview(overview).errors

    assert [(error.code, error.row, error.column, error.header, error.value) for error in errors] == [
        ("wrong_type", 2, "W", "source_section", "5.3"),
        ("wrong_type", 3, "Q", "starts", "2021-11-01"),
        ("unheaded_cell", 3, "AA", "no header", "note"),
    ]


@pytest.mark.parametrize(
    "mutate, code",
    [
        (lambda path: factory.merge_cells(path, "T2:T3"), "merged_cells"),
        (replace(SHEET_PART, b"Women in Tech Day", b"Women_x000B_"), "control_character"),
        (truncate, "damaged_file"),
        (lambda path: path.write_bytes(factory.compound_file("EncryptionInfo")), "password_protected"),
        (lambda path: path.write_bytes(factory.opendocument_spreadsheet()), "not_xlsx"),
    ],
)
def test_each_refused_file_has_a_stable_code(overview, mutate, code):
    mutate(overview)

    assert [error.code for error in import_overview(overview).errors] == [code]


# --- what must import as it is ----------------------------------------------------------------


def titles():
    return dict(Initiative.objects.values_list("uid", "title"))


def test_rows_a_stale_dimension_hides_are_imported(overview):
    factory.edit(overview, {(3, "title_en"): "Women in Tech Day 2022"})
    factory.set_dimension(overview, "A1:Z2")

    report = import_overview(overview)

    assert (report.errors, report.updated, report.unchanged) == ([], 1, 1)
    assert titles()["women-in-tech-day"]["en"] == "Women in Tech Day 2022"


def test_columns_a_stale_dimension_hides_are_imported(overview):
    factory.edit(overview, {(2, "url"): "https://coderdojo.be/"})
    factory.set_dimension(overview, "A1:C3")

    report = import_overview(overview)

    assert (report.errors, report.updated, report.unchanged) == ([], 1, 1)
    assert Initiative.objects.get(uid="coderdojo-belgium").url == "https://coderdojo.be/"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda path: factory.set_dimension(path, "A1:Z1048576"), id="a dimension claiming every row"),
        pytest.param(
            lambda path: factory.replace_in_part(
                path, SHEET_PART, b"</sheetData>", b'<row r="60000"><c r="A60000" s="0" /></row></sheetData>'
            ),
            id="an empty formatted cell far below the limit",
        ),
        pytest.param(lambda path: factory.reorder_columns(path, ["starts", "ends", "version", "id"]), id="columns reordered"),
        pytest.param(lambda path: load_workbook(path).save(path), id="re-saved by openpyxl"),
        pytest.param(factory.share_strings, id="text in shared strings"),
        pytest.param(lambda path: factory.set_cells(path, {"AA3": "   "}), id="spaces beside the table"),
    ],
)
def test_a_file_changed_only_in_form_changes_nothing(overview, change):
    before = factory.database_state()
    change(overview)

    report = import_overview(overview)

    assert (report.errors, report.created, report.updated, report.unchanged) == ([], 0, 0, 2)
    assert factory.database_state() == before


def test_a_workbook_is_known_by_its_content_not_its_name(overview):
    renamed = overview.with_name("overview-download")
    shutil.copy(overview, renamed)

    report = import_overview(renamed)

    assert (report.errors, report.unchanged) == ([], 2)


@pytest.mark.parametrize("share", [False, True], ids=["inline string", "shared string"])
def test_it_decodes_the_escapes_excel_writes(overview, share):
    if share:
        factory.share_strings(overview)
    part = "xl/sharedStrings.xml" if share else SHEET_PART
    factory.replace_in_part(overview, part, b"Women in Tech Day", b"Women in_x000D_\nTech_x0009_Day _x005F_x000D_")

    report = import_overview(overview)

    assert (report.errors, report.updated) == ([], 1)
    assert titles()["women-in-tech-day"]["en"] == "Women in\nTech\tDay _x000D_"


def test_text_that_looks_like_an_escape_survives_export_and_import(overview):
    coderdojo = Initiative.objects.get(uid="coderdojo-belgium")
    coderdojo.title["en"] = "Line_x000D_break and a_x005F_b"
    coderdojo.save()
    export_overview(overview)
    before = factory.database_state()

    report = import_overview(overview)

    assert b"Line_x005F_x000D_break and a_x005F_x005F_b" in factory.part(overview, SHEET_PART)
    assert (report.errors, report.unchanged) == ([], 2)
    assert factory.database_state() == before


def test_a_date_showing_the_stored_period_keeps_the_period(overview):
    """2013 shows as 2013-01-01, 2022-03 as 2022-03-01 once a spreadsheet made them dates: still the same periods."""
    factory.reorder_columns(overview, ["starts", "ends", "id"])  # the period read before the identifier
    dates = {
        (2, "starts"): datetime.datetime(2013, 1, 1),
        (3, "starts"): datetime.datetime(2022, 3, 1),
        (3, "ends"): datetime.datetime(2022, 3, 8),
    }
    factory.edit(overview, dates)
    before = factory.database_state()

    report = import_overview(overview)

    assert (report.errors, report.unchanged) == ([], 2)
    assert factory.database_state() == before


def test_a_date_with_a_real_day_and_a_year_typed_as_a_number_are_taken(overview):
    factory.edit(overview, {(2, "starts"): datetime.datetime(2021, 11, 15), (3, "starts"): 2022, (3, "ends"): 2023.0})

    report = import_overview(overview)

    assert (report.errors, report.updated) == ([], 2)
    periods = {uid: (starts, ends) for uid, starts, ends in Initiative.objects.values_list("uid", "starts", "ends")}
    assert periods == {"coderdojo-belgium": ("2021-11-15", ""), "women-in-tech-day": ("2022", "2023")}


def test_codes_typed_as_numbers_are_taken_as_their_digits(overview):
    factory.edit(overview, {(2, "objectives"): 1.2, (3, "objectives"): 3})

    report = import_overview(overview)

    assert (report.errors, report.updated) == ([], 2)
    objectives = {
        initiative.uid: sorted(initiative.objectives.values_list("code", flat=True))
        for initiative in Initiative.objects.all()
    }
    assert objectives == {"coderdojo-belgium": ["1.2"], "women-in-tech-day": ["3"]}
