"""What a proposal changes, and what changed in its record since the partner made it.

The unit of a change is a field, or one language of a text: ``("url", "")``, ``("title", "nl")``.
A proposal is applied unit by unit onto the record as it is now, so that a moderator's later
correction of another field or language stays; it conflicts with a later change of one of its units.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from widmonitor.initiatives.models import RELATIONS, Initiative
from widmonitor.initiatives.writes import m2m_names

WHOLE = ""  # the "language" of a unit that is a whole field


def differences(old, new, names):
    """The units in which ``new`` differs from ``old`` (dicts of stored values) over the fields ``names``."""
    units = set()
    for name in names:
        before, after = old.get(name), new.get(name)
        if isinstance(before, dict) or isinstance(after, dict):
            before, after = before or {}, after or {}
            units |= {(name, code) for code in before.keys() | after.keys() if before.get(code, "") != after.get(code, "")}
        elif before != after:
            units.add((name, WHOLE))
    return units


def applied(units, proposed, current):
    """``{field: value}``: ``current``'s values of the fields of ``units``, with ``proposed``'s put in for those units."""
    values = {}
    for name, code in sorted(units):
        if code == WHOLE:
            values[name] = proposed[name]
            continue
        text = dict(values.get(name, current.get(name)) or {})
        if proposed[name].get(code):
            text[code] = proposed[name][code]
        else:
            text.pop(code, None)
        values[name] = text
    return values


def overlap(units, others):
    """The units of ``units`` that ``others`` also touch (a whole field touches each of its languages)."""
    whole = {name for name, code in others if code == WHOLE}
    return {(name, code) for name, code in units if (name, code) in others or name in whole or (name, WHOLE) in others}


@dataclass(frozen=True)
class Change:
    """One save of a record: who made it, when, why, and the units it changed."""

    who: str
    when: datetime
    reason: str
    units: frozenset

    def sentence(self, units=None):
        """E.g. ``moderator changed title (nl) on 2025-03-01 10:12 (“Typo”)``, naming ``units`` or all of them."""
        params = {
            "who": self.who or _("someone"),
            "what": describe(units or self.units),
            "when": timezone.localtime(self.when).strftime("%Y-%m-%d %H:%M"),
            "reason": self.reason,
        }
        if self.reason:
            return _("%(who)s changed %(what)s on %(when)s (“%(reason)s”)") % params
        return _("%(who)s changed %(what)s on %(when)s") % params


def describe(units):
    labels = {field.name: str(field.verbose_name) for field in Initiative._meta.get_fields() if hasattr(field, "verbose_name")}
    return ", ".join(labels.get(name, name) + (f" ({code})" if code else "") for name, code in sorted(units))


def history_since(initiative, version, fields):
    """``(state at version, [Change after it])`` of ``initiative``'s ``fields`` and relations, from its history.

    The state is None (and no change is listed) when the history does not keep that version.
    """
    records = list(
        initiative.history.filter(version__gte=version).select_related("history_user").order_by("history_date", "history_id")
    )
    states = states_of(records, fields)
    seen = [record for record in records if record.version == version]
    if not seen:
        return None, []
    start = records.index(seen[-1])
    changes, before = [], states[records[start].history_id]
    for record in records[start + 1 :]:
        after = states[record.history_id]
        units = differences(before, after, (*fields, *RELATIONS))
        if units:
            who = record.history_user.get_username() if record.history_user else ""
            changes.append(Change(who, record.history_date, record.history_change_reason or "", frozenset(units)))
        before = after
    return states[records[start].history_id], changes


def states_of(records, fields):
    """``{history id: {field: value}}``: each history record's ``fields``, and its relations as sorted ids."""
    states = {record.history_id: {name: getattr(record, name) for name in fields} for record in records}
    for state in states.values():
        state.update({name: [] for name in RELATIONS})
    snapshots = Initiative.history.model
    for name in RELATIONS:
        _through, _source, target = m2m_names(name)
        rows = getattr(snapshots, name).model.objects.filter(history_id__in=list(states))
        for history_id, target_id in rows.values_list("history_id", f"{target}_id").order_by(f"{target}_id"):
            states[history_id][name].append(target_id)
    return states
