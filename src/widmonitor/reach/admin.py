"""The back office's side of the reach: the queue of outcomes to accept or reject, and outcomes moderators enter themselves.

An outcome is never edited once entered: a correction is a new outcome, which replaces the
accepted one of its year when accepted. Outcomes a moderator adds here are accepted at once.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from widmonitor.back_office import HistoryAdmin
from widmonitor.partners.admin import DecisionForm

from .emails import send_outcome_decision
from .models import Outcome, OutcomeByAge, check_age_rows
from .templatetags.reach import percent


class AgeRowsFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        rows = [
            (form.cleaned_data["band"], form.cleaned_data["participants"], form.cleaned_data["women_and_girls"])
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        check_age_rows(self.instance.participants, self.instance.women_and_girls, rows)


class OutcomeByAgeInline(admin.TabularInline):
    model = OutcomeByAge
    formset = AgeRowsFormSet
    extra = 0
    fields = ("band", "participants", "women_and_girls", "share")
    readonly_fields = ("share",)

    @admin.display(description=_("share of women and girls"))
    def share(self, obj):
        return percent(obj.women_share) if obj.pk else "–"

    def has_add_permission(self, request, obj=None):
        return obj is None and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Outcome)
class OutcomeAdmin(HistoryAdmin):
    action_form = DecisionForm
    actions = ("accept", "reject")
    inlines = (OutcomeByAgeInline,)
    list_display = ("__str__", "initiative", "year", "participants", "women_and_girls", "share", "status", "entered_by", "decided_by")
    list_filter = ("status", "year", "source_kind")
    list_select_related = ("initiative", "entered_by", "decided_by")
    search_fields = ("initiative__uid", "entered_by__username")
    raw_id_fields = ("initiative",)
    entered_fields = ("initiative", "year", "participants", "women_and_girls", "sessions", "source_kind", "source_note")
    decision_fields = ("share", "status", "entered_by", "created_at", "decided_by", "decided_at", "reason")

    def get_fields(self, request, obj=None):
        return self.entered_fields if obj is None else (*self.entered_fields, *self.decision_fields)

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.get_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("share of women and girls"))
    def share(self, obj):
        return percent(obj.women_share)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.entered_by = request.user
            obj._change_reason = str(_("Entered by %(user)s") % {"user": request.user.get_username()})
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            try:
                form.instance.accept(request.user)
            except ValidationError as error:  # another of its year accepted at the same moment: it stays pending
                self.message_user(request, " ".join(error.messages), messages.ERROR)

    @admin.action(
        description=_("Accept selected outcomes (shown on the portal; replaces an accepted one of the same year)"), permissions=["change"]
    )
    def accept(self, request, queryset):
        self.decide(request, queryset, lambda outcome, reason: outcome.accept(request.user, reason))

    @admin.action(description=_("Reject selected outcomes (give a message)"), permissions=["change"])
    def reject(self, request, queryset):
        self.decide(request, queryset, lambda outcome, reason: outcome.reject(request.user, reason))

    def decide(self, request, queryset, decision):
        reason, done = request.POST.get("message", ""), 0
        for outcome in queryset.select_related("initiative", "entered_by").order_by("created_at", "pk"):
            try:
                decision(outcome, reason)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                continue
            send_outcome_decision(outcome)
            done += 1
        if done:
            self.message_user(
                request, ngettext("%(n)d outcome decided.", "%(n)d outcomes decided.", done) % {"n": done}, messages.SUCCESS
            )
