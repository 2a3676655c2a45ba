from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from .api.api import api
from .back_office import BackOfficeLoginForm
from .health import healthz

admin.site.login_form = BackOfficeLoginForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
] + i18n_patterns(
    path("partner/", include("widmonitor.partners.urls")),
    path("indicators/", include("widmonitor.indicators.urls")),
    path("", include("widmonitor.portal.urls")),
)
