from django.urls import path

from widmonitor.api import downloads

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("initiatives/", views.initiative_list, name="initiatives"),
    path("initiatives/download.<str:fmt>", downloads.download, name="download"),
    path("initiatives/<slug:uid>/", views.initiative_detail, name="initiative"),
    path("strategy/", views.strategy, name="strategy"),
    path("strategy/<str:code>/", views.objective_detail, name="objective"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("coverage/", views.coverage_map, name="coverage"),
    path("finder/", views.finder_page, name="finder"),
]
