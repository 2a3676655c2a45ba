"""The prose of a text block as HTML: paragraphs, bullets and subheadings, everything else escaped.

The markup is deliberately tiny: a blank line separates paragraphs, a line starting with "- "
is a bullet, one starting with "## " a subheading. No HTML passes through; web addresses
become links (``urlize`` escapes the rest).
"""

from django.utils.html import format_html, format_html_join, urlize
from django.utils.safestring import mark_safe


def blocks(text):
    """``[(kind, content)]``: ("p", text), ("h", text) or ("ul", [items]) in order."""
    found = []
    for chunk in (text or "").replace("\r\n", "\n").split("\n\n"):
        paragraph, items = [], None
        for line in (line.strip() for line in chunk.split("\n")):
            if not line:
                continue
            if line.startswith(("## ", "- ")) and paragraph:
                found.append(("p", " ".join(paragraph)))
                paragraph = []
            if line.startswith("## "):
                items = None
                found.append(("h", line[3:].strip()))
            elif line.startswith("- "):
                if items is None:
                    items = []
                    found.append(("ul", items))
                items.append(line[2:].strip())
            else:
                items = None
                paragraph.append(line)
        if paragraph:
            found.append(("p", " ".join(paragraph)))
    return found


def linked(text):
    return mark_safe(urlize(text, autoescape=True))  # noqa: S308  (urlize escapes everything but its links)


def to_html(text, heading_level=3):
    """Safe HTML of ``text``; subheadings at ``heading_level``."""
    parts = []
    for kind, content in blocks(text):
        if kind == "h":
            parts.append(format_html("<h{0}>{1}</h{0}>", heading_level, content))
        elif kind == "ul":
            parts.append(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((linked(item),) for item in content))))
        else:
            parts.append(format_html("<p>{}</p>", linked(content)))
    return mark_safe("\n".join(parts))  # noqa: S308  (every part built by format_html)
