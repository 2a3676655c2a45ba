"""The interactive API docs from files this site serves itself, under its Content Security Policy.

django-ninja falls back to Swagger UI from a CDN unless ``ninja`` is an installed app; the
policy (``script-src 'self'``) would block that. This page always loads the copy django-ninja
bundles (``static/ninja/``), with its settings in a JSON block and no inline script.
"""


from django.shortcuts import render
from ninja.openapi.docs import DocsBase


class LocalSwagger(DocsBase):
    settings = {"layout": "BaseLayout", "deepLinking": True}

    def render_page(self, request, api, **kwargs):
        swagger_settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        return render(request, "api/docs.html", {"api": api, "swagger_settings": swagger_settings})
