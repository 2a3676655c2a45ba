"""The back office's side of events: the queue of submitted events to publish or reject, and of their outcomes."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from widmonitor.back_office import HistoryAdmin
from widmonitor.partners.admin import DecisionForm

from .models import Event, EventOutcome, EventOutcomeByAge


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    action_form = DecisionForm
    actions = ("publish", "reject")
    list_display = ("__str__", "initiative", "starts_at", "province", "online", "moderation", "cancelled_at", "created_by")
    list_filter = ("moderation", "region", "province", "online", "cost")
    list_select_related = ("initiative", "created_by")
    search_fields = ("uid", "initiative__uid", "municipality")
    raw_id_fields = ("initiative",)
    filter_horizontal = ("audiences", "languages")
    readonly_fields = ("uid", "region", "sequence", "reminders_sent", "created_by", "created_at", "updated_at")
    date_hierarchy = "starts_at"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish selected events"), permissions=["change"])
    def publish(self, request, queryset):
        changed = queryset.publish(request.user)
        message = ngettext("%(n)d event published.", "%(n)d events published.", changed) % {"n": changed}
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Reject selected events (give a message)"), permissions=["change"])
    def reject(self, request, queryset):
        try:
            changed = queryset.reject(request.user, request.POST.get("message", ""))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        message = ngettext("%(n)d event rejected.", "%(n)d events rejected.", changed) % {"n": changed}
        self.message_user(request, message, messages.SUCCESS)


class EventOutcomeByAgeInline(admin.TabularInline):
    model = EventOutcomeByAge
    extra = 0
    fields = ("band", "participants", "women_and_girls")

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EventOutcome)
class EventOutcomeAdmin(HistoryAdmin):
    action_form = DecisionForm
    actions = ("accept", "reject")
    inlines = (EventOutcomeByAgeInline,)
    list_display = ("__str__", "event", "participants", "women_and_girls", "status", "entered_by", "decided_by")
    list_filter = ("status", "source_kind")
    list_select_related = ("event", "entered_by", "decided_by")
    raw_id_fields = ("event",)
    readonly_fields = ("event", "participants", "women_and_girls", "source_kind", "source_note", "entered_by", "status", "decided_by", "decided_at", "reason")

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Accept selected event outcomes"), permissions=["change"])
    def accept(self, request, queryset):
        self.decide(request, queryset, lambda outcome, reason: outcome.accept(request.user, reason))

    @admin.action(description=_("Reject selected event outcomes (give a message)"), permissions=["change"])
    def reject(self, request, queryset):
        self.decide(request, queryset, lambda outcome, reason: outcome.reject(request.user, reason))

    def decide(self, request, queryset, decision):
        reason, done = request.POST.get("message", ""), 0
        for outcome in queryset.order_by("created_at", "pk"):
            try:
                decision(outcome, reason)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                continue
            done += 1
        if done:
            message = ngettext("%(n)d outcome decided.", "%(n)d outcomes decided.", done) % {"n": done}
            self.message_user(request, message, messages.SUCCESS)
