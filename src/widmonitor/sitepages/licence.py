"""The open data's answers name their licence: a ``Link: <licence>; rel="license"`` header (RFC 8288, RFC 5988's
"license" relation), on the API and on the registry's and indicators' downloads."""

from django.conf import settings

DATA_VIEWS = {"portal:download", "indicators:download", "opendata:catalog_ttl", "opendata:catalog_jsonld"}


class LicenceLinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        is_data = match is not None and (match.view_name in DATA_VIEWS or match.namespace == "api")
        if is_data and response.status_code < 400:
            response["Link"] = f'<{settings.DATA_LICENCE["url"]}>; rel="license"'
        return response
