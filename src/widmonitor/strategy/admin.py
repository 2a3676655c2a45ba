from django.contrib import admin

from .models import Objective, Strategy


class ObjectiveInline(admin.TabularInline):
    model = Objective
    extra = 0
    fields = ("code", "parent", "title_nl", "title_fr", "title_en", "age_band")


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ("code", "country", "starts", "ends", "owner")
    inlines = (ObjectiveInline,)


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "strategy", "parent", "age_band")
    list_filter = ("strategy",)
    search_fields = ("code", "title_nl", "title_fr", "title_en")
