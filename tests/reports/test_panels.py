"""The report's follow-up gives the share of women speakers across the panels recorded at the year's events."""

import datetime

from widmonitor.experts.models import PanelRecord
from widmonitor.initiatives.models import Initiative
from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html


def panel(initiative, day, women, men, not_stated=0):
    return PanelRecord.objects.create(initiative=initiative, held_on=day, women=women, men=men, not_stated=not_stated)


def test_the_panels_of_published_events_of_the_year_add_up(data):
    first, second, unpublished = Initiative.objects.published().order_by("uid")[:3]
    Initiative.objects.filter(pk=unpublished.pk).update(moderation="draft")
    panel(first, datetime.date(2022, 3, 8), women=2, men=2)
    panel(second, datetime.date(2022, 10, 1), women=1, men=3, not_stated=1)
    panel(second, datetime.date(2021, 10, 1), women=0, men=4)  # another year
    panel(unpublished, datetime.date(2022, 5, 1), women=9, men=0)  # not public

    panels = build_report(2022).panels

    assert (panels.panels, panels.women, panels.men, panels.not_stated, panels.speakers) == (2, 3, 5, 1, 9)
    assert panels.women_share == 33.3
    html = render_html(build_report(2022), "en")
    assert "In 2022, 2 panels were recorded at the registry's events: 3 women among 9 speakers (33.3 %)." in html


def test_a_year_without_panels_says_where_they_are_entered(data):
    html = render_html(build_report(2022), "en")

    assert "No panel at the registry's events is recorded for 2022" in html
