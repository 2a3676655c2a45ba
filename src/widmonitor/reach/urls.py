"""Mounted by the site's urls at ``partner/initiatives/<uid>/reach/``, beside the partner pages."""

from django.urls import path

from . import views

app_name = "reach"

urlpatterns = [
    path("", views.outcomes, name="outcomes"),
]
