import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from widmonitor.cli import COMMANDS, main


def test_help_lists_every_command(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert f"  {name} " in out


def test_a_failing_command_exits_non_zero_with_one_actionable_sentence(tmp_path):
    bad = tmp_path / "registry.yaml"
    bad.write_text("document: x\nstrategy: belgium-wid-2021\ninitiatives: [{uid: a}]\n", encoding="utf-8")
    env = {"WIDMONITOR_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "widmonitor.cli", "migrate", "-v", "0"], env=env, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "widmonitor.cli", "load-initiatives", str(bad)], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "CommandError: Nothing was loaded; fix the files and run again." in result.stderr
    assert "strategy 'belgium-wid-2021' is not loaded (run `widmonitor load-strategy` first)" in result.stderr


def test_analysis_needs_published_lists(db):
    with pytest.raises(CommandError, match="There are no published lists to analyse; run `widmonitor load-initiatives` first."):
        call_command("analysis")


def test_analysis_and_export_speak_the_language_asked_for(db, bundled_registry, capsys, tmp_path):
    from openpyxl import load_workbook

    from widmonitor.strategy.models import Objective

    objective = Objective.objects.get(strategy__code="belgium-wid-2021", code="1.4")
    call_command("analysis", language="fr")
    assert f"(1.4 {objective.title['fr']})" in capsys.readouterr().out
    call_command("export_xlsx", analysis=str(tmp_path / "a.xlsx"), language="nl")
    titles = [row[3] for row in load_workbook(tmp_path / "a.xlsx")["Analysis"].iter_rows(min_row=3, values_only=True)]
    assert objective.title["nl"] in titles
