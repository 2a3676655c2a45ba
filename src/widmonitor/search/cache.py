"""Repeated searches from the cache, never stale: keys carry the index's generation.

``index.refresh`` moves the generation on in the same transaction as the index, so a page
cached before a record was published or edited is simply never asked for again (and expires).
Each generation logs the initiatives it changed (``Change``): a worker that holds generation N
reads the changes after N and applies them, instead of reading the whole index again.
"""

import hashlib
from contextvars import ContextVar
from functools import wraps

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone

from .models import Change, Generation

TIMEOUT = 10 * 60  # seconds; correctness does not depend on it
ROW = 1
CHANGES_KEPT = 5000  # generations whose changes stay logged; a worker further behind reads the whole index
STATE_SQL = f"SELECT epoch, number FROM {Generation._meta.db_table} WHERE id = %s"  # noqa: S608  (no user input)
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
    return ":".join(str(part) for part in state())


def state():
    """``(epoch, number, day)`` of the index now.

    Read on every search and every cached page, so in plain SQL: the ORM's query building cost
    more than the query (a third of a cached page's time).
    """
    with connection.cursor() as cursor:
        cursor.execute(STATE_SQL, [ROW])
        row = cursor.fetchone() or ("none", 0)
    return row[0], row[1], timezone.localdate().isoformat()


def parse(generation):
    epoch, number, day = generation.split(":")
    return epoch, int(number), day


@transaction.atomic
def move_on(pks=None):
    """Called by the index after every change, with the initiatives changed (None: any of them)."""
    if not Generation.objects.filter(pk=ROW).update(number=F("number") + 1):
        Generation.objects.get_or_create(pk=ROW, defaults={"number": 1})
    number = Generation.objects.filter(pk=ROW).values_list("number", flat=True).get()  # ours: the row is locked
    pks = [None] if pks is None else sorted(set(pks)) or [None]
    Change.objects.bulk_create([Change(number=number, initiative_id=pk) for pk in pks], batch_size=1000)
    Change.objects.filter(number__lte=number - CHANGES_KEPT).delete()


def changes(after, upto):
    """``{number: [initiative id or None]}`` logged in the generations after ``after`` up to ``upto``."""
    found = {}
    for number, pk in Change.objects.filter(number__gt=after, number__lte=upto).values_list("number", "initiative_id"):
        found.setdefault(number, []).append(pk)
    return found


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
