"""The back office's side of the self-check: the before-and-after checks, and erasing a participant's answers by her code.

What is stored is never edited here: the statistics' self-checks are only listed; a participation
is found by its code and deleted when she asks (the privacy notice says to write with the code).
"""

from django.contrib import admin

from widmonitor.back_office import ReadOnlyAdmin

from .models import InitiativeCheck, Participation, SharedCheck


@admin.register(InitiativeCheck)
class InitiativeCheckAdmin(ReadOnlyAdmin):
    list_display = ("initiative", "opened_on", "public")
    list_filter = ("public",)


@admin.register(Participation)
class ParticipationAdmin(ReadOnlyAdmin):
    list_display = ("code", "check_of", "before_month", "after_month")
    search_fields = ("code",)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm("selfcheck.delete_participation")


@admin.register(SharedCheck)
class SharedCheckAdmin(ReadOnlyAdmin):
    list_display = ("month", "age_band", "gender", "region")
    list_filter = ("age_band", "gender", "region")
