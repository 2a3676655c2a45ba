"""The checked text cut into plain and highlighted pieces, for the page to show with ``<mark>``."""

from dataclasses import dataclass

KIND_ORDER = {"title": 0, "masculine": 1, "feminine": 2}


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""  # "", "masculine", "feminine" or "title"


def segments(text, result):
    """``text`` as segments; where two findings overlap, the one starting first (a title on a tie) wins."""
    spans = [(word.start, word.end, "masculine") for word in result.masculine_coded]
    spans += [(word.start, word.end, "feminine") for word in result.feminine_coded]
    spans += [(title.start, title.end, "title") for title in result.masculine_only_titles]
    spans.sort(key=lambda span: (span[0], KIND_ORDER[span[2]]))
    pieces, cursor = [], 0
    for start, end, kind in spans:
        if start < cursor:
            continue
        if start > cursor:
            pieces.append(Segment(text[cursor:start]))
        pieces.append(Segment(text[start:end], kind))
        cursor = end
    if cursor < len(text):
        pieces.append(Segment(text[cursor:]))
    return pieces
