from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from widmonitor.languages import content_codes

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("display_name", "kind", "sector", "region", "initiative_count", "website")
    list_filter = ("kind", "sector", "region")

    def get_search_fields(self, request):
        return ("slug", *(f"name__{code}" for code in content_codes()))

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("region").annotate(initiative_count=models.Count("initiatives"))

    @admin.display(description=_("name"), ordering="slug")
    def display_name(self, obj):
        return obj.text("name")

    @admin.display(description=_("initiatives"), ordering="initiative_count")
    def initiative_count(self, obj):
        return obj.initiative_count
