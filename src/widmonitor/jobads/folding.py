"""Unicode folding for matching (NFC, then casefold) that keeps the way back to the original text.

Matching runs on the folded text; every match is reported with the start and end of the original
characters it came from, so that a highlight covers exactly what the user wrote, whatever
normalisation or case folding changed (a decomposed "é", a "ß" folded to "ss").
"""

import unicodedata
from dataclasses import dataclass


def fold(text):
    """The form matching works on: NFC, casefolded, NFC again (casefold may decompose)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


@dataclass(frozen=True)
class Folded:
    """A folded text and, when folding changed lengths, the original span of each folded character."""

    text: str
    starts: tuple = ()  # original index of the character each folded character comes from
    ends: tuple = ()  # original end of that character

    def original(self, start, end):
        """The original span of the folded span ``start:end``."""
        if not self.starts:
            return start, end
        return self.starts[start], self.ends[end - 1]  # matches are never empty


def folded(text):
    """``text`` folded; the position map is only built when folding changed lengths (rare)."""
    if unicodedata.is_normalized("NFC", text):
        simple = text.casefold()
        if len(simple) == len(text):  # casefold maps each character to one or more: same length, same places
            return Folded(simple)
    return _mapped(text)


def _clusters(text):
    """Spans of a starter character and the combining marks after it (the unit NFC works on)."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            yield start, index
            start = index


def _mapped(text):
    pieces, starts, ends = [], [], []
    for start, end in _clusters(text):
        piece = fold(text[start:end])
        pieces.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    return Folded("".join(pieces), tuple(starts), tuple(ends))
