"""The overview survives the spreadsheet programs people use: re-saved, it imports with nothing changed.

These tests run real LibreOffice (``soffice``) and Gnumeric (``ssconvert``) headless. They are
marked ``spreadsheet_programs`` and left out of the default run, so that the README's test
command needs neither program; ``.ci/run`` installs both and runs them with
``pytest -m spreadsheet_programs``.
"""

import shutil
import subprocess

import pytest

from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.initiatives.xlsx_import import import_overview

pytestmark = pytest.mark.spreadsheet_programs


def soffice(tmp_path, source, target_type, infilter=None):
    """Convert ``source`` with LibreOffice into ``target_type`` (xlsx, ods); returns the new file."""
    out = tmp_path / f"libreoffice-{target_type}-{source.suffix[1:]}"
    out.mkdir()
    command = [shutil.which("soffice") or "soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target_type, "--outdir", str(out), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return out / f"{source.stem}.{target_type}"


def ssconvert(tmp_path, source):
    target = tmp_path / "gnumeric" / source.name
    target.parent.mkdir()
    subprocess.run([shutil.which("ssconvert") or "ssconvert", str(source), str(target)], check=True, capture_output=True, timeout=120)
    return target


@pytest.fixture
def exported(registry, tmp_path):
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    return path


def assert_imports_unchanged(path, count):
    report = import_overview(path)
    assert ([str(e) for e in report.errors], report.created, report.updated, report.unchanged) == ([], 0, 0, count)


def test_libreoffice_re_saves_the_export_and_nothing_changes(exported, tmp_path, registry):
    assert_imports_unchanged(soffice(tmp_path, exported, "xlsx"), registry.initiatives_created)


def test_a_round_trip_through_opendocument_changes_nothing(exported, tmp_path, registry):
    ods = soffice(tmp_path, exported, "ods")
    assert_imports_unchanged(soffice(tmp_path, ods, "xlsx"), registry.initiatives_created)


def test_gnumeric_re_saves_the_export_and_nothing_changes(exported, tmp_path, registry):
    assert_imports_unchanged(ssconvert(tmp_path, exported), registry.initiatives_created)
