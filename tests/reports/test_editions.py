"""A published edition is frozen: it renders the same data after the registry changes; what changed is listed."""

import json

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.reports import editions
from widmonitor.reports.build import build_report, running_in
from widmonitor.reports.render import render_html
from widmonitor.reports.report import Report
from widmonitor.strategy.models import Objective


def change_the_registry():
    """Retitle and re-type one initiative of 1.2, and add a new one serving 1.2."""
    listed = build_report(2022).objective("1.2").listed
    initiative = running_in(2023).filter(uid__in=listed).order_by("uid").first()  # listed in both editions
    initiative.title = {**initiative.title, "en": "A title given after publication"}
    initiative.sector = "private" if initiative.sector != "private" else "public"
    save_initiative(initiative, reason="test")
    added = Initiative(uid="added-after-publication", title={"en": "Added after publication"}, original_language="en", moderation="published", starts="2022")
    save_initiative(added, {"objectives": [Objective.objects.current().get(code="1.2")]}, reason="test")
    return initiative


def test_the_report_survives_a_round_trip_through_json(data):
    report = build_report(2022)
    assert Report.from_json(json.loads(json.dumps(report.to_json()))) == report


def test_a_published_edition_renders_identically_after_the_registry_changes(data, django_user_model):
    editions.publish(2022, django_user_model.objects.create_user("coordinator"))
    before = {language: render_html(editions.published_report(2022), language) for language in ("nl", "en")}
    change_the_registry()
    after = {language: render_html(editions.published_report(2022), language) for language in ("nl", "en")}
    assert after == before
    assert "Added after publication" not in after["en"] and "A title given after publication" not in after["en"]
    draft = render_html(build_report(2022), "en")
    assert "Added after publication" in draft and "A title given after publication" in draft


def test_the_next_edition_lists_what_is_new_and_changed_and_the_counts_that_moved(data):
    editions.publish(2022, None)
    changed = change_the_registry()
    report = build_report(2023)
    assert report.changes.previous_year == 2022
    assert "added-after-publication" in report.changes.new
    assert {entry.uid: entry.fields for entry in report.changes.changed}[changed.uid] == ["sector", "title"]
    previous = editions.published_report(2022)
    moved = {o.code: (previous.objective(o.code).serving_total, o.serving_total) for o in report.objectives}
    assert {n.objective_code: (n.previous, n.current) for n in report.changes.count_notices} == {
        code: counts for code, counts in moved.items() if counts[0] != counts[1]
    }
    assert "1.2" in {n.objective_code for n in report.changes.count_notices} or moved["1.2"][0] == moved["1.2"][1]
    html = render_html(report, "en")
    assert "Added after publication" in html and "sector type, title" in html


def test_a_first_edition_says_there_is_nothing_to_compare_with(data):
    html = render_html(build_report(2022), "en")
    assert "widmonitor holds no earlier published edition to compare with." in html
