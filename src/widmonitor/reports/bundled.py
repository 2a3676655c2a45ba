"""The bundled prose and meetings of past editions (``data/reports/<year>/``), loaded into the database.

A text block or meeting that exists already is kept as it is: a reload never overwrites what
the working group edited in the back office.
"""

import datetime
import re

from django.conf import settings
from django.db import transaction

from widmonitor.datafiles import read_yaml

from .models import Meeting, TextBlock
from .sections import PROSE_KEYS

PROSE_FILE = re.compile(r"^(?P<section>[a-z_]+)\.(?P<language>[a-z]{2,8})\.md$")


def folder():
    return settings.DATA_DIR / "reports"


def load_bundled(root=None):
    """Load every year's prose and meetings; returns ``(text blocks created, meetings created)``."""
    root = root or folder()
    blocks = meetings = 0
    with transaction.atomic():
        for year_dir in sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit()):
            year = int(year_dir.name)
            for path in sorted(year_dir.glob("*.md")):
                match = PROSE_FILE.match(path.name)
                if match and match["section"] in PROSE_KEYS:
                    _block, created = TextBlock.objects.get_or_create(
                        year=year, section=match["section"], language=match["language"],
                        defaults={"text": path.read_text(encoding="utf-8").strip()},
                    )  # fmt: skip
                    blocks += created
            meetings += load_meetings(year_dir / "meetings.yaml")
    return blocks, meetings


def load_meetings(path):
    if not path.is_file():
        return 0
    created = 0
    for item in read_yaml(path).get("meetings") or []:
        date = item["date"] if isinstance(item["date"], datetime.date) else datetime.date.fromisoformat(item["date"])
        _meeting, new = Meeting.objects.get_or_create(
            date=date, kind=item.get("kind", Meeting.Kind.WORKING_GROUP),
            defaults={"participants": item.get("participants"), "original_language": "nl"},
        )  # fmt: skip
        created += new
    return created
