"""Mounted by the site's urls at ``partner/events/``, beside the partner pages."""

from django.urls import path

from . import partner_views

app_name = "partner_events"

urlpatterns = [
    path("", partner_views.overview, name="overview"),
    path("new/", partner_views.submit, name="submit"),
    path("upload/", partner_views.upload, name="upload"),
    path("template.xlsx", partner_views.template, name="template"),
    path("<slug:uid>/edit/", partner_views.edit, name="edit"),
    path("<slug:uid>/withdraw/", partner_views.withdraw, name="withdraw"),
    path("<slug:uid>/outcome/", partner_views.outcome, name="outcome"),
]
