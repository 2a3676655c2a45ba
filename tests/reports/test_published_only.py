"""Only published records reach a report: a record rejected after an edition listed it is gone from the next one."""

import io

from openpyxl import load_workbook

from widmonitor.initiatives.models import Initiative
from widmonitor.reports import editions
from widmonitor.reports.build import build_report, running_in
from widmonitor.reports.render import render_html


def annex_1_uids(report):
    rows = load_workbook(io.BytesIO(editions.overview_bytes(report)), read_only=True)["Initiatives"].iter_rows(values_only=True)
    header = next(rows)
    return {row[header.index("id")] for row in rows}


def listed_in_2022_and_running_in_2023():
    listed = {uid for objective in build_report(2022).objectives for uid in objective.listed}
    return running_in(2023).filter(uid__in=listed).order_by("uid").first()


def test_an_initiative_rejected_after_the_previous_edition_is_nowhere_in_the_next_draft_or_its_annex_1(data, django_user_model):
    editions.publish(2022, None)
    rejected = listed_in_2022_and_running_in_2023()
    title = rejected.title[rejected.original_language]
    Initiative.objects.filter(pk=rejected.pk).reject(django_user_model.objects.create_user("moderator"), "Not an initiative")
    report = build_report(2023)
    assert rejected.uid not in report.initiatives
    assert rejected.uid not in {uid for objective in report.objectives for uid in objective.listed}
    assert rejected.uid not in report.changes.ended + report.changes.new
    assert rejected.uid not in annex_1_uids(report)
    for language in ("nl", "fr", "en"):
        assert title not in render_html(report, language)


def test_the_next_draft_counts_the_previous_edition_s_initiatives_no_longer_published_without_naming_them(data, django_user_model):
    editions.publish(2022, None)
    rejected = listed_in_2022_and_running_in_2023()
    Initiative.objects.filter(pk=rejected.pk).reject(django_user_model.objects.create_user("moderator"), "Not an initiative")
    report = build_report(2023)
    assert report.changes.withdrawn == 1
    html = render_html(report, "en")
    assert "1 initiative of the 2022 edition is no longer published; it is not named here." in html


def test_a_published_edition_s_annex_1_computed_again_holds_no_record_rejected_since(data, django_user_model):
    editions.publish(2022, None)
    frozen = editions.published_report(2022)
    rejected = Initiative.objects.get(uid=sorted(frozen.initiatives)[0])
    Initiative.objects.filter(pk=rejected.pk).reject(django_user_model.objects.create_user("moderator"), "Not an initiative")
    assert rejected.uid not in annex_1_uids(frozen)
