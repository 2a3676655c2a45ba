from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "sector", "region", "website")
    list_filter = ("kind", "sector", "region")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
