"""The checked text cut into plain and highlighted pieces, for the page to show with ``<mark>``."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .wordlists import KIND_LABELS, KINDS, Origin

KIND_ORDER = {"title": 0, "masculine": 1, "feminine": 2}
MARK_LABELS = {
    "masculine": _("masculine-coded"),
    "feminine": _("feminine-coded"),
    "title": _("job title only in the masculine"),
}
KIND_EXPLANATIONS = {
    "research": _("the word is in a research list (a study's words, as the page cited gives them)."),
    "guidance": _("the word or title follows published guidance (a language body, a public service, a guide)."),
    "translation": _(
        "widmonitor translated a word of a research list into this language; no study has tested the translation."
    ),
}


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""  # "", "masculine", "feminine" or "title"
    source: Origin | None = None  # where the marked word comes from

    @property
    def label(self):
        return MARK_LABELS[self.kind]


def legend():
    """``(number, label, explanation)`` of each kind of source, in the order of their numbers."""
    return [(number, KIND_LABELS[kind], KIND_EXPLANATIONS[kind]) for number, kind in enumerate(KINDS, 1)]


def segments(text, result):
    """``text`` as segments; where two findings overlap, the one starting first (a title on a tie) wins."""
    spans = [(word, "masculine") for word in result.masculine_coded]
    spans += [(word, "feminine") for word in result.feminine_coded]
    spans += [(title, "title") for title in result.masculine_only_titles]
    spans.sort(key=lambda span: (span[0].start, KIND_ORDER[span[1]]))
    pieces, cursor = [], 0
    for found, kind in spans:
        if found.start < cursor:
            continue
        if found.start > cursor:
            pieces.append(Segment(text[cursor : found.start]))
        pieces.append(Segment(text[found.start : found.end], kind, found.source))
        cursor = found.end
    if cursor < len(text):
        pieces.append(Segment(text[cursor:]))
    return pieces
