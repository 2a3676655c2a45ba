"""A proposal as a moderator reads it: per field, and per language of a text, the record now and after accepting,
with the words that go marked ``<del>`` and those that come ``<ins>``.

The marks carry words for screen readers ("removed:", "added:") and are struck through and underlined,
not told apart by colour alone. Every text is escaped; only the marks are markup.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.languages import content_codes, language_name
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term

RELATED = {"organisations": Organisation, "objectives": Objective, "audiences": Term, "regions": Term, "languages": Term, "formats": Term, "digcomp": Term}
TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)  # words, runs of space, single signs: what a change is made of
EMPTY = "–"


def removed(text):
    """``text`` escaped inside ``<del>``, its start and end said in words to screen readers."""
    return format_html('<del><span class="wm-sr">{} </span>{}<span class="wm-sr"> {}</span></del>', _("removed:"), text, _("(end of removal)"))


def added(text):
    """``text`` escaped inside ``<ins>``, its start and end said in words to screen readers."""
    return format_html('<ins><span class="wm-sr">{} </span>{}<span class="wm-sr"> {}</span></ins>', _("added:"), text, _("(end of addition)"))


def word_diff(before, after):
    """``(before, after)`` as safe HTML: the words only ``before`` has in ``<del>``, those only ``after`` has in ``<ins>``."""
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    shown_before, shown_after = [], []
    for operation, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        gone, come = "".join(old[i1:i2]), "".join(new[j1:j2])
        if operation == "equal":
            shown_before.append(escape(gone))
            shown_after.append(escape(come))
            continue
        if gone:
            shown_before.append(removed(gone))
        if come:
            shown_after.append(added(come))
    return mark_safe("".join(shown_before) or EMPTY), mark_safe("".join(shown_after) or EMPTY)


def items_diff(before, after):
    """Two lists of names as safe HTML: those that go in ``<del>``, those that come in ``<ins>``, the others plain."""
    kept = [escape(name) for name in before if name in after]
    gone = [removed(name) for name in before if name not in after]
    come = [added(name) for name in after if name not in before]
    return mark_safe(", ".join([*kept, *gone]) or EMPTY), mark_safe(", ".join([*kept, *come]) or EMPTY)


@dataclass(frozen=True)
class Row:
    """One field, or one language of a text, as it is now and as accepting would make it."""

    label: str
    now: str
    after: str


def names_of(name, pks):
    by_pk = {item.pk: str(item) for item in RELATED[name].objects.filter(pk__in=pks or [])}
    return sorted(by_pk[pk] for pk in pks or [] if pk in by_pk)


def rows(changes):
    """The ``Row``\\ s of ``Proposal.changes()``: a row per field, and per language for a text, in the record's order."""
    fields = [field for field in Initiative._meta.get_fields() if hasattr(field, "verbose_name")]
    labels, order = {field.name: str(field.verbose_name) for field in fields}, [field.name for field in fields]
    found = []
    for name, now, after in sorted(changes, key=lambda change: order.index(change[0]) if change[0] in order else len(order)):
        label = labels.get(name, name)
        if isinstance(now, dict) or isinstance(after, dict):
            now, after = now or {}, after or {}
            codes = content_codes()  # in the order of the record's text boxes, then any other
            for code in sorted(now.keys() | after.keys(), key=lambda code: (codes.index(code) if code in codes else len(codes), code)):
                if now.get(code, "") != after.get(code, ""):
                    language = _("%(field)s (%(language)s)") % {"field": label, "language": language_name(code)}
                    found.append(Row(language, *word_diff(now.get(code, ""), after.get(code, ""))))
        elif name in RELATED:
            found.append(Row(label, *items_diff(names_of(name, now), names_of(name, after))))
        else:
            found.append(Row(label, *word_diff("" if now is None else str(now), "" if after is None else str(after))))
    return found
