"""The annual report's reach chapter has a short mentoring part: the year's pairs of programmes of published initiatives,
anonymous, a count under 10 suppressed."""

import datetime

from widmonitor.experts.topics import load_topics
from widmonitor.initiatives.models import Initiative
from widmonitor.mentoring.models import Cycle, Pair, Programme
from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html

from .conftest import applicant


def cycle_of_2022(published=True):
    initiative = Initiative.objects.published().order_by("uid")[0 if published else 1]
    if not published:
        Initiative.objects.filter(pk=initiative.pk).update(moderation="draft")
    programme = Programme.objects.create(initiative=initiative, name="Programme 2022")
    return Cycle.objects.create(programme=programme, name="2022", opens_on=datetime.date(2022, 1, 10),
                                closes_on=datetime.date(2022, 2, 10), matching_on=datetime.date(2022, 3, 1))


def pairs(cycle, count):
    for number in range(count):
        mentee, mentor = applicant(cycle, "mentee", f"Mentee {number}"), applicant(cycle, "mentor", f"Mentor {number}", gender="man")
        pair = Pair.objects.create(cycle=cycle, mentee=mentee.participations.get(), mentor=mentor.participations.get())
        pair.accept("mentee"), pair.accept("mentor")


def test_the_report_counts_the_years_pairs_and_suppresses_small_counts(setup_data, db, settings):
    load_topics(settings.DATA_DIR / "experts" / "topics.yaml")
    pairs(cycle_of_2022(), 12)
    pairs(cycle_of_2022(published=False), 30)  # a draft initiative's programme does not reach the report
    mentoring = build_report(2022).mentoring
    assert (mentoring.programmes, mentoring.participants, mentoring.mentees, mentoring.women, mentoring.answered) == (1, 24, 12, 12, None)
    html = render_html(build_report(2022), "en")
    assert "Mentoring in 2022" in html and "a count under 10 is not shown" in html and "fewer than 10" in html


def test_a_year_without_mentoring_has_no_mentoring_part(setup_data, db):
    assert build_report(2022).mentoring is None
    assert "Mentoring in 2022" not in render_html(build_report(2022), "en")
