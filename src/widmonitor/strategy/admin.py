from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from widmonitor.languages import content_codes

from .models import Objective, Strategy


class ObjectiveInline(admin.TabularInline):
    model = Objective
    extra = 0
    fields = ("code", "parent", "title", "age_band")


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ("code", "country", "starts", "ends", "owner")
    inlines = (ObjectiveInline,)


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ("code", "display_title", "strategy", "parent", "age_band")
    list_filter = ("strategy",)

    def get_search_fields(self, request):
        return ("code", *(f"title__{code}" for code in content_codes()))

    @admin.display(description=_("title"))
    def display_title(self, obj):
        return obj.text("title")
