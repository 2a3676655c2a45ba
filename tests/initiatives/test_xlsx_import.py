"""Importing the overview workbook: every malformed file is refused whole, with precise messages."""

import datetime

import pytest
from django.forms.models import model_to_dict
from openpyxl import Workbook

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.initiatives.xlsx_import import import_overview
from widmonitor.problems import Problem

from . import xlsx_factory as factory

HEADERS = (
    "id, title_nl, title_fr, title_en, summary_nl, summary_fr, summary_en, original_language, organisations, "
    "sector, objectives, audiences, regions, languages, formats, cost, starts, ends, status, url, moderation, "
    "source_document, source_section, provenance_note, digcomp, version"
)
OBJECTIVE_CODES = "1, 1.1, 1.2, 1.3, 1.4, 2, 2.1, 2.2, 2.3, 3, 3.1, 3.2, 3.3, 3.4, 4, 4.1, 4.2, 4.3, 5, 5.1, 5.2, 5.3"
AUDIENCE_CODES = (
    "age-lt6, age-6-12, age-12-18, age-17-18, age-18-plus, children, young-people, girls, women, job-seekers, "
    "employees, entrepreneurs, managers, teachers, parents, students, schools, companies, hr-recruiters, "
    "public-bodies, non-profits, organisations, journalists-media, experts, vulnerable-groups, "
    "women-foreign-origin, people-with-disability, everyone"
)
NOT_XLSX = "overview.xlsx: not an Excel workbook (expected an .xlsx file saved by Excel or LibreOffice)"


@pytest.fixture
def overview(strategy, tmp_path):
    """A valid export of two initiatives: coderdojo-belgium in row 2, women-in-tech-day in row 3."""
    factory.sample_initiatives()
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    return path


def database_state():
    """Everything an import could change: the records, their links and their history."""
    records = []
    for initiative in Initiative.objects.order_by("uid"):
        fields = model_to_dict(initiative)
        fields["updated_at"] = initiative.updated_at
        records.append(fields)
    return records, Initiative.history.count()


def write_bytes(data):
    def mutate(path):
        path.write_bytes(data)

    return mutate


def edit(changes):
    return lambda path: factory.edit(path, changes)


def rename(old, new):
    return lambda path: factory.rename_header(path, old, new)


def many(*mutations):
    def mutate(path):
        for mutation in mutations:
            mutation(path)

    return mutate


def long_text(length):
    return ("x" * 9 + " ") * (length // 10) + "x" * (length % 10)


def other_sheet_only(path):
    workbook = Workbook()
    workbook.active.title = "Sheet1"
    workbook.save(path)


MALFORMED = [
    pytest.param(
        rename("sector", "sectr"),
        [f'Initiatives, row 1, column J (sectr): unknown column "sectr" (expected one of {HEADERS})'],
        id="unknown header",
    ),
    pytest.param(
        lambda path: factory.delete_column(path, "title_fr"),
        ['Initiatives, row 1: missing column "title_fr" (a header cell reading title_fr; exported files have it in column C)'],
        id="missing header",
    ),
    pytest.param(
        rename("cost", "sector"),
        ['Initiatives, row 1, column P (sector): column "sector" appears twice (also in column J)'],
        id="duplicate header",
    ),
    pytest.param(
        edit({(2, "objectives"): "1; 9.9"}),
        [f'Initiatives, row 2, column K (objectives): unknown sub-objective code "9.9" (expected one of {OBJECTIVE_CODES})'],
        id="unknown sub-objective",
    ),
    pytest.param(
        edit({(3, "objectives"): "7"}),
        [f'Initiatives, row 3, column K (objectives): unknown objective code "7" (expected one of {OBJECTIVE_CODES})'],
        id="unknown objective",
    ),
    pytest.param(
        edit({(2, "audiences"): "girls; aliens"}),
        [f'Initiatives, row 2, column L (audiences): unknown target audience code "aliens" (expected one of {AUDIENCE_CODES})'],
        id="unknown audience",
    ),
    pytest.param(
        edit({(3, "regions"): "mars"}),
        [
            'Initiatives, row 3, column M (regions): unknown region code "mars" '
            "(expected one of brussels, flanders, wallonia, german-speaking, federal, eu, online)"
        ],
        id="unknown region",
    ),
    pytest.param(
        edit({(3, "languages"): "klingon"}),
        ['Initiatives, row 3, column N (languages): unknown language code "klingon" (expected one of nl, fr, en, de)'],
        id="unknown language",
    ),
    pytest.param(
        edit({(2, "organisations"): "becode; ella vzw"}),
        [
            'Initiatives, row 2, column I (organisations): unknown organisation "ella vzw" '
            "(expected the identifier of an organisation of the registry, as listed on the Codes sheet)"
        ],
        id="unknown organisation",
    ),
    pytest.param(
        edit({(2, "title_nl"): None}),
        ["Initiatives, row 2, column B (title_nl): the title in the original language (nl) is required"],
        id="empty title in the original language",
    ),
    pytest.param(
        edit({(3, "id"): "coderdojo-belgium"}),
        ['Initiatives, row 3, column A (id): identifier "coderdojo-belgium" is also used in row 2'],
        id="duplicate identifier",
    ),
    pytest.param(
        edit({(3, "id"): "Women in tech!"}),
        [
            'Initiatives, row 3, column A (id): "Women in tech!" is not an identifier '
            "(expected letters, digits, - and _, e.g. coderdojo-belgium)"
        ],
        id="malformed identifier",
    ),
    pytest.param(
        edit({(2, "starts"): "2022-13-01"}),
        [
            'Initiatives, row 2, column Q (starts): "2022-13-01" is not a date '
            "(expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022 or 2022-09)"
        ],
        id="month 13",
    ),
    pytest.param(
        edit({(3, "ends"): "next year"}),
        [
            'Initiatives, row 3, column R (ends): "next year" is not a date '
            "(expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022 or 2022-09)"
        ],
        id="words for a date",
    ),
    pytest.param(
        edit({(3, "starts"): "2022-04"}),
        ["Initiatives, row 3, column R (ends): the end (2022-03-08) comes before the start (2022-04)"],
        id="ends before starts",
    ),
    pytest.param(
        edit({(2, "title_en"): "=1+1"}),
        ["Initiatives, row 2, column D (title_en): the cell holds a formula (=1+1); type the value itself"],
        id="formula",
    ),
    pytest.param(
        edit({(3, "cost"): "#N/A"}),
        ["Initiatives, row 3, column P (cost): the cell holds an error value (#N/A); type the value itself"],
        id="error value",
    ),
    pytest.param(
        edit({(2, "title_nl"): long_text(301)}),
        ["Initiatives, row 2, column B (title_nl): 301 characters, more than the 300 allowed"],
        id="over-long title",
    ),
    pytest.param(
        edit({(2, "summary_fr"): long_text(4001)}),
        ["Initiatives, row 2, column F (summary_fr): 4001 characters, more than the 4000 allowed"],
        id="over-long summary",
    ),
    pytest.param(
        edit({(2, "sector"): "charity"}),
        [
            'Initiatives, row 2, column J (sector): "charity" is not a valid sector '
            "(expected one of public, private, mixed, unknown)"
        ],
        id="bad sector",
    ),
    pytest.param(
        edit({(3, "cost"): "cheap"}),
        ['Initiatives, row 3, column P (cost): "cheap" is not a valid cost (expected one of free, paid, unknown)'],
        id="bad cost",
    ),
    pytest.param(
        edit({(3, "original_language"): "es"}),
        [
            'Initiatives, row 3, column H (original_language): "es" is not a valid original_language '
            "(expected one of nl, fr, en)"
        ],
        id="bad original language",
    ),
    pytest.param(
        edit({(3, "original_language"): None}),
        ["Initiatives, row 3, column H (original_language): a value is required (expected one of nl, fr, en)"],
        id="blank original language",
    ),
    pytest.param(
        edit({(2, "url"): "coderdojo dot be"}),
        ['Initiatives, row 2, column T (url): "coderdojo dot be" is not a web address (expected e.g. https://example.org/)'],
        id="bad url",
    ),
    pytest.param(
        edit({(3, "status"): "finished"}),
        [
            'Initiatives, row 3, column S (status): "finished" is not a valid status '
            "(expected one of planned, ongoing, completed, unknown)"
        ],
        id="bad status",
    ),
    pytest.param(
        edit({(3, "moderation"): "approved"}),
        [
            'Initiatives, row 3, column U (moderation): "approved" is not a valid moderation '
            "(expected one of draft, submitted, published, rejected)"
        ],
        id="bad moderation state",
    ),
    pytest.param(
        write_bytes(b"id,title_nl\ncoderdojo,CoderDojo\n"),
        [
            "overview.xlsx: not an Excel workbook but a text file (CSV or similar): open it in Excel or LibreOffice "
            "and save it as an Excel workbook (.xlsx), then import that file"
        ],
        id="csv named .xlsx",
    ),
    pytest.param(write_bytes(b"PK\x03\x04 not really a zip"), [NOT_XLSX], id="broken zip"),
    pytest.param(
        write_bytes(b""),
        ["overview.xlsx: the file is empty (0 bytes; expected an .xlsx workbook)"],
        id="empty file",
    ),
    pytest.param(
        other_sheet_only,
        ['overview.xlsx: no sheet named "Initiatives" (the workbook has: Sheet1)'],
        id="missing sheet",
    ),
    pytest.param(
        lambda path: factory.rename_sheet(path, "Initiatieven"),
        ['overview.xlsx: no sheet named "Initiatives" (the workbook has: Initiatieven, Codes)'],
        id="renamed sheet",
    ),
    pytest.param(
        lambda path: factory.huge_workbook(path, 50_001),
        ["Initiatives: more than the 50000 data rows an import accepts (split the file and import each part)"],
        id="huge sheet written without dimensions",
    ),
    pytest.param(
        edit({(50_002, "id"): "far-below"}),
        ["Initiatives: more than the 50000 data rows an import accepts (split the file and import each part)"],
        id="huge sheet with dimensions",
    ),
    pytest.param(
        many(
            rename("provenance_note", "notes"),
            rename("source_section", "source_document"),
            lambda path: factory.delete_column(path, "id"),
        ),
        [
            'Initiatives, row 1, column V (source_document): column "source_document" appears twice (also in column U)',
            f'Initiatives, row 1, column W (notes): unknown column "notes" (expected one of {HEADERS})',
            'Initiatives, row 1: missing column "id" (a header cell reading id; exported files have it in column A)',
        ],
        id="several header problems",
    ),
    pytest.param(
        edit(
            {
                (2, "sector"): "charity",
                (2, "objectives"): "9.9",
                (2, "ends"): "2010",
                (3, "id"): "coderdojo-belgium",
                (3, "title_fr"): "",
            }
        ),
        [
            'Initiatives, row 2, column J (sector): "charity" is not a valid sector '
            "(expected one of public, private, mixed, unknown)",
            f'Initiatives, row 2, column K (objectives): unknown sub-objective code "9.9" (expected one of {OBJECTIVE_CODES})',
            "Initiatives, row 2, column R (ends): the end (2010) comes before the start (2013)",
            'Initiatives, row 3, column A (id): identifier "coderdojo-belgium" is also used in row 2',
            "Initiatives, row 3, column C (title_fr): the title in the original language (fr) is required",
        ],
        id="several errors in one file",
    ),
    pytest.param(
        edit({(2, "title_en"): "CoderDojo Belgium (renamed)", (3, "sector"): "charity"}),
        [
            'Initiatives, row 3, column J (sector): "charity" is not a valid sector '
            "(expected one of public, private, mixed, unknown)"
        ],
        id="a valid change beside an invalid row",
    ),
    pytest.param(
        lambda path: factory.append_row(path, {"title_en": "A new initiative", "original_language": "nl"}),
        ["Initiatives, row 4, column B (title_nl): the title in the original language (nl) is required"],
        id="new row without its title",
    ),
]


@pytest.mark.parametrize("mutate, expected", MALFORMED)
def test_it_refuses_a_malformed_workbook_whole(overview, mutate, expected):
    before = database_state()
    mutate(overview)

    report = import_overview(overview)

    assert [str(error) for error in report.errors] == expected
    assert (report.created, report.updated, report.unchanged) == (0, 0, 0)
    assert database_state() == before


def test_it_reports_errors_as_typed_data(overview):
    factory.edit(overview, {(2, "objectives"): "1; 9.9"})

    [error] = import_overview(overview).errors

    assert isinstance(error, Problem)
    assert (error.code, error.file, error.sheet, error.row, error.column, error.header, error.value) == (
        "unknown_code",
        "overview.xlsx",
        "Initiatives",
        2,
        "K",
        "objectives",
        "9.9",
    )


def test_it_gives_each_problem_a_stable_code(overview):
    factory.edit(overview, {(2, "starts"): "soon", (2, "url"): "nope", (3, "title_en"): "=A1", (3, "sector"): "x"})

    codes = [error.code for error in import_overview(overview).errors]

    assert codes == ["bad_date", "bad_url", "formula", "bad_choice"]


def test_it_reports_a_missing_file(db, tmp_path):
    [error] = import_overview(tmp_path / "nowhere.xlsx").errors

    assert (error.code, str(error)) == ("missing_file", "nowhere.xlsx: there is no such file")


def test_it_leaves_an_unchanged_export_unchanged(overview):
    before = database_state()

    report = import_overview(overview)

    assert (report.created, report.updated, report.unchanged, report.errors) == (0, 0, 2, [])
    assert database_state() == before


def test_it_updates_changed_fields_and_links_and_records_who(overview, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    tech_day_records = Initiative.history.filter(uid="women-in-tech-day").count()
    factory.edit(
        overview,
        {(2, "title_en"): "CoderDojo Belgium vzw", (2, "audiences"): "girls; women", (2, "regions"): None},
    )

    report = import_overview(overview, user=editor)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    coderdojo = Initiative.objects.get(uid="coderdojo-belgium")
    assert coderdojo.title["en"] == "CoderDojo Belgium vzw"
    assert sorted(coderdojo.audiences.values_list("code", flat=True)) == ["girls", "women"]
    assert not coderdojo.regions.exists()
    record = coderdojo.history.latest()
    assert (record.history_type, record.history_user, record.history_change_reason) == (
        "~",
        editor,
        "Imported from overview.xlsx",
    )
    assert record.prev_record.title["en"] == "CoderDojo Belgium"
    assert sorted(record.audiences.values_list("term__code", flat=True)) == ["girls", "women"]
    assert Initiative.history.filter(uid="women-in-tech-day").count() == tech_day_records


def test_it_creates_new_identifiers_and_records_who(overview, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    factory.append_row(
        overview,
        {
            "id": "she-codes",
            "title_en": "She Codes",
            "original_language": "en",
            "organisations": "becode",
            "objectives": "2; 2.1",
            "starts": 2024,
        },
    )

    report = import_overview(overview, user=editor)

    assert (report.created, report.updated, report.unchanged) == (1, 0, 2)
    created = Initiative.objects.get(uid="she-codes")
    assert (created.title["en"], created.starts, created.moderation, created.created_by) == ("She Codes", "2024", "draft", editor)
    assert list(created.organisations.values_list("slug", flat=True)) == ["becode"]
    assert sorted(created.objectives.values_list("code", flat=True)) == ["2", "2.1"]
    record = created.history.get()
    assert (record.history_type, record.history_user) == ("+", editor)
    assert sorted(record.objectives.values_list("objective__code", flat=True)) == ["2", "2.1"]


def test_it_makes_an_identifier_from_the_title_when_the_id_is_empty(overview):
    factory.append_row(overview, {"title_en": "CoderDojo Belgium", "original_language": "en"})
    factory.append_row(overview, {"title_en": "CoderDojo Belgium", "original_language": "en"})

    report = import_overview(overview)

    assert report.created == 2
    assert sorted(Initiative.objects.values_list("uid", flat=True)) == [
        "coderdojo-belgium",
        "coderdojo-belgium-2",
        "coderdojo-belgium-3",
        "women-in-tech-day",
    ]


def test_it_reads_excel_dates_and_year_numbers(overview):
    factory.edit(overview, {(2, "starts"): datetime.datetime(2021, 9, 15), (3, "ends"): 2023})

    import_overview(overview)

    assert Initiative.objects.get(uid="coderdojo-belgium").starts == "2021-09-15"
    assert Initiative.objects.get(uid="women-in-tech-day").ends == "2023"


def test_it_skips_empty_rows_and_leaves_records_absent_from_the_file_alone(overview):
    factory.edit(overview, {(2, header): None for header in HEADERS.split(", ")})

    report = import_overview(overview)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert Initiative.objects.filter(uid="coderdojo-belgium").exists()


def test_a_dry_run_reports_what_would_change_and_writes_nothing(overview):
    factory.edit(overview, {(2, "sector"): "mixed"})
    factory.append_row(overview, {"id": "she-codes", "title_en": "She Codes", "original_language": "en"})
    before = database_state()

    report = import_overview(overview, dry_run=True)

    assert (report.dry_run, report.created, report.updated, report.unchanged, report.errors) == (True, 1, 1, 1, [])
    assert database_state() == before


def test_it_keeps_text_that_looks_like_a_formula_verbatim(overview):
    coderdojo = Initiative.objects.get(uid="coderdojo-belgium")
    coderdojo.summary["en"] = '=HYPERLINK("http://evil.example", "click")'
    coderdojo.save()
    export_overview(overview)

    report = import_overview(overview)

    assert report.unchanged == 2
    assert Initiative.objects.get(uid="coderdojo-belgium").summary["en"] == '=HYPERLINK("http://evil.example", "click")'
