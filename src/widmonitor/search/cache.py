"""Repeated searches from the cache, never stale: keys carry the index's generation.

``index.refresh`` moves the generation on in the same transaction as the index, so a page
cached before a record was published or edited is simply never asked for again (and expires).
"""

import hashlib
from contextvars import ContextVar
from functools import wraps

from django.core.cache import cache
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone

from .models import Generation

TIMEOUT = 10 * 60  # seconds; correctness does not depend on it
ROW = 1
_this_request = ContextVar("widmonitor_search_generation", default=None)


def generation():
    """The index's state as a key part: a database made afresh starts a new epoch, so no old key matches.

    It names the day too: the status shown (``facets.status_token``) follows the dates, so a
    page or a snapshot of yesterday is not served today. Read once per cached page: the page's
    key and the snapshot that computes it agree.
    """
    known = _this_request.get()
    if known is not None:
        return known
    row = Generation.objects.filter(pk=ROW).values_list("epoch", "number").first()
    return f"{row[0]}:{row[1]}:{timezone.localdate().isoformat()}" if row else f"none:{timezone.localdate().isoformat()}"


def move_on():
    """Called by the index after every change."""
    if not Generation.objects.filter(pk=ROW).update(number=F("number") + 1):
        Generation.objects.get_or_create(pk=ROW, defaults={"number": 1})


def cached_page(view):
    """Serve a public GET page from the cache, keyed by generation, language and full path."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        now = generation()
        path = f"{now}|{request.LANGUAGE_CODE}|{request.get_full_path()}"
        key = "widmonitor:page:" + hashlib.sha256(path.encode()).hexdigest()
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            return HttpResponse(content, content_type=content_type)
        token = _this_request.set(now)
        try:
            response = view(request, *args, **kwargs)
        finally:
            _this_request.reset(token)
        if response.status_code == 200 and not response.cookies:
            cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
        return response

    return wrapper
