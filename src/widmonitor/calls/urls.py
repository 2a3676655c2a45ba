from django.urls import path

from . import views

app_name = "calls"

urlpatterns = [
    path("calls/", views.call_list, name="list"),
    path("calls/funded/", views.funded, name="funded"),
    path("calls/funded.<str:fmt>", views.funded_download, name="funded_download"),
    path("calls/<slug:slug>/", views.call_detail, name="detail"),
    path("calls/<slug:slug>/review/", views.review, name="review"),
    path("calls/<slug:slug>/review/conflicts/", views.declare_conflict, name="declare_conflict"),
    path("calls/<slug:slug>/review/<int:pk>/", views.review_application, name="review_application"),
    path("calls/<slug:slug>/ranking/", views.ranking, name="ranking"),
    path("calls/<slug:slug>/ranking/<int:pk>/decide/", views.decide, name="decide"),
    path("partner/calls/", views.applications, name="applications"),
    path("partner/calls/<slug:slug>/apply/", views.apply, name="apply"),
    path("partner/calls/applications/<int:pk>/", views.application, name="application"),
]
