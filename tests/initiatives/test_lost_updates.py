"""Re-importing an older export never silently overwrites a newer edit."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.forms.models import model_to_dict
from django.utils import timezone

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.initiatives.xlsx_import import import_overview
from widmonitor.vocabularies.models import Term

from . import xlsx_factory as factory


@pytest.fixture
def export_then_edit(strategy, tmp_path, django_user_model):
    """An export of the sample records, after which a moderator changes coderdojo-belgium's regions."""
    coderdojo, _tech_day = factory.sample_initiatives()
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    coderdojo.refresh_from_db()
    moderator = django_user_model.objects.create_user("moderator")
    save_initiative(coderdojo, {"regions": Term.objects.filter(vocabulary="region", code="brussels")}, moderator, "New region")
    return path


def state():
    return [model_to_dict(i) | {"version": i.version} for i in Initiative.objects.order_by("uid")], Initiative.history.count()


def test_a_row_whose_record_changed_since_the_export_is_refused_naming_who_and_when(export_then_edit):
    factory.edit(export_then_edit, {(2, "sector"): "mixed"})
    before = state()
    coderdojo = Initiative.objects.get(uid="coderdojo-belgium")
    when = timezone.localtime(coderdojo.history.first().history_date).strftime("%Y-%m-%d %H:%M")

    report = import_overview(export_then_edit)

    assert [str(e) for e in report.errors] == [
        f'Initiatives, row 2, column Z (version): record "coderdojo-belgium" was changed by moderator on {when} after '
        f"this file was exported (file: version {coderdojo.version - 1}, registry: version {coderdojo.version}): export "
        "again, or import with --overwrite to replace that change"
    ]
    assert state() == before


def test_an_older_export_still_updates_the_records_nobody_changed_since(export_then_edit):
    factory.edit(export_then_edit, {(2, header): None for header in factory.headers(export_then_edit)})
    factory.edit(export_then_edit, {(3, "status"): "ongoing"})

    report = import_overview(export_then_edit)

    assert (report.errors, report.updated, report.unchanged) == ([], 1, 0)
    assert Initiative.objects.get(uid="women-in-tech-day").status == "ongoing"
    assert list(Initiative.objects.get(uid="coderdojo-belgium").regions.values_list("code", flat=True)) == ["brussels"]


def test_overwrite_replaces_the_newer_change_and_the_history_keeps_it(export_then_edit):
    report = import_overview(export_then_edit, overwrite=True)  # the file still says flanders

    assert (report.errors, report.updated) == ([], 1)
    coderdojo = Initiative.objects.get(uid="coderdojo-belgium")
    assert list(coderdojo.regions.values_list("code", flat=True)) == ["flanders"]
    assert [list(e.regions.values_list("term__code", flat=True)) for e in coderdojo.history.all()[:2]] == [
        ["flanders"],
        ["brussels"],
    ]


def test_a_row_without_a_version_cannot_change_an_existing_record(strategy, tmp_path):
    factory.sample_initiatives()
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    factory.edit(path, {(3, "version"): None, (3, "status"): "ongoing"})

    report = import_overview(path)

    assert len(report.errors) == 1
    assert str(report.errors[0]).startswith(
        'Initiatives, row 3, column Z (version): record "women-in-tech-day" has no version in this file'
    )


def test_each_import_moves_the_version_on_so_the_same_file_cannot_be_imported_twice_with_other_edits(strategy, tmp_path):
    factory.sample_initiatives()
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    factory.edit(path, {(2, "status"): "completed"})
    assert import_overview(path).updated == 1
    factory.edit(path, {(2, "status"): "planned"})
    assert [e.code for e in import_overview(path).errors] == ["stale_row"]


def test_the_command_line_names_a_system_account_when_no_user_is_given(export_then_edit, capsys):
    call_command("import_xlsx", str(export_then_edit), "--overwrite", verbosity=0)
    entry = Initiative.objects.get(uid="coderdojo-belgium").history.first()
    assert (entry.history_user.username, entry.history_user.is_active) == ("widmonitor-command-line", False)
    assert not entry.history_user.has_usable_password()


def test_the_command_line_refuses_a_stale_row_without_overwrite(export_then_edit, capsys):
    factory.edit(export_then_edit, {(2, "cost"): "paid"})
    with pytest.raises(CommandError, match="Nothing was imported: fix the 1 problem listed above and import again."):
        call_command("import_xlsx", str(export_then_edit), verbosity=0)
    assert "was changed by moderator on" in capsys.readouterr().err
