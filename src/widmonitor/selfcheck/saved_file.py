"""The JSON file a person downloads with her answers, and reading it back to see her result again.

Its shape::

    {"format": "widmonitor-self-check", "version": 1, "framework": "DigComp 2.2",
     "date": "2026-12-07", "answers": {"1.1": ["yes", "not-yet"], ...}, "levels": {"1.1": 1, ...}}

Reading it back uses only ``answers`` (the levels are recomputed); a file that is not such a file
is refused with one sentence saying why.
"""

import json

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .answers import Answers
from .framework import LEVELS
from .scoring import score

FORMAT, VERSION = "widmonitor-self-check", 1
MAX_BYTES = 64 * 1024


class SavedFileRefused(Exception):
    def __init__(self, message, **params):
        super().__init__(message)
        self.message, self.params = message, params

    @property
    def text(self):
        return self.message % self.params


def dump(answers):
    """The JSON text of complete ``answers``."""
    content = {
        "format": FORMAT,
        "version": VERSION,
        "framework": "DigComp 2.2",
        "date": timezone.localdate().isoformat(),
        "answers": answers.as_lists(),
        "levels": score(answers).levels(),
    }
    return json.dumps(content, indent=2)


def load(framework, upload):
    """The Answers of an uploaded file (a Django UploadedFile); SavedFileRefused says what is wrong."""
    if upload.size > MAX_BYTES:
        raise SavedFileRefused(_("The file is larger than %(size)s KB; a saved self-check is much smaller."), size=MAX_BYTES // 1024)
    try:
        content = json.loads(upload.read().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SavedFileRefused(_("The file is not a JSON file saved by this self-check.")) from error
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise SavedFileRefused(_("The file is not a JSON file saved by this self-check."))
    if content.get("version") != VERSION:
        raise SavedFileRefused(_("The file was saved by version %(version)s of the self-check; this site reads version %(expected)s."), version=content.get("version"), expected=VERSION)
    given = content.get("answers")
    if not isinstance(given, dict):
        raise SavedFileRefused(_("The file has no answers."))
    known = {c.code for c in framework.competences}
    for code, values in given.items():
        if code not in known:
            raise SavedFileRefused(_("The file has answers for %(code)s, which is not a DigComp 2.2 competence of this self-check."), code=code)
        if not isinstance(values, list) or len(values) > len(LEVELS):
            raise SavedFileRefused(_("The answers for %(code)s should be a list of at most %(count)s answers."), code=code, count=len(LEVELS))
    return Answers(framework, {(code, index): value for code, values in given.items() for index, value in enumerate(values)})
