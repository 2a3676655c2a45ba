"""The one error type for data problems: what is wrong, where, and what was expected.

A ``Problem`` has a stable ``code``, a translatable ``message`` template with ``%(name)s``
placeholders filled from ``params``, and a place as precise as its source allows: a data
file and the item in it (``initiatives[3] (coderdojo)``) or a line, or a workbook's sheet,
row (1-based, as a person sees it), column letter and header. The YAML loaders, the Excel
import and the statistical readers all report through it; ``Problems`` carries every problem
of one pass, after which nothing was written.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _


@dataclass
class Problem:
    code: str
    message: str  # a gettext template, e.g. _('unknown region "%(value)s" (expected one of %(expected)s)')
    params: dict = field(default_factory=dict)
    file: str = ""
    item: str = ""  # where in a data file: initiatives[3] (coderdojo)
    line: int | None = None
    sheet: str = ""
    row: int | None = None
    column: str = ""  # a sheet's column letter, or a text file's column number
    header: str = ""
    field: str = ""  # the model field the value is for, e.g. title
    value: object = None

    @property
    def text(self):
        """The problem alone, in the active language."""
        return str(self.message) % self.params if self.params else str(self.message)

    @property
    def place(self):
        """Where, as a person finds it: a sheet's row and column, or a file's line or item."""
        place = {"sheet": self.sheet, "row": self.row, "column": self.column, "header": self.header}
        if self.sheet and self.column:
            return _("%(sheet)s, row %(row)s, column %(column)s (%(header)s)") % place
        if self.sheet and self.row:
            return _("%(sheet)s, row %(row)s") % place
        if self.sheet:
            return self.sheet
        parts = [Path(self.file).name] if self.file else []
        if self.line and self.column:
            parts.append(_("line %(line)s, column %(column)s") % {"line": self.line, "column": self.column})
        elif self.line:
            parts.append(_("line %(line)s") % {"line": self.line})
        if self.item:
            parts.append(self.item)
        return ", ".join(parts)

    def __str__(self):
        place = self.place
        return f"{place}: {self.text}" if place else self.text


class Problems(Exception):
    """Every problem one pass found; nothing was written."""

    shown = 50

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(self.summary())

    def summary(self):
        lines = "\n".join(f"  {problem}" for problem in self.problems[: self.shown])
        more = len(self.problems) - self.shown
        if more > 0:
            lines += "\n  " + _("... and %(count)s more") % {"count": more}
        return _("%(count)s problem(s), nothing written:") % {"count": len(self.problems)} + "\n" + lines
