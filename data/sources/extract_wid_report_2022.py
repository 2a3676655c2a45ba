"""Extract section 5 of the WiD report 2022 into data/sources/wid-report-2022-section5.yaml.

Run once, by hand, with the path of the text version of the report (the PDF converted to
plain text) as the only argument; it writes the YAML file on standard output:

    python data/sources/extract_wid_report_2022.py REPORT.txt > data/sources/wid-report-2022-section5.yaml

It is never run by the tests: they read the YAML file it wrote, which is committed. See
data/sources/README.md for the source, the rules applied and the meaning of each key.
"""

import re
import sys

import yaml

SECTION_START = " 5. Bestaande/toekomstige initiatieven"
SECTION_END = " 6. Mogelijke denkpistes"
SECTION_HEADING = re.compile(r"^\s*(5\.[1-5](?:\.[1-4])?)\. ", re.M)
INTRO = re.compile(r"^Ter ondersteuning\b", re.M)
# The span with the counts: from "zijn er" / "is er" / "kunnen momenteel" to the closing
# parenthesis or the last "initiatief"/"initiatieven" (5.2 goes on: "uit de bijdragen van ...").
STATED = re.compile(r"\b(?:kunnen momenteel|zijn er|is er)\b.*(?:\)|initiatie(?:f|ven)\b)")
URL_LINE = re.compile(r"^\s*https?://\S+\s*$")
BULLET = "•"
# The opening words of the prose paragraphs printed after a list's last bullet (only in 5.1).
PROSE_AFTER_LIST = ("Het gemengde privé-publieke initiatief gaat over",)

HEADER = """\
# FOD Economie, "Women in Digital – Rapport 2022", section 5 "Bestaande/toekomstige
# initiatieven": the 22 published lists of initiatives, as printed. Extracted once from the
# text version of the PDF by data/sources/extract_wid_report_2022.py; see
# data/sources/README.md for the rules and the meaning of each key. Do not edit by hand.
"""


def join_lines(text):
    """One line: line breaks and runs of whitespace become one space, hyphenation is undone.

    A word hyphenated at the end of a line is joined ("ICT-" + "coördinator"), except a
    suspended hyphen before "en"/"of" ("systeem- en netwerkbeheerder"); a dash preceded
    by a space (" -") stays a dash followed by a space.
    """
    text = re.sub(r"(?<=\w)-[ \t]*\n\s*(?!(?:en|of)\b)", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def split_list(code, chunk):
    """A list's chunk of text (from its heading to the next heading) into its parts."""
    intro = INTRO.search(chunk)
    assert intro, f"{code}: no 'Ter ondersteuning' paragraph"
    heading = join_lines(chunk[: intro.start()])
    heading = re.sub(rf"^{re.escape(code)}\.\s*", "", heading)
    first_bullet = chunk.index(BULLET, intro.start())
    intro_text = join_lines(chunk[intro.start() : first_bullet])
    assert intro_text.endswith(":"), f"{code}: the intro does not end with a colon: {intro_text!r}"
    stated = STATED.search(intro_text)
    assert stated, f"{code}: no stated sentence in {intro_text!r}"
    bullet_count = chunk.count(BULLET)
    pieces = chunk[first_bullet:].split(BULLET)[1:]
    bullets, after = [], ""
    for index, piece in enumerate(pieces):
        body, tail = split_bullet(piece, last=index == len(pieces) - 1)
        bullets.append(body)
        after = tail
    assert len(bullets) == bullet_count, code
    return {
        "section": code,
        "heading": heading,
        "intro": intro_text,
        "stated_text": stated.group(0),
        "bullet_count": bullet_count,
        "bullets": bullets,
        **({"after_bullets": after} if after else {}),
    }


def split_bullet(piece, last):
    """A bullet's text, without footnote URLs (page feet); for the last bullet of a list, the
    prose paragraphs that follow it are returned apart.

    Blank lines do not end a bullet (the conversion leaves one after the first line of most
    bullets that run over several lines), so the prose that follows the last bullet of a list
    is recognised by its opening words (PROSE_AFTER_LIST). A paragraph that could be prose (a
    capital letter after a full stop, not "Doelpubliek") but is kept is reported on standard
    error, to be checked by eye.
    """
    lines = [line for line in piece.split("\n") if not URL_LINE.match(line)]
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    for index, paragraph in enumerate(paragraphs):
        if paragraph.strip().startswith(PROSE_AFTER_LIST):
            assert last, f"prose after a bullet that is not the last of its list: {paragraph!r}"
            return join_lines("\n".join(paragraphs[:index])), " ".join(join_lines(p) for p in paragraphs[index:])
        if index and re.search(r"[.!?]\s*$", paragraphs[index - 1]) and re.match(r"\s*[A-Z](?!oelpubliek)", paragraph):
            print(f"kept in its bullet: {join_lines(paragraph)[:70]!r}", file=sys.stderr)
    return join_lines("\n".join(paragraphs)), ""


def extract(text):
    body = text[text.index(SECTION_START) : text.index(SECTION_END)]
    marks = list(SECTION_HEADING.finditer(body))
    ends = [m.start() for m in marks[1:]] + [len(body)]
    lists = [split_list(m.group(1), body[m.start() : end]) for m, end in zip(marks, ends)]
    assert len(lists) == 22, len(lists)
    assert sum(item["bullet_count"] for item in lists) == body.count(BULLET)
    return lists


def main(path):
    with open(path, encoding="utf-8") as handle:
        lists = extract(handle.read())
    document = {
        "document": "wid-report-2022",
        "title": "Women in Digital – Rapport 2022 (FOD Economie)",
        "part": 'section 5 "Bestaande/toekomstige initiatieven"',
        "lists": lists,
    }
    sys.stdout.write(HEADER)
    sys.stdout.write(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} REPORT.txt > data/sources/wid-report-2022-section5.yaml")
    main(sys.argv[1])
