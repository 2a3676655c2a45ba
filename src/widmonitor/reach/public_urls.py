"""Mounted by the site's urls at ``reach/`` in each language: the public reach and its open-data downloads."""

from django.urls import path

from . import public_views

app_name = "reach_data"

urlpatterns = [
    path("", public_views.overview, name="overview"),
    path("download.<str:fmt>", public_views.download, name="download"),
]
