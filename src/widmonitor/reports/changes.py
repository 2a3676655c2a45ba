"""What changed in the registry since the previous published edition, from its snapshot and the registry's history.

New: running this year, not in the previous edition. Ended: in the previous edition, published,
not running this year (its period ended); one whose period is not known this year is not said to
have ended (the report lists it apart). Withdrawn: in the previous edition and no longer published
(rejected, or back to draft): only counted, never named, as only published records reach a report.
Changed: in both, and saved since
the previous edition was published; the fields are those that differ between the record as it
was then and as it is now (django-simple-history).
"""

from widmonitor.initiatives.models import Initiative

from . import report

IGNORED_FIELDS = {"version", "updated_at", "created_at", "created_by", "starts_on", "ends_on", "contact_name", "contact_email"}


def previous_uids(snapshot):
    """The uids of the initiatives an edition's snapshot listed under any objective."""
    return {uid for objective in snapshot.get("objectives", []) for uid in objective.get("listed", [])}


def since_previous(previous, objectives, period_unknown=()):
    """The changes between the ``previous`` published edition (or None) and this year's ``objectives`` (ObjectiveSection);
    the uids ``period_unknown`` are neither running nor ended."""
    if previous is None or not previous.snapshot:
        return report.Changes()
    snapshot = previous.snapshot["report"]
    before = previous_uids(snapshot)
    still_published = set(Initiative.objects.published().filter(uid__in=before).values_list("uid", flat=True))
    now = {uid for objective in objectives for uid in objective.listed}
    return report.Changes(
        previous_year=previous.year,
        since=previous.published_at.isoformat(),
        new=sorted(now - before),
        ended=sorted(still_published - now - set(period_unknown)),
        withdrawn=len(before - still_published),
        changed=changed_since(previous.published_at, sorted(now & before)),
        count_notices=count_notices(snapshot, objectives),
    )


def changed_since(moment, uids):
    """``[ChangedEntry]`` of the initiatives saved after ``moment``, with the fields that differ since then."""
    history = Initiative.history.model
    saved = history.objects.filter(uid__in=uids, history_date__gt=moment).values("uid")
    then, latest = {}, {}  # uid -> its last record up to ``moment``; its last record
    for record in history.objects.filter(uid__in=saved).order_by("history_date", "history_id"):
        if record.history_date <= moment:
            then[record.uid] = record
        latest[record.uid] = record
    entries = []
    for uid in sorted(latest):
        if uid not in then:
            entries.append(report.ChangedEntry(uid, []))
            continue
        fields = sorted({change.field for change in latest[uid].diff_against(then[uid]).changes} - IGNORED_FIELDS)
        if fields:
            entries.append(report.ChangedEntry(uid, fields))
    return entries


def count_notices(snapshot, objectives):
    """Where the previous edition's count of an objective differs from this year's."""
    current = {objective.code: objective.serving_total for objective in objectives}
    notices = []
    for objective in snapshot.get("objectives", []):
        code = objective.get("code")
        if code in current and objective.get("serving_total") != current[code]:
            notices.append(report.CountNotice(code, objective.get("serving_total"), current[code]))
    return notices
