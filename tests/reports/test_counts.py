"""Every count the report prints equals the registry query for it, computed here independently."""

import re

import pytest
from django.db.models import Q

from widmonitor.initiatives.models import Initiative, PublishedListEntry
from widmonitor.reports.build import build_report
from widmonitor.reports.render import SECTORS, render_html
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Moderation


def ran_in_2022(initiative, listed):
    """The rule, record by record: a period that shows 2022, else a listing in the 2022 edition, unless the period excludes 2022."""
    first, last = initiative.starts_on, initiative.ends_on
    if (first and first.year > 2022) or (last and last.year < 2022):
        return False
    if first and (last or initiative.status != "completed" or first.year == 2022):
        return True
    if last and not first and last.year == 2022:
        return True
    return initiative.uid in listed


def running_2022():
    listed = set(PublishedListEntry.objects.filter(published_list__document="wid-report-2022").values_list("initiative__uid", flat=True))
    published = Initiative.objects.filter(moderation=Moderation.PUBLISHED)
    return published.filter(uid__in=[i.uid for i in published if ran_in_2022(i, listed)])


@pytest.fixture
def report(data):
    return build_report(2022)


def test_each_objective_lists_exactly_the_initiatives_linked_to_it_that_run_in_the_year(report):
    for objective in Objective.objects.current():
        expected = set(running_2022().filter(objectives=objective).values_list("uid", flat=True))
        assert set(report.objective(objective.code).listed) == expected, objective.code


def test_the_counts_by_sector_type_equal_the_registry_query(report):
    for objective in Objective.objects.current():
        section = report.objective(objective.code)
        for sector in SECTORS:
            expected = running_2022().filter(objectives=objective, sector=sector).count()
            assert section.counts[sector] == expected, (objective.code, sector)


def test_an_objective_counts_the_initiatives_serving_it_or_a_sub_objective_once(report):
    for objective in Objective.objects.current().top_level():
        expected = running_2022().filter(Q(objectives=objective) | Q(objectives__parent=objective)).distinct().count()
        assert report.objective(objective.code).serving_total == expected, objective.code
    assert report.objective("1").serving_total > len(report.objective("1").listed)


def test_the_printed_count_tables_show_those_counts(report):
    html = render_html(report, "en")
    for objective in Objective.objects.current().sub_objectives():
        row = re.search(rf'<tr><th scope="row">{re.escape(objective.code)}</th>(.*?)</tr>', html).group(1)
        numbers = [int(n) for n in re.findall(r'<td class="number">(\d+)</td>', row)]
        queryset = running_2022().filter(objectives=objective)
        assert numbers == [*(queryset.filter(sector=s).count() for s in SECTORS), queryset.count()], objective.code


def test_the_notice_names_the_count_the_2022_edition_stated_beside_the_computed_one(report):
    html = render_html(report, "en")
    computed = running_2022().filter(objectives__code="1.2").count()
    assert computed != 11  # the registry runs more initiatives in 2022 than the edition's sentence stated
    assert f"Section 5.1.2 of wid-report-2022 states 11 initiatives; the registry has {computed} running in 2022." in html


def test_the_report_never_prints_contact_details(report):
    Initiative.objects.filter(uid=report.objective("1.2").listed[0]).update(contact_email="private@example.org", contact_name="Private Person")
    html = render_html(build_report(2022), "en")
    assert "private@example.org" not in html and "Private Person" not in html


def test_meetings_and_participants_come_from_the_meeting_records(report):
    assert [(m.date, m.participants) for m in report.meetings] == [
        ("2019-06-26", None), ("2019-10-14", None), ("2020-01-22", None),
        ("2021-09-16", 52), ("2022-01-13", 51), ("2022-03-24", 50),
    ]  # fmt: skip
