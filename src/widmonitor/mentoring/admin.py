"""The back office's side: moderators create programmes and cycles and grant the matcher role; the rest is read only."""

from django.contrib import admin

from widmonitor.back_office import ReadOnlyAdmin

from .models import Consent, Cycle, FollowUp, Matcher, MatchingRun, Pair, Participation, Profile, Programme


class MatcherInline(admin.TabularInline):
    model = Matcher
    fields = ("user", "granted_by", "granted_at")
    readonly_fields = ("granted_by", "granted_at")
    raw_id_fields = ("user",)
    extra = 0


class CycleInline(admin.TabularInline):
    model = Cycle
    fields = ("name", "opens_on", "closes_on", "matching_on", "duration_weeks", "checkin_every_days", "open_applications")
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ("name", "initiative", "created_at")
    search_fields = ("name",)
    raw_id_fields = ("initiative",)
    inlines = [MatcherInline, CycleInline]

    def save_formset(self, request, form, formset, change):
        """The moderator who grants a matcher role is recorded with it."""
        for matcher in formset.save(commit=False):
            if isinstance(matcher, Matcher) and matcher.granted_by_id is None:
                matcher.granted_by = request.user
            matcher.save()
        for gone in formset.deleted_objects:
            gone.delete()
        formset.save_m2m()


@admin.register(Cycle)
class CycleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "opens_on", "closes_on", "matching_on", "open_applications")
    list_filter = ("programme",)


class ConsentInline(admin.TabularInline):
    model = Consent
    fields = readonly_fields = ("purpose", "wording_version", "given_at", "withdrawn_at")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Profile)
class ProfileAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "role", "confirmed_at", "created_at", "erased_at")
    list_filter = ("role",)
    exclude = ("email",)  # moderators see who applied, not how to reach her
    inlines = [ConsentInline]


@admin.register(MatchingRun)
class MatchingRunAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "total_score", "created_by", "created_at", "confirmed_at")


@admin.register(Pair)
class PairAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "cycle", "status", "score", "created_at")
    list_filter = ("status",)


admin.site.register(Participation, ReadOnlyAdmin)
admin.site.register(FollowUp, ReadOnlyAdmin)
