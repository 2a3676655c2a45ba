"""The bundled prose, meetings and supporting organisations of past editions (``data/reports/<year>/``), loaded
into the database.

A text block, meeting or supporter that exists already is kept as it is: a reload never overwrites what
the working group edited in the back office. A year's ``prose.yaml`` names the language of the
edition's own text (``original_language``); a prose file in another language is loaded as a
translation of it.
"""

import datetime
import re

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, file_problem, read_yaml
from widmonitor.actors.models import Organisation
from widmonitor.languages import content_codes

from .models import Meeting, Supporter, TextBlock
from .report import PublishedEdition
from .sections import PROSE_KEYS

PROSE_FILE = re.compile(r"^(?P<section>[a-z_]+(?:\.\d+)?)\.(?P<language>[a-z]{2,8})\.md$")  # situation.1.nl.md


def folder():
    return settings.DATA_DIR / "reports"


def load_bundled(root=None):
    """Load every year's prose, meetings and supporters; returns ``(text blocks, meetings, supporters)`` created."""
    root = root or folder()
    blocks = meetings = supporters = 0
    with transaction.atomic():
        for year_dir in sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit()):
            blocks += load_prose(year_dir)
            meetings += load_meetings(year_dir / "meetings.yaml")
            supporters += load_supporters(year_dir / "supporting.yaml")
    return blocks, meetings, supporters


def load_prose(year_dir):
    """The year's ``<section>.<language>.md`` files as text blocks; returns how many were created."""
    paths = [(path, PROSE_FILE.match(path.name)) for path in sorted(year_dir.glob("*.md"))]
    paths = [(path, match) for path, match in paths if match and match["section"] in PROSE_KEYS]
    if not paths:
        return 0
    original = original_language(year_dir / "prose.yaml")
    created = 0
    for path, match in paths:
        _block, new = TextBlock.objects.get_or_create(
            year=int(year_dir.name), section=match["section"], language=match["language"],
            defaults={"text": path.read_text(encoding="utf-8").strip(), "is_translation": match["language"] != original},
        )  # fmt: skip
        created += new
    return created


def original_language(path):
    """The ``original_language`` a year's ``prose.yaml`` names: a content language."""
    language = read_yaml(path).get("original_language")
    if language not in content_codes():
        raise file_problem(
            path, "unknown_language", _("original_language: expected one of %(expected)s, not %(value)s"),
            expected=", ".join(content_codes()), value=language,
        )  # fmt: skip
    return language


def published_edition(year, root=None):
    """The year's edition as it was published outside widmonitor (``<year>/edition.yaml``), or None."""
    path = (root or folder()) / str(year) / "edition.yaml"
    if not path.is_file():
        return None
    reader = Reader(path)
    item = read_yaml(path)
    edition = PublishedEdition(
        document=reader.require(item, "document", "edition") or "",
        title=reader.require(item, "title", "edition") or "",
        publisher=reader.require(item, "publisher", "edition") or "",
        language=reader.require(item, "language", "edition") and reader.language(item, "language", "edition", ""),
    )
    reader.raise_if_errors()
    return edition


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


def load_supporters(path):
    """The organisations an edition lists as supporting the strategy, as supporters since its ``since`` year;
    every identifier must be an organisation of the registry. Returns how many supporters were created."""
    if not path.is_file():
        return 0
    reader = Reader(path)
    data = read_yaml(path)
    source = reader.require(data, "source", "supporting") or ""
    since = reader.require(data, "since", "supporting", kind=int)
    items = data.get("organisations") if isinstance(data, dict) else None
    if not isinstance(items, list):
        reader.error("organisations", "required", _("expected a list of organisations under 'organisations'"))
        items = []
    slugs = [reader.require(item, "organisation", f"organisations[{n}]") for n, item in enumerate(items, start=1)]
    known = Organisation.objects.in_bulk([slug for slug in slugs if slug], field_name="slug")
    for n, slug in enumerate(slugs, start=1):
        if slug and slug not in known:
            reader.error(f"organisations[{n}]", "unknown_organisation", _("no organisation '%(value)s' in the registry"), value=slug)
    reader.raise_if_errors()
    created = 0
    for slug in slugs:
        _supporter, new = Supporter.objects.get_or_create(organisation=known[slug], defaults={"since": since, "source": source})
        created += new
    return created
