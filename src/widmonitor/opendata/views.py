"""``/catalog.ttl`` and ``/catalog.jsonld``: the DCAT-AP 3 catalogue, as Turtle and as JSON-LD."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from .dcat import PREFIXES, catalogue_graph

CONTEXT = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def base(request):
    return request.build_absolute_uri("/")


@require_GET
def catalog_ttl(request):
    return HttpResponse(catalogue_graph(base(request)).serialize(format="turtle"), content_type="text/turtle; charset=utf-8")


@require_GET
def catalog_jsonld(request):
    document = catalogue_graph(base(request)).serialize(format="json-ld", context=CONTEXT, indent=1)
    return HttpResponse(document, content_type="application/ld+json")
