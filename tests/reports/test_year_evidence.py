"""The report of a year counts an initiative only on evidence that it ran in that year; the others are listed apart."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from widmonitor.initiatives.models import Initiative, PublishedListEntry
from widmonitor.initiatives.writes import save_initiative
from widmonitor.reports import editions
from widmonitor.reports.build import build_report
from widmonitor.reports.editions import overview_bytes
from widmonitor.reports.render import render_html
from widmonitor.strategy.models import Objective

CIONET_EVENTS = {"cionet-it-entrepreneurs-vs-it-managers": "IT Entrepreneurs vs IT Managers", "cionet-oktober-cyber-fest": "OKTOBER CYBER FEST"}


@pytest.fixture
def report(data):
    return build_report(2022)


def annex_1_uids(report):
    rows = load_workbook(io.BytesIO(overview_bytes(report)), read_only=True)["Initiatives"].iter_rows(values_only=True)
    header = next(rows)
    return {row[header.index("id")] for row in rows}


def listed_anywhere(report):
    return {uid for objective in report.objectives for uid in objective.listed}


def test_the_2022_report_counts_neither_cionet_event_a_2024_document_announces(data, tmp_path):
    call_command("report", year=2022, lang="en", format="html", out=str(tmp_path))
    html = (tmp_path / "widmonitor-report-2022-en.html").read_text(encoding="utf-8")
    running_part, apart = html.split('id="period-unknown"')
    for uid, title in CIONET_EVENTS.items():
        assert Initiative.objects.get(uid=uid).starts == ""  # the document gives no date for either
        assert title not in running_part and title in apart
    report = build_report(2022)
    assert not set(CIONET_EVENTS) & (listed_anywhere(report) | set(report.initiatives) | annex_1_uids(report))


def test_every_initiative_listed_in_the_2022_edition_still_counts_under_its_list_s_objective(report):
    entries = PublishedListEntry.objects.filter(published_list__document="wid-report-2022")
    assert entries.count() > 100
    for initiative_uid, objective_code in entries.values_list("initiative__uid", "published_list__objective__code"):
        assert initiative_uid in report.objective(objective_code).listed, (initiative_uid, objective_code)
    assert set(entries.values_list("initiative__uid", flat=True)) <= annex_1_uids(report)


def test_an_open_ended_initiative_started_in_2020_counts_in_2022(data):
    started = Initiative(uid="open-since-2020", title={"en": "Open since 2020"}, original_language="en", moderation="published", starts="2020")
    save_initiative(started, {"objectives": [Objective.objects.current().get(code="1.2")]})
    report = build_report(2022)
    assert "open-since-2020" in report.objective("1.2").listed
    assert "open-since-2020" not in {entry.uid for entry in report.period_unknown}


def test_initiatives_whose_period_is_not_known_are_listed_apart_with_their_count(report):
    listed = set(PublishedListEntry.objects.filter(published_list__document="wid-report-2022").values_list("initiative__uid", flat=True))
    undated = Initiative.objects.filter(moderation="published", starts="", ends="").exclude(uid__in=listed)
    expected = set(undated.values_list("uid", flat=True))  # no other published record has a period that leaves 2022 open
    assert len(expected) == 25 and set(CIONET_EVENTS) <= expected
    assert {entry.uid for entry in report.period_unknown} == expected
    assert not expected & (listed_anywhere(report) | set(report.initiatives))
    html = render_html(report, "en")
    assert (
        "Nothing in the registry shows whether these 25 published initiatives ran in 2022: their dates do not settle it, "
        "they are not listed in an edition of 2022, and their organisations reported no reach for 2022. They are listed "
        "here with their sources and are counted nowhere in this report."
    ) in html
    assert "Source: Women in Digital – Rapport 2022 (FOD Economie), section 5" in html  # two are named in its introduction
    assert (
        "Source: CIONET, Digital Belgium: A Dance of Regions and Leaders, 2024, section seed 004 (CIONET, regional digital "
        "agencies), closing paragraphs"
    ) in html


@pytest.mark.parametrize(
    ("language", "heading", "sentence"),
    [
        ("nl", "Periode niet bekend", "Niets in het register toont of deze 25 gepubliceerde initiatieven in 2022 liepen"),
        ("fr", "Période inconnue", "Rien dans le registre ne montre si ces 25 initiatives publiées étaient en cours en 2022"),
    ],
)
def test_the_part_apart_reads_in_the_reader_s_language(report, language, heading, sentence):
    html = render_html(report, language)
    assert f'<h3 id="period-unknown-heading">{heading}</h3>' in html and sentence in html


def test_an_initiative_of_the_previous_edition_whose_period_is_not_known_is_not_said_to_have_ended(data):
    editions.publish(2022, None)
    report = build_report(2023)
    listed_2022 = set(PublishedListEntry.objects.filter(published_list__document="wid-report-2022").values_list("initiative__uid", flat=True))
    undated = set(Initiative.objects.filter(uid__in=listed_2022, starts="", ends="").values_list("uid", flat=True))
    assert len(undated) > 100 and undated <= {entry.uid for entry in report.period_unknown}
    assert report.changes.ended == ["womenpreneur-conference"]  # 2022-10: the only one whose period ended in 2022
