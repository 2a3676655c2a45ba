"""``/catalog.ttl`` and ``/catalog.jsonld``: the DCAT-AP 3 catalogue, as Turtle and as JSON-LD.

Both are kept until a dataset changes and carry an ETag (``cached.py``): a conditional GET is answered 304.
"""

from django.http import HttpResponse
from django.views.decorators.http import condition, require_GET

from .cached import catalogue_document, catalogue_key
from .dcat import PREFIXES, catalogue_graph

CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def base(request):
    return request.build_absolute_uri("/")


def etag(request):
    """The catalogue's key, asked once a request (the ETag and the kept document both need it)."""
    if not hasattr(request, "catalogue_key"):
        request.catalogue_key = catalogue_key(base(request))
    return request.catalogue_key


@require_GET
@condition(etag_func=etag)
def catalog_ttl(request):
    document = catalogue_document(etag(request), base(request), "turtle", lambda: catalogue_graph(base(request)).serialize(format="turtle"))
    return HttpResponse(document, content_type="text/turtle; charset=utf-8")


@require_GET
@condition(etag_func=etag)
def catalog_jsonld(request):
    def build():
        return catalogue_graph(base(request)).serialize(format="json-ld", context=CONTEXT, indent=1)

    return HttpResponse(catalogue_document(etag(request), base(request), "json-ld", build), content_type="application/ld+json")
