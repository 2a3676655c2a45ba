from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitePagesConfig(AppConfig):
    name = "widmonitor.sitepages"
    verbose_name = _("Site pages")
