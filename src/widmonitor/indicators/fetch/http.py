"""The one HTTP wrapper: every request widmonitor sends goes through ``get``.

``get(url)`` returns a ``Response`` for any answer below 500 (the caller decides what a 404 or
a 413 means), retries 5xx answers, timeouts and connection errors with exponential back-off a
bounded number of times, and gunzips a body that starts with the gzip magic bytes whether or
not the server said ``Content-Encoding: gzip`` (Eurostat's ``compressed=true`` does not).
Tests replace ``open_url`` (and ``sleep``) and nothing else.
"""

import gzip
import socket
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from widmonitor.problems import Problem, Problems

GZIP_MAGIC = b"\x1f\x8b"
USER_AGENT = "widmonitor (+https://github.com/; Women in Digital monitor)"
RETRIES = 4
BACKOFF = 2.0  # seconds before the first retry; doubled each time
TIMEOUT = 120

open_url = urllib.request.urlopen
sleep = time.sleep


@dataclass
class Response:
    url: str
    status: int
    headers: dict = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


def get(url, *, retries=RETRIES, backoff=BACKOFF, timeout=TIMEOUT):
    """The answer to a GET of ``url``; ``Problems`` after ``retries`` failed retries."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip"})
    for attempt in range(retries + 1):
        try:
            with open_url(request, timeout=timeout) as answer:
                response = Response(url, answer.status, lower(answer.headers), answer.read())
        except urllib.error.HTTPError as error:
            response = Response(url, error.code, lower(error.headers or {}), error.read() or b"")
        except (urllib.error.URLError, TimeoutError, socket.timeout, ConnectionError) as error:
            reason = str(getattr(error, "reason", error))
            if attempt == retries:
                message = _("no answer from %(url)s after %(count)s attempts (%(reason)s); check the connection or run with --offline")
                raise Problems([Problem("no_answer", message, {"url": url, "count": attempt + 1, "reason": reason})]) from error
            sleep(backoff * 2**attempt)
            continue
        if response.status < 500:
            response.body = decompress(response.body, url)
            return response
        if attempt == retries:
            message = _("%(url)s answered %(status)s after %(count)s attempts (the server has a problem; try again later)")
            raise Problems([Problem("server_error", message, {"url": url, "status": response.status, "count": attempt + 1})])
        sleep(backoff * 2**attempt)
    raise AssertionError("unreachable")


def decompress(body, url):
    """``body``, gunzipped as often as it starts with the gzip magic bytes."""
    while body[:2] == GZIP_MAGIC:
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError, zlib.error) as error:
            message = _("the answer from %(url)s looks gzip-compressed but cannot be decompressed (%(reason)s)")
            raise Problems([Problem("bad_gzip", message, {"url": url, "reason": str(error)})]) from error
    return body


def lower(headers):
    return {str(k).lower(): str(v) for k, v in headers.items()}
