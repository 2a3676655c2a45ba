from django.urls import path

from . import partner_views, sharing_views, views

app_name = "selfcheck"

urlpatterns = [
    path("", views.self_check, name="check"),
    path("self-check.json", views.download, name="download"),
    path("self-check.pdf", views.download_pdf, name="pdf"),
    path("load/", views.load_saved, name="load"),
    path("share/", sharing_views.share, name="share"),
    path("statistics/", sharing_views.statistics_page, name="statistics"),
    path("statistics.<str:fmt>", sharing_views.statistics_download, name="statistics_download"),
    path("i/<str:token>/", sharing_views.take, name="take"),
    path("i/<str:token>/keep/", sharing_views.keep_for_initiative, name="keep"),
    path("partner/<slug:uid>/", partner_views.initiative_check, name="partner"),
    path("partner/<slug:uid>/open/", partner_views.open_check, name="open"),
    path("partner/<slug:uid>/consent/", partner_views.consent, name="consent"),
    path("partner/<slug:uid>/qr.svg", partner_views.qr_code, name="qr"),
]
