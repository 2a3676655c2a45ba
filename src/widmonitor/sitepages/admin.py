from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import SitePage


@admin.register(SitePage)
class SitePageAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "original_language", "updated_at"]
    readonly_fields = ["updated_at"]

    def get_readonly_fields(self, request, obj=None):
        """A page's kind is its address: fixed once the page exists."""
        return [*self.readonly_fields, "kind"] if obj else self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        """The footer links to every page: edit a text, never remove the page."""
        return False
