"""The annual report's reach chapter shows the before-and-after change of published initiatives that agreed to it."""

import pytest

from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html
from widmonitor.reports.report import Report
from widmonitor.selfcheck.change import MIN_PAIRS
from widmonitor.selfcheck.framework import framework
from widmonitor.selfcheck.models import InitiativeCheck, Participation

from ..reports.test_counts import running_2022

CODES = [c.code for c in framework().competences]


@pytest.fixture
def data(db, setup_data):
    return None


def paired(check, count, month="2022-05-01"):
    for _ in range(count):
        check.finish(check.start({c: 1 for c in CODES}), {c: 2 for c in CODES})
    Participation.objects.filter(check_of=check).update(after_month=month)


@pytest.fixture
def checks(data):
    first, second, third = running_2022().order_by("uid")[:3]
    agreed, refused, small = (InitiativeCheck.objects.create(initiative=i, public=public) for i, public in ((first, True), (second, False), (third, True)))
    paired(agreed, MIN_PAIRS)
    paired(refused, MIN_PAIRS)
    paired(small, MIN_PAIRS - 1)
    return agreed, refused, small


def test_only_the_agreed_changes_of_ten_pairs_ended_in_the_year_are_in_the_report(checks):
    agreed, _refused, _small = checks
    report = build_report(2022)
    assert [(item.uid, item.pairs) for item in report.self_checks] == [(agreed.initiative.uid, MIN_PAIRS)]
    assert [(a.code, a.before, a.after) for a in report.self_checks[0].areas] == [(str(n), 1.0, 2.0) for n in range(1, 6)]
    assert build_report(2023).self_checks == []


def test_the_report_keeps_the_change_in_its_snapshot_and_renders_it(checks):
    report = Report.from_json(build_report(2022).to_json())
    html = render_html(report, "nl")
    assert "Digitale vaardigheden voor en na" in html and "+1,00" in html


def test_a_snapshot_from_before_the_self_check_still_reads(data):
    content = build_report(2022).to_json()
    del content["self_checks"]
    assert Report.from_json(content).self_checks == []
