from django.urls import path

from . import views

app_name = "selfcheck"

urlpatterns = [
    path("", views.self_check, name="check"),
    path("self-check.json", views.download, name="download"),
    path("self-check.pdf", views.download_pdf, name="pdf"),
    path("load/", views.load_saved, name="load"),
]
