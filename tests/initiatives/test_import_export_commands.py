"""`widmonitor export` and `widmonitor import`: thin commands, a summary on success, exit 1 on problems."""

import io

import pytest
from django.core.management import CommandError, call_command

from widmonitor.cli import main
from widmonitor.initiatives.models import Initiative

from . import xlsx_factory as factory


@pytest.fixture
def overview(strategy, tmp_path):
    factory.sample_initiatives()
    path = tmp_path / "overview.xlsx"
    call_command("export_xlsx", overview=str(path), stdout=io.StringIO())
    return path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, verbosity=0)
    return out.getvalue(), err.getvalue()


def test_export_writes_both_workbooks(strategy, tmp_path):
    out, _err = run("export_xlsx", "--overview", str(tmp_path / "o.xlsx"), "--analysis", str(tmp_path / "a.xlsx"))

    assert out == f"Wrote the overview to {tmp_path / 'o.xlsx'}.\nWrote the analysis to {tmp_path / 'a.xlsx'}.\n"
    assert set(factory.sheet_values(tmp_path / "o.xlsx")) == {"Initiatives", "Codes"}
    assert set(factory.sheet_values(tmp_path / "a.xlsx")) == {"Analysis", "By objective"}


def test_export_needs_a_file_to_write(db):
    with pytest.raises(CommandError, match=r"^Nothing to export: give --overview FILE.xlsx, --analysis FILE.xlsx or both.$"):
        run("export_xlsx")


def test_export_refuses_an_unknown_document(db, tmp_path):
    with pytest.raises(CommandError, match="no published list of document 'wid-report-1999'"):
        run("export_xlsx", "--analysis", str(tmp_path / "a.xlsx"), "--document", "wid-report-1999")


def test_import_prints_a_summary(overview):
    factory.edit(overview, {(2, "sector"): "mixed"})
    factory.append_row(overview, {"id": "she-codes", "title_en": "She Codes", "original_language": "en"})

    out, _err = run("import_xlsx", str(overview))

    assert out == "1 created, 1 updated, 1 unchanged.\n"
    assert Initiative.objects.get(uid="coderdojo-belgium").sector == "mixed"


def test_import_dry_run_says_nothing_was_written(overview):
    factory.edit(overview, {(2, "sector"): "mixed"})

    out, _err = run("import_xlsx", str(overview), "--dry-run")

    assert out == "0 created, 1 updated, 1 unchanged.\ndry run: nothing written\n"
    assert Initiative.objects.get(uid="coderdojo-belgium").sector == "private"


def test_import_records_the_user_given(overview, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    factory.edit(overview, {(2, "sector"): "mixed"})

    run("import_xlsx", str(overview), "--user", "editor")

    assert Initiative.objects.get(uid="coderdojo-belgium").history.latest().history_user == editor


def test_import_refuses_an_unknown_user(overview):
    with pytest.raises(CommandError, match="There is no user 'nobody'"):
        run("import_xlsx", str(overview), "--user", "nobody")


def test_import_lists_every_problem_and_fails(overview):
    factory.edit(overview, {(2, "sector"): "charity", (3, "starts"): "soon"})
    err = io.StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("import_xlsx", str(overview), stdout=io.StringIO(), stderr=err, verbosity=0)

    assert str(raised.value) == "Nothing was imported: fix the 2 problems listed above and import again."
    assert err.getvalue().splitlines() == [
        'Initiatives, row 2, column J (sector): "charity" is not a valid sector (expected one of public, private, mixed, unknown)',
        'Initiatives, row 3, column Q (starts): "soon" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022 or 2022-09)',
    ]
    assert Initiative.objects.get(uid="coderdojo-belgium").sector == "private"


def test_the_widmonitor_command_exits_with_status_1_on_problems(overview, capsys):
    overview.write_bytes(b"not a workbook")

    with pytest.raises(SystemExit) as exited:
        main(["import", str(overview)])

    assert exited.value.code == 1
    assert capsys.readouterr().err.splitlines() == [
        "overview.xlsx: not an Excel workbook (expected an .xlsx file saved by Excel or LibreOffice)",
        "CommandError: Nothing was imported: fix the 1 problem listed above and import again.",
    ]


def failed_import(path):
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"^Nothing was imported: fix the 1 problem listed above and import again.$"):
        call_command("import_xlsx", str(path), stdout=io.StringIO(), stderr=err, verbosity=0)
    return err.getvalue().strip()


def test_import_of_a_folder_says_it_is_a_folder(db, tmp_path):
    assert failed_import(tmp_path) == f"{tmp_path.name}: a folder, not a file (expected an .xlsx workbook)"


def test_import_of_a_missing_file_says_there_is_none(db, tmp_path):
    assert failed_import(tmp_path / "gone.xlsx") == "gone.xlsx: there is no such file"


def test_import_of_an_unreadable_file_says_so_without_a_traceback(overview, monkeypatch):
    from widmonitor.initiatives import xlsx_files

    def refuse(path):  # as the operating system does for a file of another user (root reads everything)
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(xlsx_files, "file_kind", refuse)
    assert failed_import(overview) == "overview.xlsx: not allowed to read the file (check its permissions)"
