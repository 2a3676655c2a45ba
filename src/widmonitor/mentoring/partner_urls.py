"""The matchers' pages, at /<lang>/partner/mentoring/ beside the partner pages."""

from django.urls import path

from . import partner_views as views

app_name = "mentoring_partner"

urlpatterns = [
    path("", views.programmes, name="programmes"),
    path("programmes/<int:pk>/", views.programme, name="programme"),
    path("programmes/<int:pk>/reach/", views.propose_reach, name="propose_reach"),
    path("programmes/<int:pk>/weights/", views.set_weights, name="set_weights"),
    path("programmes/<int:pk>/cycles/", views.add_cycle, name="add_cycle"),
    path("cycles/<int:pk>/", views.cycle, name="cycle"),
    path("cycles/<int:pk>/run/", views.run, name="run"),
    path("cycles/<int:pk>/adjust/", views.adjust, name="adjust"),
    path("cycles/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("cycles/<int:pk>/pool/", views.add_from_pool, name="add_from_pool"),
]
