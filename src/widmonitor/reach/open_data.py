"""The reach as open data: per published initiative and year, the accepted counts and the share computed from them.

Only what the portal shows already (``Outcome.objects.public()``): no outcome waiting for or refused by a
moderator, no initiative that is not published, and of each outcome only counts, the computed share and the
kind of source; not the partner's note on the source, who entered it or who decided. CSV is UTF-8 with a byte
order mark; ``semicolon.csv`` the same for spreadsheets set to Belgian Dutch or French (semicolons, a decimal
comma); JSON keeps the column codes as keys whatever the header row.
"""

import csv
import io
import json

from django.utils.translation import gettext_lazy as _

from widmonitor.initiatives.safe_xlsx import RISKY_FIRST_CHARACTERS
from widmonitor.opendata.headers import header_row

from .models import Outcome

COLUMNS = ("initiative", "title", "year", "participants", "women_and_girls", "women_share", "sessions", "source_kind")
LABELS = {
    "initiative": _("Initiative (identifier)"), "title": _("Title"), "year": _("Year"), "participants": _("Participants"),
    "women_and_girls": _("Women and girls"), "women_share": _("Share of women and girls"),
    "sessions": _("Sessions or editions"), "source_kind": _("Kind of source (code)"),
}  # fmt: skip


def rows(language):
    """``{column: value}`` per public outcome, by initiative then year; the title in ``language`` (else the original)."""
    outcomes = Outcome.objects.public().select_related("initiative").order_by("initiative__uid", "year")
    for outcome in outcomes:
        share = outcome.women_share
        yield {
            "initiative": outcome.initiative.uid,
            "title": outcome.initiative.text("title", language).text,
            "year": outcome.year,
            "participants": outcome.participants,
            "women_and_girls": outcome.women_and_girls,
            "women_share": None if share is None else round(share, 4),
            "sessions": outcome.sessions,
            "source_kind": outcome.source_kind,
        }


def csv_cell(value, decimal):
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", decimal)
    return "'" + value if isinstance(value, str) and value.startswith(RISKY_FIRST_CHARACTERS) else value


def write_csv(language, headers, delimiter=",", decimal="."):
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter)
    writer.writerow(header_row(COLUMNS, LABELS, headers))
    for row in rows(language):
        writer.writerow(csv_cell(row[column], decimal) for column in COLUMNS)
    return stream.getvalue().encode("utf-8-sig")


def write_semicolon_csv(language, headers):
    return write_csv(language, headers, delimiter=";", decimal=",")


def write_json(language, headers):
    items = list(rows(language))
    labels = {column: str(LABELS[column]) for column in COLUMNS}
    document = {"language": language, "count": len(items), "columns": list(COLUMNS), "labels": labels, "reach": items}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


FORMATS = {
    "csv": ("text/csv; charset=utf-8", write_csv),
    "semicolon.csv": ("text/csv; charset=utf-8", write_semicolon_csv),
    "json": ("application/json", write_json),
}
