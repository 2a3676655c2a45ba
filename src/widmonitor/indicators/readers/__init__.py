"""Read a Eurostat data file of any format widmonitor knows into normalised rows.

``read(path)``, or ``parse(raw, name)`` of bytes already in memory, picks the reader by the
content, never by the file's name; each format is a folder of the same shape
(``<format>/reader.py`` with ``sniff(first_line)`` and ``read(path, raw, dataset)``, ``path``
naming the file in problems). The rows are described in ``rows.py``. A file with any problem
raises ``Problems`` listing all of them and yields nothing.
"""

import re
from pathlib import Path

import polars as pl
from django.utils.translation import gettext_lazy as _

from widmonitor.problems import Problems

from . import jsonstat, label_csv, sdmx_csv, tidy_extract, tsv
from .rows import COLUMNS, problem

LEADING_SPACE = re.compile(rb"\s*")
FORMATS = (jsonstat, tsv, sdmx_csv, label_csv, tidy_extract)  # the first whose sniff() says yes

__all__ = ["COLUMNS", "parse", "read"]


def read(path, dataset=None):
    """Normalised rows of the file at ``path``.

    ``dataset`` (a Eurostat code such as ``isoc_sks_itsps``) is needed for the formats that
    do not name their dataset (TSV, the label CSV export) and overrides nothing otherwise.
    """
    path = Path(path)
    return parse(read_bytes(path), path, dataset)


def parse(raw, name, dataset=None):
    """Normalised rows of the bytes ``raw`` of a data file; its problems name the file ``name``
    (a path or a file name, as the user knows it). ``dataset`` as for ``read``."""
    raw = check_text(raw, name)
    first_line = leading_line(raw).decode("utf-8").strip()
    for fmt in FORMATS:
        if fmt.sniff(first_line):
            try:
                return fmt.read(name, raw, dataset)
            except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as error:
                message = _("the file cannot be read as %(format)s (%(problem)s)")
                first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                raise Problems([problem(name, "unreadable", message, format=fmt.NAME, problem=first)]) from error
    message = _(
        "not a format widmonitor reads (expected Eurostat TSV, SDMX-CSV, JSON-stat 2.0, "
        "the label CSV export or the tidy digital-skills extract)"
    )
    raise Problems([problem(name, "unknown_format", message, line=1)])


def read_bytes(path):
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise Problems([problem(path, "missing_file", _("file not found"))]) from error
    except IsADirectoryError as error:
        raise Problems([problem(path, "not_a_file", _("a folder, not a file (expected a Eurostat data file)"))]) from error


def check_text(raw, name):
    """``raw`` without a byte order mark, once it is known to be UTF-8 text that is not blank."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    if not raw or raw.isspace():
        raise Problems([problem(name, "empty_file", _("the file is empty (expected a Eurostat data file)"))])
    if raw.isascii():  # ASCII is UTF-8: a large file is not decoded (copied) just to be checked
        return raw
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise Problems([problem(name, "not_utf8", _("not UTF-8 text (expected a Eurostat data file)"), line=line)]) from error
    return raw


def leading_line(raw):
    """The first line that is not blank, without copying the rest of a large file."""
    start = LEADING_SPACE.match(raw).end()
    end = raw.find(b"\n", start)
    return raw[start: end if end >= 0 else len(raw)]
