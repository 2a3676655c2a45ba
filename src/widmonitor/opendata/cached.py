"""The serialised catalogue, built once per change of what it describes, and its ETag.

Building it reads every dataset (some twenty queries) and serialises a graph of a few thousand triples:
about half a second (``benchmarks/catalogue_bench.py``), which a harvester polling it, or anyone, could
make the site spend again and again. ``datasets.fingerprint()`` asks, in a few aggregate queries, what
changed; the last document of each format and site address is kept in this process and served as long
as the fingerprint (with the settings it reads: licence, contact) is the same, so a dataset that changes
makes the next request rebuild it; no signal to wire, nothing another process must invalidate. Each
worker keeps its own copy (a few hundred kB), which a restart (a new version of the code) empties.
The fingerprint is also the response's ``ETag``: a harvester that sends ``If-None-Match`` gets
``304 Not Modified`` without a body.
"""

import hashlib
import threading

from django.conf import settings

from .datasets import fingerprint

_kept = {}  # {(format, base): (key, document)}
_lock = threading.Lock()


def catalogue_key(base):
    """A short hash of what the catalogue of site ``base`` is made of now."""
    made_of = repr((fingerprint(), base, settings.CONTACT, settings.DATA_LICENCE, settings.LANGUAGES))
    return hashlib.sha256(made_of.encode("utf-8")).hexdigest()[:32]


def catalogue_document(key, base, fmt, build):
    """The catalogue of ``base`` as ``fmt`` (turtle, json-ld): kept while its ``catalogue_key`` is ``key``, else
    ``build()`` (→ str) and kept."""
    kept = _kept.get((fmt, base))
    if kept and kept[0] == key:
        return kept[1]
    document = build()
    with _lock:
        _kept[(fmt, base)] = (key, document)
    return document


def forget():
    """Drop every kept document (the benchmark measures the build with it)."""
    _kept.clear()
