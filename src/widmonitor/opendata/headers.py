"""The header row of a download: the columns' names in the page's language, what a person reads in a
spreadsheet (``Deelnemers``, ``Participants``); or, with ``?headers=codes``, the stable codes a script reads
(``participants``), the same in every language and the keys of the JSON and of the API.
"""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

LABELS = "labels"
CODES = "codes"


class UnknownHeaders(ValueError):
    """``?headers=`` names neither ``labels`` nor ``codes``."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value

    @property
    def message(self):
        return _('"%(value)s" is not a kind of header row (expected labels, in the page\'s language, or codes).') % {"value": self.value}


def refusal(error):
    """The answer to an unknown ``?headers=``: 400, with the sentence saying what it accepts."""
    return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")


def chosen(params):
    """``LABELS`` (the default) or ``CODES``, from a request's query parameters."""
    value = params.get("headers", LABELS)
    if value not in (LABELS, CODES):
        raise UnknownHeaders(value)
    return value


def header_row(codes, labels, kind):
    """The header cells of columns ``codes``; ``labels``: ``{code: label in the active language}``."""
    return list(codes) if kind == CODES else [str(labels[code]) for code in codes]
