"""The word lists (``data/jobads/<language>.yaml``), checked and compiled once per language.

Each list becomes one regular expression with a named group per entry, so that one pass over a
text finds every coded word and says which entry matched; job titles get one more for their
masculine forms and one for their feminine forms. A pattern is casefolded like the text
(see ``folding``) and its accented letters also match their unaccented form, so that
"compétitif" and "competitif" are both found; "-" in a pattern matches a hyphen or nothing.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml

from .folding import fold

LANGUAGES = ("nl", "fr", "en")
CODINGS = ("masculine", "feminine")
HYPHENS = "-\u2010\u2011"
APOSTROPHES = "'\u2019"


@dataclass(frozen=True)
class Entry:
    match: str
    coding: str
    source: str
    alternative: str = ""
    note: str = ""


@dataclass(frozen=True)
class Title:
    masculine: str
    inclusive: str
    source: str
    feminine: str = ""
    note: str = ""

    @cached_property
    def feminine_forms(self):
        """The feminine forms folded like the text, computed once: titles live as long as their cached word list."""
        return tuple(fold(form) for form in self.feminine.split("|")) if self.feminine else ()


@dataclass(frozen=True)
class WordList:
    language: str
    marker: str
    sources: dict
    entries: tuple
    titles: tuple
    coded: re.Pattern
    masculine_titles: re.Pattern | None
    feminine_titles: re.Pattern | None


def letter(char):
    """A pattern letter: itself, or a class of itself and its unaccented base letter."""
    if char in HYPHENS:
        return f"[{HYPHENS}]?"
    if char in APOSTROPHES:
        return f"[{APOSTROPHES}]"
    if char == " ":
        return r"\s+"
    base = unicodedata.normalize("NFD", char)[0]
    return f"[{re.escape(char)}{re.escape(base)}]" if base != char else re.escape(char)


def form_regex(form):
    """One form of a pattern: "ambiti*" (prefix), "*leider" (also inside a compound), or a whole word."""
    form = fold(form.strip())
    body = "".join(letter(char) for char in form.strip("*"))
    head = r"\w*?" if form.startswith("*") else ""
    tail = r"\w*" if form.endswith("*") else r"(?!\w)"
    return head + body + tail


def alternation(patterns, prefix):
    """``(?<!\\w)(?:(?P<e3>...)|(?P<e0>...))`` from ``{index: pattern}``, longest first: the more specific wins.

    ``match.lastgroup`` names the entry that matched (``e3`` is entry 3).
    """
    order = sorted(patterns, key=lambda index: -len(patterns[index]))
    groups = "|".join(f"(?P<{prefix}{index}>{'|'.join(form_regex(f) for f in patterns[index].split('|'))})" for index in order)
    return re.compile(rf"(?<!\w)(?:{groups})")


def read_entries(reader, data):
    sources = data.get("sources") or {}
    entries = []
    for index, item in enumerate(data.get("coded") or []):
        where = f"coded[{index}]"
        if not isinstance(item, dict) or not item.get("match"):
            reader.error(where, "no_match", _("an entry needs a match pattern"))
            continue
        if item.get("coding") not in CODINGS:
            reader.error(where, "bad_coding", _('coding "%(value)s" (expected masculine or feminine)'), value=item.get("coding"))
        if item.get("source") not in sources:
            reader.error(where, "unknown_source", _('unknown source "%(value)s" (expected one of the file\'s sources)'), value=item.get("source"))
        entries.append(Entry(**{key: str(item.get(key) or "") for key in ("match", "coding", "source", "alternative", "note")}))
    titles = []
    for index, item in enumerate(data.get("titles") or []):
        if not isinstance(item, dict) or not item.get("masculine") or not item.get("inclusive"):
            reader.error(f"titles[{index}]", "incomplete_title", _("a title needs its masculine forms and an inclusive form"))
            continue
        if item.get("source") not in sources:
            reader.error(f"titles[{index}]", "unknown_source", _('unknown source "%(value)s" (expected one of the file\'s sources)'), value=item.get("source"))
        titles.append(Title(**{key: str(item.get(key) or "") for key in ("masculine", "inclusive", "source", "feminine", "note")}))
    return sources, tuple(entries), tuple(titles)


def load(path, language):
    """A checked and compiled word list; every problem of the file is reported at once."""
    data = read_yaml(path)
    reader = Reader(path)
    if data.get("language") != language:
        reader.error("language", "wrong_language", _('language "%(value)s" (expected %(expected)s)'), value=data.get("language"), expected=language)
    sources, entries, titles = read_entries(reader, data)
    reader.raise_if_errors()
    with_feminine = {index: title.feminine for index, title in enumerate(titles) if title.feminine}
    return WordList(
        language=language,
        marker=str(data.get("marker") or "(m/f/x)"),
        sources=sources,
        entries=entries,
        titles=titles,
        coded=alternation(dict(enumerate(entry.match for entry in entries)), "e"),
        masculine_titles=alternation(dict(enumerate(title.masculine for title in titles)), "t") if titles else None,
        feminine_titles=alternation(with_feminine, "f") if with_feminine else None,
    )


@cache
def word_list(language):
    """The word list of ``language`` (one of ``LANGUAGES``), read and compiled once per process."""
    return load(settings.DATA_DIR / "jobads" / f"{language}.yaml", language)
