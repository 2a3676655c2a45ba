from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.indicator_list, name="list"),
    path("<slug:code>/", views.indicator_detail, name="detail"),
    path("<slug:code>/download.<str:fmt>", views.download, name="download"),
]
