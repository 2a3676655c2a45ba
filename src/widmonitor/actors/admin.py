from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from widmonitor.back_office import HistoryAdmin
from widmonitor.languages import content_codes

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("display_name", "kind", "sector", "region", "initiative_count", "website")
    list_filter = ("kind", "sector", "region")

    def get_search_fields(self, request):
        return ("slug", *(f"name__{code}" for code in content_codes()))

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("region").annotate(initiative_count=models.Count("initiatives"))

    def save_model(self, request, obj, form, change):
        if change:
            fields = ", ".join(str(form.fields[name].label or name) for name in form.changed_data)
            obj._change_reason = str(_("Edited in the back office: %(fields)s") % {"fields": fields})
        else:
            obj._change_reason = str(_("Created in the back office"))
        super().save_model(request, obj, form, change)

    @admin.display(description=_("name"), ordering="slug")
    def display_name(self, obj):
        return obj.text("name")

    @admin.display(description=_("initiatives"), ordering="initiative_count")
    def initiative_count(self, obj):
        return obj.initiative_count
