from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobAdsConfig(AppConfig):
    name = "widmonitor.jobads"
    label = "jobads"
    verbose_name = _("Job-ad checker")
