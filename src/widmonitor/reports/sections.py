"""The report's sections, in the order of the 2022 edition, and which of them carry editable prose."""

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
PROSE_SECTIONS = tuple((key, title) for key, title in SECTIONS if key not in COMPUTED_ONLY)
PROSE_KEYS = tuple(key for key, _title in PROSE_SECTIONS)
