from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:year>/", views.edition, name="edition"),
    path("<int:year>/download/<str:kind>", views.download, name="download"),
]
