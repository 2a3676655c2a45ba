from django.urls import path

from . import views

app_name = "jobads"

urlpatterns = [
    path("", views.checker, name="checker"),
]
