from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from .api.api import api
from .back_office import BackOfficeLoginForm
from .health import healthz
from .sitepages import views as sitepages_views

admin.site.login_form = BackOfficeLoginForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    path("", include("widmonitor.opendata.urls")),  # /catalog.ttl, /catalog.jsonld
    path("favicon.ico", sitepages_views.favicon),
] + i18n_patterns(
    path("partner/experts/", include("widmonitor.experts.invitation_urls")),
    path("partner/mentoring/", include("widmonitor.mentoring.partner_urls")),
    path("partner/", include("widmonitor.partners.urls")),
    path("partner/initiatives/<slug:uid>/reach/", include("widmonitor.reach.urls")),
    path("reach/", include("widmonitor.reach.public_urls")),
    path("partner/events/", include("widmonitor.events.partner_urls")),
    path("events/", include("widmonitor.events.urls")),
    path("indicators/", include("widmonitor.indicators.urls")),
    path("reports/", include("widmonitor.reports.urls")),
    path("job-ad-checker/", include("widmonitor.jobads.urls")),
    path("self-check/", include("widmonitor.selfcheck.urls")),
    path("experts/", include("widmonitor.experts.urls")),
    path("mentoring/", include("widmonitor.mentoring.urls")),
    path("panel-check/", include("widmonitor.experts.panel_urls")),
    path("", include("widmonitor.calls.urls")),  # /calls/..., /partner/calls/...
    path("", include("widmonitor.sitepages.urls")),
    path("", include("widmonitor.portal.urls")),
)
