"""The before-and-after self-checks the annual report of a year shows in its reach chapter."""

from widmonitor.reports import report

from .models import InitiativeCheck


def self_check_changes(year):
    """``[report.SelfCheckChange]`` of the published initiatives whose partner agreed to show the change, from 10
    pairs ended in ``year`` up, by title."""
    found = []
    for check in InitiativeCheck.objects.public().select_related("initiative"):
        change = check.change(year)
        if not change.enough:
            continue
        initiative = check.initiative
        areas = [report.SelfCheckArea(a.area.code, report.Text(dict(a.area.names), "en"), a.before, a.after) for a in change.areas]
        found.append(report.SelfCheckChange(initiative.uid, report.Text(dict(initiative.title or {}), initiative.original_language), change.pairs, areas))
    return sorted(found, key=lambda item: str(item.title.pick(item.title.original).text).casefold())
