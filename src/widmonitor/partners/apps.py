from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "widmonitor.partners"
    verbose_name = _("Partners and moderation")

    def ready(self):
        from . import notices  # noqa: F401  (connects the e-mail on publish and reject)
