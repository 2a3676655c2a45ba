"""The back office of calls: moderators write calls and their criteria, and grant who reviews and manages each.

Applications and scores are not listed here: a reviewer's conflicts of interest are enforced
on the review pages, which only the call's reviewers and manager reach.
"""

from django.contrib import admin

from .models import Call, CallRole, Criterion


class CriterionInline(admin.StackedInline):
    model = Criterion
    extra = 1
    fields = ("position", "name", "guidance", "weight")


class CallRoleInline(admin.TabularInline):
    model = CallRole
    extra = 1
    raw_id_fields = ("user",)  # as the partner memberships: moderators see no list of accounts


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ("__str__", "slug", "opens_at", "closes_at", "budget", "published")
    list_filter = ("published",)
    search_fields = ("slug",)
    filter_horizontal = ("sub_objectives", "audiences", "regions")
    inlines = (CriterionInline, CallRoleInline)


@admin.register(CallRole)
class CallRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "call", "role")
    list_filter = ("role", "call")
    search_fields = ("user__username", "user__email", "call__slug")
    raw_id_fields = ("user",)  # as the partner memberships: moderators see no list of accounts
