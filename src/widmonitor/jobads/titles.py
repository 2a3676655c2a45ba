"""The gender marker of a vacancy's title, and job titles given only in their masculine form.

The *title* is the text's first non-empty line. A gender marker is "(m/v/x)", "(h/f/x)", "(m/f/x)"
or an equivalent: two to four of the letters m, h (homme), f, v (vrouw), w (weiblich), x and d
(divers), separated by "/", "-" or ",", in brackets or not, naming at least a man and a woman or
"x"; or "(all genders)". A marker without "x" leaves out non-binary people (Taalunie).

A masculine title ("développeur", "verkoper") is masculine-only unless the text also gives an
inclusive form of it: its feminine form anywhere ("développeuse"), a feminine ending written
onto it ("développeur·euse", "ingénieur(e)", "directeur/rice"), or a gender marker
after it on the same line ("verkoper (m/v/x)"). The marker does not count where the list says so
(French: the Fédération Wallonie-Bruxelles advises against "un mécanicien (H/F)" and asks for the
feminine form in full).
"""

import re

MARKER = re.compile(
    r"(?<!\w)\(?\s*(?P<letters>[mhfvwxd](?:\s*[/,\-]\s*[mhfvwxd]){1,3})\s*\)?(?!\w)|\(\s*all\s+genders\s*\)"
)
FEMININE_ENDING = re.compile(r"(?:\s*[·•∙\-‐/(]\s*|\.)(\w+)")
LINE_END = re.compile(r"[\r\n]")


def marker_in(folded_text, start=0, end=None):
    """The first gender marker in ``folded_text[start:end]``."""
    end = len(folded_text) if end is None else end
    return next((found for found in MARKER.finditer(folded_text, start, end) if _is_marker(found)), None)


def _is_marker(found):
    letters = set(re.sub(r"[^a-z]", "", found.group("letters") or "x"))
    return "x" in letters or bool(letters & {"m", "h"} and letters & {"f", "v", "w"})


def names_x(found):
    """Whether a marker names non-binary people too ("x", "d" or "all genders")."""
    letters = found.group("letters")
    return letters is None or "x" in letters or "d" in letters


def title_span(folded_text):
    """Start and end of the first non-empty line."""
    for line in re.finditer(r"[^\r\n]+", folded_text):
        if line.group().strip():
            return line.start(), line.end()
    return 0, 0


def has_inclusive_form(folded_text, end, feminine_forms, marker_counts=True):
    """Whether the masculine title ending at ``end`` carries a feminine ending, or (if ``marker_counts``) a marker later on its line."""
    ending = FEMININE_ENDING.match(folded_text, end)
    if ending and any(form.endswith(ending.group(1)) for form in feminine_forms):
        return True
    if not marker_counts:
        return False
    line_end = LINE_END.search(folded_text, end)
    return marker_in(folded_text, end, line_end.start() if line_end else len(folded_text)) is not None


def masculine_only(folded_text, words):
    """``(match, title index)`` of every masculine title the text gives in no inclusive form."""
    if words.masculine_titles is None:
        return []
    with_feminine = set()
    if words.feminine_titles is not None:
        with_feminine = {int(found.lastgroup[1:]) for found in words.feminine_titles.finditer(folded_text)}
    found = []
    for match in words.masculine_titles.finditer(folded_text):
        index = int(match.lastgroup[1:])
        title = words.titles[index]
        if index in with_feminine or has_inclusive_form(folded_text, match.end(), title.feminine_forms, words.marker_makes_title_inclusive):
            with_feminine.add(index)  # one inclusive mention covers the title's other mentions
            continue
        found.append((match, index))
    return [(match, index) for match, index in found if index not in with_feminine]
