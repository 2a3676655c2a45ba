"""Run once, by hand, on the text version of the 2022 report: writes the Dutch prose of its sections.

    python data/reports/extract_2022_prose.py REPORT.txt data/reports/2022

Not run by widmonitor or the tests. See README.md for the rules; the line ranges below are
those of the text version the registry was extracted from (data/sources/README.md). Running it
again writes the same files (it overwrites only the Dutch ones, ``<section>.nl.md``).
"""

import re
import sys
from pathlib import Path

# section -> ([(first line, last line)], subheading lines), 1-based, inclusive. The ranges of a
# section are read as one text, a blank line between them: they leave out what a page prints
# between two parts of the section (captions, a table's source, a footer's footnotes and links).
RANGES = {
    "foreword": ([(3, 45)], []),
    "introduction": (
        [(47, 135)],
        ["A. Europees niveau", "Women in Digital Scoreboard", "EU-doelstelling", "B. Op Belgisch niveau"],
    ),
    "situation": ([(137, 146)], []),
    "strategy": ([(254, 272)], []),
    "follow_up": ([(423, 427), (506, 510)], []),
    "initiatives": ([(512, 525)], []),
    "next_steps": ([(1341, 1356)], []),
    "conclusion": ([(1359, 1370)], []),
}
# subsection -> ((first, last) line of its heading, [(first line, last line)] of its text), as above.
# Sections 2 and 3 print a numbered heading over each subsection; the file starts with it as a
# subheading ("## "), without the edition's number. Not copied: the captions of tables and
# figures ("Tabel 1. ...", "Figuur 2. ...") and the "Bron: ..." line under each.
SUBSECTIONS = {
    "situation.1": ((148, 148), [(149, 159)]),
    "situation.2": ((165, 165), [(166, 175)]),
    "situation.3": ((181, 181), [(188, 199), (202, 212)]),  # 202-212: the text beside figure 1
    "situation.4": ((216, 216), [(223, 229)]),
    "situation.5": ((230, 230), [(231, 250)]),
    "strategy.1": ((274, 275), [(277, 299)]),
    "strategy.2": ((301, 303), [(305, 307), (311, 324), (370, 370)]),  # 370: its footnote 3, printed on 3.4's page
    "strategy.3": ((326, 327), [(329, 355)]),
    "strategy.4": ((357, 357), [(358, 368), (373, 388), (418, 418)]),  # 369-372: footnote 3 and a link; 418: footnote 4
    "strategy.5": ((390, 391), [(393, 416)]),
}
BARE_URL = re.compile(r"^https?://\S+$")
FOOTNOTE = re.compile(r"^(\d) ?(https?://\S+)$")
NUMBER = re.compile(r"^\d\.\d\.\s*")  # "2.1. " before a subsection's heading


def join(lines):
    """Lines of one paragraph as one line: a hyphen at a line's end joins the next word, unless 'en'/'of' follows."""
    text = ""
    for line in lines:
        if text.endswith("-") and not re.match(r"^(en|of)\b", line):
            text += line
        else:
            text = f"{text} {line}" if text else line
    return re.sub(r"\s+", " ", text).strip()


def blocks(lines, headings):
    """Paragraphs, bullets ('- ') and subheadings ('## ') of the section's lines; footnotes last."""
    out, footnotes, current, bullet = [], [], [], False

    def flush():
        nonlocal current, bullet
        if current:
            out.append(("- " if bullet else "") + join(current))
        current, bullet = [], False

    for index, raw in enumerate(lines):
        line = raw.strip()
        following = next((l.strip() for l in lines[index + 1 :] if l.strip()), "")
        if not line:
            if current and following[:1].islower():
                continue  # a blank line inside a wrapped bullet, or a page break inside a paragraph
            flush()
            continue
        if BARE_URL.match(line):
            continue  # the target of a link in the PDF, printed again at the foot of the page
        footnote = FOOTNOTE.match(line)
        if footnote:
            flush()
            footnotes.append([f"{footnote.group(1)} {footnote.group(2)}"])
            continue
        if footnotes and not current and footnotes[-1][-1].endswith("-"):
            footnotes[-1].append(line)  # a footnote's address broken across lines
            continue
        if line in headings:
            flush()
            out.append(f"## {line}")
            continue
        if line.startswith("• "):
            flush()
            bullet = True
            line = line[2:]
        current.append(line)
    flush()
    return out + ["".join(parts) for parts in footnotes]


def text_of(lines, ranges, headings=()):
    """The prose of the given line ranges, read as one text with a blank line between two ranges."""
    selected = []
    for first, last in ranges:
        selected += [*lines[first - 1 : last], ""]
    text = ""
    for part in blocks(selected, headings):
        same_list = part.startswith("- ") and text.endswith("\n") is False and text.rsplit("\n", 1)[-1].startswith("- ")
        text += ("\n" if same_list else "\n\n" if text else "") + part
    return text


def heading_of(lines, first, last):
    """A subsection's heading as a subheading line, its number left out: "## Internetgebruik: frequentie"."""
    return "## " + NUMBER.sub("", join([line.strip() for line in lines[first - 1 : last]]))


def main(source, target):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    Path(target).mkdir(parents=True, exist_ok=True)
    texts = {section: text_of(lines, ranges, headings) for section, (ranges, headings) in RANGES.items()}
    for section, ((first, last), ranges) in SUBSECTIONS.items():
        texts[section] = heading_of(lines, first, last) + "\n\n" + text_of(lines, ranges)
    for section, text in texts.items():
        (Path(target) / f"{section}.nl.md").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
