"""The result as a PDF, in the reader's language: built from the answers she posts, never stored.

Rendered as the annual report's PDF is (``reports.render.render_pdf``): an HTML document with its
style inside, made a tagged PDF (PDF/UA-1) with its language set by WeasyPrint. It loads nothing
from outside: every address it would fetch is refused.
"""

from django.template.loader import render_to_string
from django.utils import timezone

PDF_VARIANT = "pdf/ua-1"  # as reports.render's (not imported: the report may come to show the self-check's figures)
TEMPLATE = "selfcheck/result_pdf.html"


class NothingFetched(ValueError):
    """The PDF asked for an outside resource; its template holds none."""


def refuse(url):
    raise NothingFetched(url)


def result_pdf(result, language, fitting=()):
    """The PDF's bytes of ``result`` (a scoring.Result), in the active interface ``language``.

    ``fitting``: ``[(match, address)]``, the initiatives that fit as the result page shows them, each with its page's address.
    """
    from weasyprint import HTML  # noqa: PLC0415  (loads pango; only the PDF needs it)

    html = render_to_string(TEMPLATE, {"result": result, "language": language, "date": timezone.localdate(), "fitting": fitting})
    return HTML(string=html, url_fetcher=refuse).write_pdf(pdf_variant=PDF_VARIANT)
