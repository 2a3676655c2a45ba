from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from .back_office import BackOfficeLoginForm

admin.site.login_form = BackOfficeLoginForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
] + i18n_patterns(path("", include("widmonitor.portal.urls")))
