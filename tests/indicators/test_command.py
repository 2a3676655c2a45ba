"""`widmonitor indicators fetch|list` and the setup step that calls it."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from widmonitor.indicators.fetch import http
from widmonitor.indicators.models import Observation
from widmonitor.problems import Problem, Problems


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("indicators", *args, stdout=out, verbosity=0)
    return out.getvalue()


def test_fetch_offline_loads_the_bundled_data_and_prints_a_summary(db):
    output = run("fetch", "--offline", "wid_sse_icts")

    assert output == (  # the bundled Eurostat file and the page that publishes Belgium's 2016 shares by sex
        "Loaded 2 source(s): 290 observations created, 0 revised (old values kept), 0 unchanged.\n"
    )
    assert Observation.objects.from_eurostat().count() == 288
    assert Observation.objects.published().count() == 2


def test_fetch_offline_twice_reports_everything_unchanged(db):
    run("fetch", "--offline")
    output = run("fetch", "--offline")

    assert " 0 observations created, 0 revised (old values kept), " in output
    assert "No data yet: wid_ui_iu, wid_ui_nui," in output


def test_an_unknown_indicator_is_one_sentence_and_exit_1(db):
    with pytest.raises(CommandError) as raised:
        run("fetch", "--offline", "wid_nope")

    assert raised.value.returncode == 1  # what `widmonitor indicators` exits with
    assert str(raised.value) == (
        "Stopped: fix the problem below and run again (sources loaded before it are kept).\n"
        "1 problem(s), nothing written:\n"
        "  unknown indicator wid_nope (expected codes of config/indicators.yaml; "
        "`widmonitor indicators list` shows them)"
    )
    assert not Observation.objects.exists()


def test_fetch_online_without_network_says_what_to_do(db, monkeypatch):
    def offline(url, **options):
        raise Problems([Problem("no_answer", "no answer from %(url)s", {"url": url})])

    monkeypatch.setattr(http, "get", offline)

    with pytest.raises(CommandError, match="Stopped: fix the problem below and run again"):
        run("fetch", "wid_sse_icts")


def test_list_shows_each_indicator_with_its_data_and_counts(db):
    run("fetch", "--offline", "wid_sse_icts")

    lines = run("list").splitlines()

    assert any(line.split()[:3] == ["wid_sse_icts", "partial", "isoc_sks_itsps"] and "288 from Eurostat" in line for line in lines)
    assert any(line.startswith("wid_ui_iu ") and "0 from Eurostat" in line for line in lines)


def test_setup_loads_the_indicator_data_offline(db):
    call_command("setup", verbosity=0)

    assert Observation.objects.filter(indicator="wid_sse_icts", geo="BE", period="2021", flags="b").exists()
