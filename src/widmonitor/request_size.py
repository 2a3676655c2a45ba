"""Requests refused by the size they declare, before a byte of their body is read.

Django reads a body only when a view or middleware asks for it (``request.POST``, the CSRF
check among them), and never more than its declared ``Content-Length`` (a body sent without
one, in chunks, is read as empty). So ``RequestSizeMiddleware``, placed before the CSRF check,
answers 413 to a request declaring more than its view accepts, and nothing of it is read,
stored or parsed. A view accepts Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB: every form
and API call), unless ``accepts_upload`` lets it take a file of up to ``limit`` bytes.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _

FORM_ALLOWANCE = 64 * 1024  # an upload's request also carries the form's other fields and the multipart framing


def accepts_upload(limit):
    """Let a view take a request carrying a file of up to ``limit`` bytes."""

    def mark(view):
        view.upload_limit = limit
        return view

    return mark


def megabytes(size):
    """``size`` bytes in MB with one decimal, written as the active language writes numbers."""
    return number_format(size / 1024 / 1024, decimal_pos=1)


class RequestSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        upload_limit = getattr(view_func, "upload_limit", None)
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE if upload_limit is None else upload_limit
        allowance = 0 if upload_limit is None else FORM_ALLOWANCE
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0  # Django reads an unreadable length as no body
        if declared <= limit + allowance:
            return None
        message = _(
            "The request is %(size)s MB, more than the %(limit)s MB this page accepts; nothing of it was read or saved."
        ) % {"size": megabytes(declared), "limit": megabytes(limit)}
        if request.resolver_match.namespace == "api":
            return JsonResponse({"detail": message}, status=413)
        return render(request, "413.html", {"message": message}, status=413)
