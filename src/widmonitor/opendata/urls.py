from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("catalog.ttl", views.catalog_ttl, name="catalog_ttl"),
    path("catalog.jsonld", views.catalog_jsonld, name="catalog_jsonld"),
]
