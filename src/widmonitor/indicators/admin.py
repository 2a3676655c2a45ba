from django.contrib import admin

from widmonitor.back_office import ReadOnlyAdmin

from .models import Observation, ObservationRevision, Source

# Figures come from loads, never from the back office: every admin here is a ReadOnlyAdmin.


@admin.register(Source)
class SourceAdmin(ReadOnlyAdmin):
    list_display = ("key", "kind", "dataset", "file", "document", "section", "last_update", "retrieved_at")
    list_filter = ("kind",)
    search_fields = ("key", "dataset", "document")


@admin.register(Observation)
class ObservationAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "geo", "period", "sex", "age_band", "unit", "value", "flags", "source")
    list_filter = ("source__kind", "indicator", "sex")
    search_fields = ("indicator", "geo", "period")
    list_select_related = ("source",)


@admin.register(ObservationRevision)
class ObservationRevisionAdmin(ReadOnlyAdmin):
    list_display = ("observation", "value", "flags", "retrieved_at", "replaced_at")
    list_select_related = ("observation",)
