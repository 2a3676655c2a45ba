"""The European Commission's Women in Digital scores for Belgium, as public pages publish them.

Read from ``data/sources/wid-scores.yaml``: per edition (WiD 2019 … WiD 2022) the score, and
where a page gives them the rank, the EU average and the year of the data it is computed from,
each with the page (its address and stored copy in ``data/published_pages``) and the sentence
it is copied from. These are published figures, shown as such beside widmonitor's own
recomputation (``computations.score``), never mixed with it. The whole file reads or nothing.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml

FIGURES = ("score", "rank", "eu_average", "data_year")


@dataclass(frozen=True)
class Page:
    title: str
    url: str
    file: str  # the stored copy in data/published_pages


@dataclass(frozen=True)
class Published:
    value: float
    page: Page
    quote: str
    of: int | None = None  # for a rank: the number of member states ranked


@dataclass(frozen=True)
class Edition:
    edition: int  # as the Commission names it: WiD 2022
    score: Published
    rank: Published | None = None
    eu_average: Published | None = None
    data_year: Published | None = None

    @property
    def pages(self):
        """The pages its figures come from, each once, in the order of ``FIGURES``."""
        figures = (getattr(self, name) for name in FIGURES)
        return list(dict.fromkeys(figure.page for figure in figures if figure))


def path():
    return settings.DATA_DIR / "sources" / "wid-scores.yaml"


@lru_cache(maxsize=4)
def published_scores(file=None):
    """The editions, oldest first; a ``Problems`` naming every mistake of the file."""
    file = file or path()
    reader = Reader(file)
    document = read_yaml(file)
    pages = {}
    for name, item in (document.get("pages") or {}).items():
        where = f"pages.{name}"
        pages[name] = Page(reader.require(item, "title", where) or "", reader.require(item, "url", where) or "",
                           reader.require(item, "page", where) or "")  # fmt: skip
        if pages[name].file and not (settings.DATA_DIR / "published_pages" / pages[name].file).is_file():
            reader.error(where, "missing_file", _("'page' names %(value)s, which is not in %(folder)s"),
                         value=pages[name].file, folder=settings.DATA_DIR / "published_pages")  # fmt: skip
    editions = [edition(reader, item, f"editions[{n}]", pages) for n, item in enumerate(document.get("editions") or [], start=1)]
    reader.raise_if_errors()
    return sorted(editions, key=lambda item: item.edition)


def edition(reader, item, where, pages):
    year = reader.require(item, "edition", where, kind=int)
    figures = {name: published(reader, item.get(name), f"{where}.{name}", pages) for name in FIGURES if item.get(name) is not None}
    if "score" not in figures:
        reader.error(where, "required", _("missing '%(key)s'"), key="score")
    return Edition(edition=year or 0, **figures) if "score" in figures else None


def published(reader, item, where, pages):
    if not isinstance(item, dict):
        reader.error(where, "wrong_type", _("a published figure must be a mapping of value, page and quote"))
        return None
    value = item.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        reader.error(where, "not_a_number", _("'value' must be the number the text states, not %(found)s"), found=repr(value))
    page = reader.require(item, "page", where)
    if page and page not in pages:
        reader.error(where, "unknown_page", _("the page '%(value)s' is not one of 'pages'"), value=page)
    return Published(float(value or 0), pages.get(page), reader.require(item, "quote", where) or "", item.get("of"))
