from functools import partial

from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import Q
from django.urls import path
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from widmonitor.strategy.models import Objective

from . import excel_views
from .analysis import analyse_list
from .models import Initiative, PublishedList, PublishedListEntry, Term
from .vocabulary import Moderation, Vocabulary


class ObjectiveFilter(admin.SimpleListFilter):
    """Initiatives serving an objective, directly or through one of its sub-objectives."""

    title = _("objective")
    parameter_name = "objective"

    def lookups(self, request, model_admin):
        return [(o.pk, str(o)) for o in Objective.objects.filter(strategy__code=settings.STRATEGY).top_level()]

    def queryset(self, request, queryset):
        if self.value():
            served = Q(objectives=self.value()) | Q(objectives__parent=self.value())
            return queryset.filter(served).distinct()
        return queryset


class SubObjectiveFilter(admin.SimpleListFilter):
    title = _("sub-objective")
    parameter_name = "sub_objective"

    def lookups(self, request, model_admin):
        return [(o.pk, str(o)) for o in Objective.objects.filter(strategy__code=settings.STRATEGY).sub_objectives()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(objectives=self.value()).distinct()
        return queryset


def term_filter(vocabulary, field, label):
    class TermFilter(admin.SimpleListFilter):
        title = label
        parameter_name = field

        def lookups(self, request, model_admin):
            return [(t.code, t.label) for t in Term.objects.filter(vocabulary=vocabulary)]

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{f"{field}__code": self.value()}).distinct()
            return queryset

    TermFilter.__name__ = f"{field.title()}Filter"
    return TermFilter


class ListingInline(admin.TabularInline):
    model = PublishedListEntry
    extra = 0
    fields = ("published_list", "position", "text", "audience_text")
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("published in")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Initiative)
class InitiativeAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("uid", "title", "sector", "objective_codes", "status", "moderation", "updated_at")
    list_filter = (
        ObjectiveFilter,
        SubObjectiveFilter,
        term_filter(Vocabulary.AUDIENCE, "audiences", _("target audience")),
        term_filter(Vocabulary.REGION, "regions", _("region")),
        "sector",
        term_filter(Vocabulary.FORMAT, "formats", _("format")),
        "status",
        "moderation",
    )
    search_fields = (
        "uid",
        "title_nl",
        "title_fr",
        "title_en",
        "summary_nl",
        "summary_fr",
        "summary_en",
        "organisations__name",
    )
    filter_horizontal = ("organisations", "objectives", "audiences", "regions", "languages", "formats")
    readonly_fields = ("created_at", "updated_at", "created_by")
    actions = ("publish", "reject")
    inlines = (ListingInline,)
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("uid", "moderation", "original_language")}),
        (_("Title and summary"), {"fields": ("title_nl", "title_fr", "title_en", "summary_nl", "summary_fr", "summary_en")}),
        (_("Who and what"), {"fields": ("organisations", "sector", "objectives", "formats", "cost")}),
        (_("For whom and where"), {"fields": ("audiences", "regions", "languages")}),
        (_("When"), {"fields": ("starts", "ends", "status")}),
        (_("Links and contact (contact is private)"), {"fields": ("url", "contact_name", "contact_email")}),
        (_("Provenance"), {"fields": ("source_document", "source_section", "provenance_note")}),
        (_("Record details"), {"fields": ("created_at", "updated_at", "created_by")}),
    )

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(partial(view, self))

        return [
            path("excel/", wrap(excel_views.import_view), name="initiatives_initiative_excel"),
            path("excel/overview.xlsx", wrap(excel_views.export_overview_view), name="initiatives_initiative_export_overview"),
            path("excel/analysis.xlsx", wrap(excel_views.export_analysis_view), name="initiatives_initiative_export_analysis"),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("objectives")

    @admin.display(description=_("objectives"))
    def objective_codes(self, obj):
        return ", ".join(o.code for o in obj.objectives.all())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def _moderate(self, request, queryset, state):
        changed = 0
        for initiative in queryset.exclude(moderation=state):
            initiative.moderation = state
            initiative._change_reason = f"bulk {state}"
            initiative.save(update_fields=["moderation", "updated_at"])
            changed += 1
        return changed

    @admin.action(description=_("Publish selected initiatives"), permissions=["change"])
    def publish(self, request, queryset):
        changed = self._moderate(request, queryset, Moderation.PUBLISHED)
        self.message_user(
            request, ngettext("%(n)d initiative published.", "%(n)d initiatives published.", changed) % {"n": changed}, messages.SUCCESS
        )

    @admin.action(description=_("Reject selected initiatives"), permissions=["change"])
    def reject(self, request, queryset):
        changed = self._moderate(request, queryset, Moderation.REJECTED)
        self.message_user(
            request, ngettext("%(n)d initiative rejected.", "%(n)d initiatives rejected.", changed) % {"n": changed}, messages.SUCCESS
        )


class EntryInline(admin.TabularInline):
    model = PublishedListEntry
    extra = 0
    fields = ("position", "initiative", "text", "audience_text")
    raw_id_fields = ("initiative",)


@admin.register(PublishedList)
class PublishedListAdmin(admin.ModelAdmin):
    list_display = ("section", "objective", "bullets", "initiatives", "stated_total", "discrepancy_count")
    list_filter = ("document",)
    readonly_fields = ("bullets", "initiatives", "discrepancies")
    inlines = (EntryInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("objective")

    def analysis(self, obj):
        if getattr(obj, "_analysis", None) is None:
            obj._analysis = analyse_list(obj)
        return obj._analysis

    @admin.display(description=_("bullets"))
    def bullets(self, obj):
        return self.analysis(obj).bullets

    @admin.display(description=_("distinct initiatives"))
    def initiatives(self, obj):
        return self.analysis(obj).initiatives

    @admin.display(description=_("discrepancies"))
    def discrepancy_count(self, obj):
        return len(self.analysis(obj).discrepancies)

    @admin.display(description=_("discrepancies"))
    def discrepancies(self, obj):
        return format_html_join("", "<p>{}</p>", ((sentence,) for sentence in self.analysis(obj).discrepancies)) or "-"


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ("vocabulary", "code", "label_nl", "label_fr", "label_en", "position")
    list_filter = ("vocabulary",)
    search_fields = ("code", "label_nl", "label_fr", "label_en")
