"""The bundled texts of the site pages (``data/pages/``), for the pages that have none yet.

A file ``<kind>.<language>.md`` holds one page in one language: its first line ``# Title``, then
the text in the site's small markup (``reports.markup``). ``data/pages/pages.yaml`` names the
language the texts were written in. A page that exists is never touched: its texts are the
operator's, edited in the back office.
"""

from dataclasses import dataclass

import yaml
from django.conf import settings
from django.db import transaction

from widmonitor.languages import content_codes

from .models import SitePage


class PageFileError(ValueError):
    """A bundled page file that cannot be read as a page: names the file and what was expected."""


@dataclass
class Loaded:
    created: list
    kept: list


def read_page(path):
    """``(title, body)`` of one page file."""
    first, _, body = path.read_text(encoding="utf-8").partition("\n")
    if not first.startswith("# ") or not first[2:].strip():
        raise PageFileError(f"{path.name}, line 1: expected the page's title as '# Title', found {first[:60]!r}.")
    if not body.strip():
        raise PageFileError(f"{path.name}: the page has a title but no text.")
    return first[2:].strip(), body.strip() + "\n"


def bundled_texts(folder):
    """``{kind: (original language, {field: {language: text}})}`` of every page that has files in ``folder``."""
    original = yaml.safe_load((folder / "pages.yaml").read_text(encoding="utf-8"))["original_language"]
    texts = {}
    for kind in SitePage.Kind.values:
        titles, bodies = {}, {}
        for code in content_codes():
            path = folder / f"{kind}.{code}.md"
            if path.exists():
                titles[code], bodies[code] = read_page(path)
        if titles:
            if original not in titles:
                raise PageFileError(f"{kind}.{original}.md: the original of the page '{kind}' is missing.")
            texts[kind] = (original, {"title": titles, "body": bodies})
    return texts


def load_site_pages(folder=None):
    """Create the pages that do not exist yet from the bundled texts; all or nothing."""
    texts = bundled_texts(folder or settings.DATA_DIR / "pages")
    loaded = Loaded(created=[], kept=[])
    with transaction.atomic():
        existing = set(SitePage.objects.values_list("kind", flat=True))
        for kind, (original, fields) in texts.items():
            if kind in existing:
                loaded.kept.append(kind)
                continue
            page = SitePage(kind=kind, original_language=original, **fields)
            page._change_reason = "Bundled text (data/pages)"
            page.save()
            loaded.created.append(kind)
    return loaded
