from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from widmonitor.languages import content_codes

from .models import Term


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ("vocabulary", "code", "display_label", "position")
    list_filter = ("vocabulary",)

    def get_search_fields(self, request):
        return ("code", *(f"label__{code}" for code in content_codes()))

    @admin.display(description=_("label"))
    def display_label(self, obj):
        return obj.text("label")
