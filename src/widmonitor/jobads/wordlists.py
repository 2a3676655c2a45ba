"""The word lists (``data/jobads/<language>.yaml``), checked and compiled once per language.

Each list becomes one regular expression with a named group per entry, so that one pass over a
text finds every coded word and says which entry matched; its ``not_coded`` phrases get one more
(a coded word inside one of them is not counted: "SharePoint", "l'ensemble des"), and job titles one
for their masculine forms and one for their feminine forms. Every entry carries its ``Origin``: the
kind of its source (a research list, public guidance) or "translation" when widmonitor translated
a word of that source. A pattern is casefolded like the text
(see ``folding``) and its accented letters also match their unaccented form, so that
"compétitif" and "competitif" are both found; "-" in a pattern matches a hyphen or nothing.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml

from .folding import fold

LANGUAGES = ("nl", "fr", "en")
CODINGS = ("masculine", "feminine")
SOURCE_KINDS = ("research", "guidance")  # what a source is; an entry may instead be widmonitor's translation
KINDS = SOURCE_KINDS + ("translation",)  # how a matched word came into the list
KIND_LABELS = {
    "research": _("research list"),
    "guidance": _("public guidance"),
    "translation": _("widmonitor's translation"),
}
COPIED_NOTE = "as the source gives it"  # the note of an entry copied from its source without one
HYPHENS = "-\u2010\u2011"
APOSTROPHES = "'\u2019"


@dataclass(frozen=True)
class Source:
    """A source of a list: a research list or public guidance, with the words it lists when it lists any."""

    key: str
    kind: str  # one of SOURCE_KINDS
    name: str  # short, for the page: "Taalunie"
    title: str  # what the source is and says
    url: str = ""
    words: dict = field(default_factory=dict)  # {"masculine": [...], "feminine": [...]}


@dataclass(frozen=True)
class Origin:
    """Where one entry comes from: ``kind`` is "translation" when widmonitor translated a word of ``key``."""

    kind: str  # one of KINDS
    key: str
    name: str
    title: str
    url: str

    @property
    def label(self):
        return KIND_LABELS[self.kind]

    @property
    def number(self):
        """The kind's number on the page (1 research list, 2 public guidance, 3 widmonitor's translation)."""
        return KINDS.index(self.kind) + 1


@dataclass(frozen=True)
class Entry:
    match: str
    coding: str
    origin: Origin
    note: str  # how the entry was made
    alternative: str = ""


@dataclass(frozen=True)
class Title:
    masculine: str
    inclusive: str
    origin: Origin
    note: str
    feminine: str = ""

    @cached_property
    def feminine_forms(self):
        """The feminine forms folded like the text, computed once: titles live as long as their cached word list."""
        return tuple(fold(form) for form in self.feminine.split("|")) if self.feminine else ()


@dataclass(frozen=True)
class WordList:
    language: str
    marker: str
    marker_makes_title_inclusive: bool  # false where a source asks for the feminine form in full (French)
    sources: dict
    entries: tuple
    titles: tuple
    coded: re.Pattern
    not_coded: re.Pattern | None
    masculine_titles: re.Pattern | None
    feminine_titles: re.Pattern | None

    def coded_matches(self, folded_text):
        """``(match, entry)`` of every coded word, except those inside a ``not_coded`` phrase."""
        exempt = [found.span() for found in self.not_coded.finditer(folded_text)] if self.not_coded else []
        for found in self.coded.finditer(folded_text):
            if not any(start <= found.start() and found.end() <= end for start, end in exempt):
                yield found, self.entries[int(found.lastgroup[1:])]


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


def read_sources(reader, data):
    sources = {}
    for key, item in (data.get("sources") or {}).items():
        where = f"sources.{key}"
        kind = reader.choice(item, "kind", where, SOURCE_KINDS, None) if reader.require(item, "kind", where) else None
        name, title = reader.require(item, "name", where), reader.require(item, "title", where)
        words = item.get("words") if isinstance(item, dict) else None
        sources[str(key)] = Source(str(key), kind, name, title, reader.text(item, "url", where), words or {})
    return sources


def origin(reader, item, where, sources):
    """The origin of a list item, or None when it names no source of the file."""
    source = sources.get(str(item.get("source")))
    if source is None:
        reader.error(where, "unknown_source", _('unknown source "%(value)s" (expected one of the file\'s sources)'), value=item.get("source"))
        return None
    if item.get("translated") and not item.get("note"):
        reader.error(where, "unexplained_translation", _("a translated entry needs a note naming the word it translates"))
    kind = "translation" if item.get("translated") else source.kind
    return Origin(kind, source.key, source.name, source.title, source.url)


def read_coded(reader, data, sources):
    entries = []
    for index, item in enumerate(data.get("coded") or []):
        where = f"coded[{index}]"
        if not isinstance(item, dict) or not item.get("match"):
            reader.error(where, "no_match", _("an entry needs a match pattern"))
            continue
        if item.get("coding") not in CODINGS:
            reader.error(where, "bad_coding", _('coding "%(value)s" (expected masculine or feminine)'), value=item.get("coding"))
        found = origin(reader, item, where, sources)
        texts = {key: str(item.get(key) or "") for key in ("match", "coding", "alternative")}
        entries.append(Entry(origin=found, note=str(item.get("note") or COPIED_NOTE), **texts))
    return tuple(entries)


def read_titles(reader, data, sources):
    titles = []
    for index, item in enumerate(data.get("titles") or []):
        where = f"titles[{index}]"
        if not isinstance(item, dict) or not item.get("masculine") or not item.get("inclusive"):
            reader.error(where, "incomplete_title", _("a title needs its masculine forms and an inclusive form"))
            continue
        found = origin(reader, item, where, sources)
        texts = {key: str(item.get(key) or "") for key in ("masculine", "inclusive", "feminine")}
        titles.append(Title(origin=found, note=str(item.get("note") or COPIED_NOTE), **texts))
    return tuple(titles)


def load(path, language):
    """A checked and compiled word list; every problem of the file is reported at once."""
    data = read_yaml(path)
    reader = Reader(path)
    if data.get("language") != language:
        reader.error("language", "wrong_language", _('language "%(value)s" (expected %(expected)s)'), value=data.get("language"), expected=language)
    sources = read_sources(reader, data)
    entries, titles = read_coded(reader, data, sources), read_titles(reader, data, sources)
    not_coded = [str(item.get("match") or "") for item in data.get("not_coded") or [] if isinstance(item, dict)]
    reader.raise_if_errors()
    with_feminine = {index: title.feminine for index, title in enumerate(titles) if title.feminine}
    return WordList(
        language=language,
        marker=str(data.get("marker") or "(m/f/x)"),
        marker_makes_title_inclusive=data.get("marker_makes_title_inclusive", True) is not False,
        sources=sources,
        entries=entries,
        titles=titles,
        coded=alternation(dict(enumerate(entry.match for entry in entries)), "e"),
        not_coded=alternation(dict(enumerate(not_coded)), "n") if not_coded else None,
        masculine_titles=alternation(dict(enumerate(title.masculine for title in titles)), "t") if titles else None,
        feminine_titles=alternation(with_feminine, "f") if with_feminine else None,
    )


@cache
def word_list(language):
    """The word list of ``language`` (one of ``LANGUAGES``), read and compiled once per process."""
    return load(settings.DATA_DIR / "jobads" / f"{language}.yaml", language)
