from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "kind", "sector", "region", "website")
    list_filter = ("kind", "sector", "region")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
