"""DigComp 2.2's areas and competences, and the self-check's statements, read from data/selfcheck/digcomp22.yaml.

The self-check asks one "I can ..." statement per competence at each of three levels, which group
DigComp's eight proficiency levels (foundation 1-2, intermediate 3-4, advanced 5-6).
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import read_yaml
from widmonitor.languages import active_language

LEVELS = ("foundation", "intermediate", "advanced")
LEVEL_NAMES = {  # index = how many levels she reached
    0: _("Getting started"),
    1: _("Foundation"),
    2: _("Intermediate"),
    3: _("Advanced"),
}
LANGUAGES = ("en", "nl", "fr")


def in_language(texts):
    """The text of ``{language: text}`` for the active interface language (English when it has none)."""
    return texts.get(active_language()) or texts["en"]


@dataclass(frozen=True)
class Competence:
    code: str  # "2.5"
    names: dict  # {language: name}
    statements: dict  # {level: {language: "I can ..."}}

    @property
    def name(self):
        return in_language(self.names)

    def statement(self, level):
        return in_language(self.statements[level])


@dataclass(frozen=True)
class Area:
    code: str  # "2"
    names: dict
    competences: tuple

    @property
    def name(self):
        return in_language(self.names)


@dataclass(frozen=True)
class Framework:
    areas: tuple
    source: dict

    @property
    def competences(self):
        return tuple(c for area in self.areas for c in area.competences)

    def competence(self, code):
        return next((c for c in self.competences if c.code == code), None)


def framework():
    """The framework of the bundled data file, read once."""
    return _read(str(settings.DATA_DIR / "selfcheck" / "digcomp22.yaml"))


@functools.cache
def _read(path):
    data = read_yaml(path)
    areas = tuple(
        Area(
            str(area["code"]),
            area["name"],
            tuple(Competence(str(c["code"]), c["name"], c["statements"]) for c in area["competences"]),
        )
        for area in data["areas"]
    )
    return Framework(areas, data["source"])
