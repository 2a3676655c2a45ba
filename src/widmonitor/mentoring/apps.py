from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "widmonitor.mentoring"
    verbose_name = _("Mentoring programmes")
