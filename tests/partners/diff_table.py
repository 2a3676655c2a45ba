"""A proposal's diff table as a moderator reads it: ``[(label, now, after accepting)]``, with the words marked
removed written ``[-words-]`` and those marked added ``{+words+}``; the words said only to screen readers left out."""

from html.parser import HTMLParser


class DiffTable(HTMLParser):
    MARKS = {"del": ("[-", "-]"), "ins": ("{+", "+}")}

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.inside, self.hidden = [], None, False, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("class") == "wm-diff":
            self.inside = True
        elif not self.inside:
            return
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td") and self.rows:
            self.cell = []
        elif tag in self.MARKS and self.cell is not None:
            self.cell.append(self.MARKS[tag][0])
        elif tag == "span" and attrs.get("class") == "wm-sr":
            self.hidden += 1

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "table":
            self.inside = False
        elif tag in ("th", "td") and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None
        elif tag in self.MARKS and self.cell is not None:
            self.cell.append(self.MARKS[tag][1])
        elif tag == "span" and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if self.cell is not None and not self.hidden:
            self.cell.append(data)


def diff_rows(page):
    """The rows of the page's diff table below its header."""
    parser = DiffTable()
    parser.feed(page)
    return [tuple(row) for row in parser.rows[1:]]
