"""The manager's side-by-side table of one call, read from the database: ``ranking.ranked`` over its applications."""

from dataclasses import dataclass

from widmonitor.portal.coverage import Counts

from .gaps import gap_view
from .models import Application, Score
from .ranking import ranked


@dataclass
class Entry:
    application: Application
    line: object  # ranking.Line
    by_reviewer: list  # [(reviewer's name, [Score or None per criterion])]
    gaps: object  # gaps.GapView


def scoreboard(call, manager):
    """``(criteria, [Entry])`` of the submitted and decided applications of ``call``, best first.

    A score counts only while its reviewer may still read the application: a conflict declared or
    a membership of its organisation added since leaves it out, whatever wrote it."""
    criteria = list(call.criteria.all())
    applications = {a.pk: a for a in Application.objects.reviewable_by(manager, call).select_related("organisation")}
    position = {criterion.pk: index for index, criterion in enumerate(criteria)}
    values = {pk: [[] for _criterion in criteria] for pk in applications}
    sheets = {}
    scores = list(Score.objects.filter(application__in=list(applications)).select_related("reviewer").order_by("reviewer__username"))
    counted = {reviewer: set(Application.objects.reviewable_by(reviewer, call).values_list("pk", flat=True)) for reviewer in {s.reviewer for s in scores}}
    for score in scores:
        if score.criterion_id in position and score.application_id in counted[score.reviewer]:  # a conflict since: not counted
            values[score.application_id][position[score.criterion_id]].append(score.value)
            sheet = sheets.setdefault(score.application_id, {}).setdefault(score.reviewer.get_username(), [None] * len(criteria))
            sheet[position[score.criterion_id]] = score
    counts = Counts()
    views = {pk: gap_view(application, counts) for pk, application in applications.items()}
    lines = ranked(values, [c.weight for c in criteria], call.score_max, {pk: view.share for pk, view in views.items()}, call.gap_weight)
    entries = [Entry(applications[line.key], line, sorted(sheets.get(line.key, {}).items()), views[line.key]) for line in lines]
    return criteria, entries
