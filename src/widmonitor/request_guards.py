"""Requests refused before their view does any work, or instead of a view's unhelpful answer, saying why.

- **Size.** Django reads a body only when a view or middleware asks for it (``request.POST``,
  the CSRF check among them), and never more than its declared ``Content-Length`` (a body sent
  without one, in chunks, is read as empty). A request declaring more than its view accepts is
  answered 413, nothing of it read: ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB, every form and API
  call), or what ``accepts_upload`` lets a view take.
- **NUL.** No address of the site holds a NUL character (``%00``), which PostgreSQL refuses in
  any text: a path or query string with one is answered 400 before it reaches a query.
- **Back-office list filters.** Django answers a list filter it cannot apply by redirecting to
  the unfiltered list (``?e=1``), which hides why: it is answered 400, naming the filters.

``RequestGuardMiddleware`` sits before the CSRF check, so that its ``process_view`` runs first.
Pages get ``refused.html`` (the back office its own look), the API a JSON ``detail``.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.main import ERROR_FLAG
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _

FORM_ALLOWANCE = 64 * 1024  # an upload's request also carries the form's other fields and the multipart framing
API_PREFIX = "/api/"
ADMIN_PREFIX = "/admin/"


def accepts_upload(limit):
    """Let a view take a request carrying a file of up to ``limit`` bytes."""

    def mark(view):
        view.upload_limit = limit
        return view

    return mark


def megabytes(size):
    """``size`` bytes in MB with one decimal, written as the active language writes numbers."""
    return number_format(size / 1024 / 1024, decimal_pos=1)


def refusal(request, status, title, message, back=""):
    """The answer that refuses ``request``: JSON for the API, a page in the back office's or the site's look
    (with a link ``back`` to where to go on, if given)."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": message}, status=status)
    context = {"title": title, "message": message, "back": back}
    if request.path_info.startswith(ADMIN_PREFIX):
        return render(request, "admin/refused.html", {**admin.site.each_context(request), **context}, status=status)
    return render(request, "refused.html", context, status=status)


def too_large(request, view_func):
    """A 413 answer if the request declares a larger body than ``view_func`` accepts, else None."""
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
    return refusal(request, 413, _("Request too large"), message)


def holds_nul(request):
    """Whether the path or a name or value of the query string holds a NUL character."""
    return "\x00" in request.path_info or any(
        "\x00" in name or "\x00" in value for name, values in request.GET.lists() for value in values
    )


def unreadable_address(request):
    message = _("The address holds a NUL character (%(code)s), which no address of this site has: check the link.") % {
        "code": "%00"
    }
    return refusal(request, 400, _("Address not understood"), message)


def refused_filters(request):
    message = _("The list cannot be filtered by %(filters)s: a name or value there is not one it knows.") % {
        "filters": request.GET.urlencode(safe="=&,"),
    }
    return refusal(request, 400, _("Filter not understood"), message, back=request.path)


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 302 and response.get("Location") == f"{request.path}?{ERROR_FLAG}=1":
            return refused_filters(request)  # the back office's answer to a list filter it could not apply
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if holds_nul(request):
            return unreadable_address(request)
        return too_large(request, view_func)
