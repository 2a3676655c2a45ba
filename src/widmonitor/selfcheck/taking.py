"""A self-check taken for an initiative's before-and-after figures: which check, at the start or the end, and her code.

These travel in the form's hidden fields beside the answers (``for``, ``moment``, ``code``),
never in a session or a cookie; they are checked again when the self-check is stored.
"""

from dataclasses import dataclass

from .codes import normalised
from .models import InitiativeCheck

BEFORE, AFTER = "before", "after"


@dataclass(frozen=True)
class Taking:
    check: InitiativeCheck
    moment: str  # BEFORE or AFTER
    code: str = ""  # at the end: the code she gave

    @classmethod
    def from_form(cls, data):
        """The Taking the POST ``data`` names, or None (no check, an unknown link, a malformed code)."""
        token, moment = data.get("for", ""), data.get("moment", "")
        if not token or moment not in (BEFORE, AFTER):
            return None
        check = InitiativeCheck.objects.filter(token=token).select_related("initiative").first()
        if check is None:
            return None
        code = normalised(data.get("code")) if moment == AFTER else ""
        if moment == AFTER and code is None:
            return None
        return cls(check, moment, code)

    def fields(self):
        """``[(name, value)]`` hidden fields that carry it through the pages."""
        return [("for", self.check.token), ("moment", self.moment)] + ([("code", self.code)] if self.code else [])
