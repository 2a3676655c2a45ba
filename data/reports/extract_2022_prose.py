"""Run once, by hand, on the text version of the 2022 report: writes the Dutch prose of its sections.

    python data/reports/extract_2022_prose.py REPORT.txt data/reports/2022

Not run by widmonitor or the tests. See README.md for the rules; the line ranges below are
those of the text version the registry was extracted from (data/sources/README.md).
"""

import re
import sys
from pathlib import Path

# section -> ([(first line, last line)], subheading lines), 1-based, inclusive
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
BARE_URL = re.compile(r"^https?://\S+$")
FOOTNOTE = re.compile(r"^(\d)(https?://\S+)$")


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
            if bullet and following[:1].islower():
                continue  # the conversion leaves a blank line inside a wrapped bullet
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


def main(source, target):
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    Path(target).mkdir(parents=True, exist_ok=True)
    for section, (ranges, headings) in RANGES.items():
        parts = []
        for first, last in ranges:
            parts += blocks(lines[first - 1 : last], headings)
        text = ""
        for part in parts:
            same_list = part.startswith("- ") and text.endswith("\n") is False and text.rsplit("\n", 1)[-1].startswith("- ")
            text += ("\n" if same_list else "\n\n" if text else "") + part
        (Path(target) / f"{section}.nl.md").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
