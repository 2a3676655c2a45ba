from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from widmonitor.back_office import HistoryAdmin, OfferedChoicesFilter
from widmonitor.languages import content_codes
from widmonitor.request_guards import accepts_upload
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.models import Term

from . import completeness, excel_views
from .analysis import analyse_list
from .models import RELATIONS, Initiative, PublishedList, PublishedListEntry
from .writes import m2m_names, save_initiative


class ObjectiveFilter(OfferedChoicesFilter):
    """Initiatives serving an objective, directly or through one of its sub-objectives."""

    title = _("objective")
    parameter_name = "objective"

    def lookups(self, request, model_admin):
        return [(o.pk, str(o)) for o in Objective.objects.current().top_level()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.serving(self.value())
        return queryset


class SubObjectiveFilter(OfferedChoicesFilter):
    title = _("sub-objective")
    parameter_name = "sub_objective"

    def lookups(self, request, model_admin):
        return [(o.pk, str(o)) for o in Objective.objects.current().sub_objectives()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.serving(self.value())
        return queryset


def term_filter(vocabulary, field, label):
    class TermFilter(OfferedChoicesFilter):
        title = label
        parameter_name = field

        def lookups(self, request, model_admin):
            return [(t.code, str(t)) for t in Term.objects.of(vocabulary)]

        def queryset(self, request, queryset):
            if self.value():
                return queryset.with_terms(field, [self.value()])
            return queryset

    TermFilter.__name__ = f"{field.title()}Filter"
    return TermFilter


class CompletenessFilter(admin.SimpleListFilter):
    """Records missing one of the facts a visitor needs (``completeness.FIELDS``), or complete."""

    title = _("completeness")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        missing = [(key, _("missing: %(field)s") % {"field": label}) for key, label in completeness.FIELDS]
        return [*missing, ("nothing", _("complete"))]

    def queryset(self, request, queryset):
        if self.value() == "nothing":
            return queryset.filter(**{completeness.COUNT: len(completeness.FIELDS)})
        if self.value() in completeness.LABELS:
            return queryset.filter(**{completeness.annotation_name(self.value()): False})
        return queryset


class LeastCompleteFirst(ChangeList):
    """The list of initiatives, least complete first unless the moderator sorts by a column."""

    def get_ordering(self, request, queryset):
        if ORDER_VAR in self.params:
            return super().get_ordering(request, queryset)
        return [completeness.COUNT, "uid"]


class ListingInline(admin.TabularInline):
    model = PublishedListEntry
    extra = 0
    fields = ("published_list", "position", "text", "audience_text")
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("published in")

    def has_add_permission(self, request, obj=None):
        return False


class ModerationForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=500,
        help_text=_("Kept in each record's history; required to reject."),
    )


class InitiativeForm(forms.ModelForm):
    """The record as the moderator saw it: saving over someone else's later save is refused."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["seen_version"] = self.stored_version()

    def stored_version(self):
        return Initiative.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()

    def clean(self):
        """Refuse a form opened on another version than the stored one, or not saying which (a stale form)."""
        cleaned = super().clean()
        if not self.instance.pk or self.has_error("seen_version"):
            return cleaned
        seen = cleaned.get("seen_version")
        if seen is None:
            raise self.stale(
                _(
                    "This form does not say which version of the initiative you opened; %(who)s saved it last, on "
                    "%(when)s. Open it again to see it as it is now, then make your change."
                )
            )
        if seen != self.stored_version():
            raise self.stale(
                _(
                    "%(who)s saved this initiative on %(when)s, after you opened it. Open it again to see that "
                    "change, then make yours."
                )
            )
        return cleaned

    def stale(self, message):
        last = self.instance.history.select_related("history_user").first()
        params = {
            "who": last.history_user.get_username() if last and last.history_user else _("Someone"),
            "when": timezone.localtime(last.history_date).strftime("%Y-%m-%d %H:%M") if last else "?",
        }
        return forms.ValidationError(message, code="stale_form", params=params)


@admin.register(Initiative)
class InitiativeAdmin(HistoryAdmin):
    form = InitiativeForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    action_form = ModerationForm
    list_display = ("uid", "display_title", "record_completeness", "sector", "objective_codes", "status", "moderation", "updated_at")
    list_filter = (
        CompletenessFilter,
        ObjectiveFilter,
        SubObjectiveFilter,
        term_filter(Vocabulary.AUDIENCE, "audiences", _("target audience")),
        term_filter(Vocabulary.REGION, "regions", _("region")),
        "sector",
        term_filter(Vocabulary.FORMAT, "formats", _("format")),
        term_filter(Vocabulary.DIGCOMP, "digcomp", _("DigComp 2.2")),
        "status",
        "moderation",
    )
    filter_horizontal = ("organisations", "objectives", "audiences", "regions", "languages", "formats", "digcomp")
    readonly_fields = ("record_completeness", "created_at", "updated_at", "created_by")
    actions = ("publish", "reject")
    inlines = (ListingInline,)
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("uid", "moderation", "original_language", "seen_version", "record_completeness")}),
        (_("Title and summary"), {"fields": ("title", "summary")}),
        (_("Who and what"), {"fields": ("organisations", "sector", "objectives", "formats", "cost", "digcomp")}),
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
            path("excel/", accepts_upload(excel_views.MAX_UPLOAD)(wrap(excel_views.import_view)), name="initiatives_initiative_excel"),
            path("excel/overview.xlsx", wrap(excel_views.export_overview_view), name="initiatives_initiative_export_overview"),
            path("excel/analysis.xlsx", wrap(excel_views.export_analysis_view), name="initiatives_initiative_export_analysis"),
            *super().get_urls(),
        ]

    def get_search_fields(self, request):
        languages = content_codes()
        return (
            "uid",
            *(f"title__{code}" for code in languages),
            *(f"summary__{code}" for code in languages),
            *(f"organisations__name__{code}" for code in languages),
            "organisations__slug",
        )

    def get_queryset(self, request):
        return super().get_queryset(request).with_completeness().prefetch_related("objectives")

    def get_changelist(self, request, **kwargs):
        return LeastCompleteFirst

    @admin.display(description=_("completeness"), ordering=completeness.COUNT)
    def record_completeness(self, obj):
        """What the record misses of the facts a visitor needs, and its share (``Initiative.completeness``)."""
        return str(obj.completeness()) if obj.pk else "–"

    @admin.display(description=_("title"))
    def display_title(self, obj):
        return obj.text("title")

    @admin.display(description=_("objectives"))
    def objective_codes(self, obj):
        return ", ".join(o.code for o in obj.objectives.all())

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Revert: the form shows the old version whole, relations included, and saves it as one entry."""
        self.check_version_keys(object_id, version_id)
        request.reverting_to = Initiative.history.filter(id=object_id, history_id=version_id).first()
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        version = getattr(request, "reverting_to", None)
        if version is None:
            return form_class
        relations = {}
        for name in RELATIONS:  # the old version's links, from the snapshot beside its history entry
            target = m2m_names(name)[2]
            relations[name] = [getattr(link, f"{target}_id") for link in getattr(version, name).all()]

        class RevertForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.initial.update(relations)

        return RevertForm

    def save_model(self, request, obj, form, change):
        """Save the record and its relations through the write path, as one history entry."""
        relations = {name: form.cleaned_data[name] for name in RELATIONS if name in form.cleaned_data}
        form.save_m2m = lambda: None  # the relations are saved with the record, not again after it
        version = getattr(request, "reverting_to", None)
        if version is not None:
            when = timezone.localtime(version.history_date).strftime("%Y-%m-%d %H:%M")
            reason = _("Reverted to the version of %(date)s") % {"date": when}
        elif change:
            fields = ", ".join(str(form.fields[name].label or name) for name in form.changed_data)
            reason = _("Edited in the back office: %(fields)s") % {"fields": fields}
        else:
            obj.created_by = request.user
            reason = _("Created in the back office")
        save_initiative(obj, relations, request.user, str(reason))

    @admin.action(description=_("Publish selected initiatives"), permissions=["change"])
    def publish(self, request, queryset):
        changed = queryset.publish(request.user, request.POST.get("reason", ""))
        message = ngettext("%(n)d initiative published.", "%(n)d initiatives published.", changed) % {"n": changed}
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Reject selected initiatives (give a reason)"), permissions=["change"])
    def reject(self, request, queryset):
        try:
            changed = queryset.reject(request.user, request.POST.get("reason", ""))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        message = ngettext("%(n)d initiative rejected.", "%(n)d initiatives rejected.", changed) % {"n": changed}
        self.message_user(request, message, messages.SUCCESS)


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
