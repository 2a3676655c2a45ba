from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static

from widmonitor.languages import language_name
from widmonitor.reports.markup import to_html

from .models import SitePage


def page(request, kind):
    site_page = SitePage.objects.filter(kind=kind).first()
    if site_page is None:
        raise Http404("No such page.")
    body = site_page.text("body")
    return render(
        request,
        "sitepages/page.html",
        {
            "page": site_page,
            "title": site_page.text("title").text,
            "body": to_html(body.text, heading_level=2),
            "body_text": body,
            "body_language": language_name(body.language),
            "contact": settings.CONTACT,
        },
    )


def favicon(request):
    """``/favicon.ico``, which browsers and feed readers ask for whatever the page says: the site's icon."""
    return redirect(static("widmonitor/favicon.svg"))
