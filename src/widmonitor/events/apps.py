from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "widmonitor.events"
    verbose_name = _("Events")

    def ready(self):
        from widmonitor.reach import summary

        from .reach_figures import accepted_event_figures, event_age_figures

        summary.register_contribution(accepted_event_figures, event_age_figures)
