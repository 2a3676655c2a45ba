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

    objective = Objective.objects.get(strategy__code="belgium-wid-2021", code="2.2")
    call_command("analysis", language="fr")
    out = capsys.readouterr().out
    assert f"(2.2 {objective.title['fr']})" in out
    assert "    note: Tels que publiés, le total annoncé (8) et la ventilation (4 + 3 + 2 = 9) ne concordent pas" in out
    call_command("export_xlsx", analysis=str(tmp_path / "a.xlsx"), language="nl")
    titles = [row[3] for row in load_workbook(tmp_path / "a.xlsx")["Analyse"].iter_rows(min_row=3, values_only=True)]
    assert objective.title["nl"] in titles


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A set-up platform home for command-line runs (migrated and loaded once for the module)."""
    home = tmp_path_factory.mktemp("home")
    subprocess.run(widmonitor("setup", "-v", "0"), env=environment(home), check=True, capture_output=True)
    return home


def environment(home):
    return {"WIDMONITOR_HOME": str(home), "PATH": "/usr/bin:/bin"}


def widmonitor(*args):
    return [sys.executable, "-m", "widmonitor.cli", *args]


def run(home, *args):
    return subprocess.run(widmonitor(*args), env=environment(home), capture_output=True, text=True)


def test_the_database_and_the_secret_key_are_readable_by_their_owner_only(home):
    for name in ("widmonitor.sqlite3", "secret.key"):
        assert (home / name).stat().st_mode & 0o777 == 0o600, name
    assert home.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (("import",), "widmonitor import: error: the following arguments are required: FILE.xlsx"),
        (("export", "--format", "pdf"), "widmonitor export: error: unrecognized arguments: --format pdf"),
        (("load-initiatives", "--nope"), "widmonitor load-initiatives: error: unrecognized arguments: --nope"),
    ],
)
def test_a_usage_error_names_the_command_as_typed(home, args, usage):
    result = run(home, *args)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1] == usage


def test_a_failed_export_says_so_in_one_sentence_and_nothing_else(home, tmp_path):
    result = run(home, "export", "--overview", str(tmp_path / "missing-folder" / "o.xlsx"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"CommandError: Could not write the file: No such file or directory ({tmp_path / 'missing-folder' / 'o.xlsx'})."
    )


def test_the_language_of_an_overview_alone_is_refused_rather_than_ignored(home, tmp_path):
    result = run(home, "export", "--overview", str(tmp_path / "o.xlsx"), "--language", "fr")
    assert result.returncode == 1 and "--language sets the language of the analysis workbook" in result.stderr
    assert not (tmp_path / "o.xlsx").exists()


@pytest.mark.parametrize(
    ("addrport", "url"),
    [
        (None, "http://127.0.0.1:8000/"),
        ("8080", "http://127.0.0.1:8080/"),
        ("127.0.0.2:9000", "http://127.0.0.2:9000/"),
        ("[::1]:8001", "http://[::1]:8001/"),
        ("0.0.0.0:8000", "http://<this machine's address>:8000/"),
    ],
)
def test_demo_names_the_address_it_really_serves(addrport, url):
    from widmonitor.management.commands.demo import served_url

    assert served_url(addrport) == url


def test_demo_prints_the_back_office_address_for_the_port_given(home):
    result = run(home, "demo", "8123", "--no-serve", "-v", "0")
    assert result.returncode == 0, result.stderr
    assert "Back office: http://127.0.0.1:8123/admin/  user admin, password " in result.stdout
