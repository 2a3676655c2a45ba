"""The report's sections, in the order of the 2022 edition, and which of them carry editable prose."""

from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# (key, title): the whole report, in order. Prose sections have a TextBlock per year and language.
SECTIONS = (
    ("foreword", _("Foreword")),
    ("introduction", _("Introduction")),
    ("situation", _("Current situation")),
    ("strategy", _("The strategy")),
    ("follow_up", _("The working group's follow-up")),
    ("initiatives", _("Initiatives per objective")),
    ("changes", _("What changed since the previous edition")),
    ("next_steps", _("Possible next steps")),
    ("conclusion", _("Conclusion")),
    ("annexes", _("Annexes")),
)
COMPUTED_ONLY = ("changes", "annexes")
# Sections whose prose goes on in numbered subsections, each its own text block keyed
# "<section>.<number>" and starting with its heading: the 2022 edition's 2.1–2.5 and 3.1–3.5.
SUBSECTIONS = {"situation": 5, "strategy": 5}


def _subsection_title(title, number):
    return gettext("%(section)s, subsection %(number)s") % {"section": title, "number": number}


subsection_title = lazy(_subsection_title, str)


def subsection_key(key, number):
    return f"{key}.{number}"


def with_subsections(key, title):
    """``[(key, title)]`` of a prose section and of its subsections, in order."""
    count = SUBSECTIONS.get(key, 0)
    return [(key, title), *((subsection_key(key, n), subsection_title(title, n)) for n in range(1, count + 1))]


PROSE_SECTIONS = tuple(
    choice for key, title in SECTIONS if key not in COMPUTED_ONLY for choice in with_subsections(key, title)
)
PROSE_KEYS = tuple(key for key, _title in PROSE_SECTIONS)
