from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReachConfig(AppConfig):
    name = "widmonitor.reach"
    verbose_name = _("Reach of initiatives")
