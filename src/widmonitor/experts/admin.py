"""The back office's side: inviting experts, reading their consents, entering panels' figures."""

from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from widmonitor.back_office import HistoryAdmin
from widmonitor.partners.emails import invited
from widmonitor.partners.invitations import invite_again

from .emails import send_invitation
from .forms import ExpertInvitationForm
from .models import (
    INVITATIONS_PER_HOUR,
    Consent,
    ExpertProfile,
    PanelRecord,
    Topic,
    invitation_refused,
)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("code", "__str__", "position")


class ConsentInline(admin.TabularInline):
    model = Consent
    fields = readonly_fields = ("wording_version", "given_at", "withdrawn_at")
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ExpertProfile)
class ExpertProfileAdmin(HistoryAdmin):
    """Experts keep their own profiles: the back office reads them and invites new experts."""

    list_display = ("__str__", "title", "organisation_name", "willing_to_speak", "created_at", "erased_at")
    list_filter = ("willing_to_speak", "willing_to_mentor", "willing_to_be_role_model", "topics")
    search_fields = ("name", "organisation_name")
    inlines = [ConsentInline]
    readonly_fields = ("user", "invited_by", "created_at", "updated_at", "erased_at")
    actions = ("send_invitation_again",)

    def get_urls(self):
        invite = self.admin_site.admin_view(partial(invite_view, self))
        return [path("invite/", invite, name="experts_expertprofile_invite"), *super().get_urls()]

    def add_view(self, request, form_url="", extra_context=None):  # experts are added through the invitation, not the add form
        return redirect("admin:experts_expertprofile_invite")

    def has_change_permission(self, request, obj=None):
        """No one edits an expert's profile here, administrators included: she keeps it herself (experts:me)."""
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """An earlier version is for reading: simple_history would save its form, posted, whatever the permissions."""
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.action(description=_("Send the invitation again, with a new link (an expired link stays expired)"), permissions=["add"])
    def send_invitation_again(self, request, queryset):
        for profile in queryset.filter(user__isnull=False).select_related("user").order_by("user__email"):
            level, sentence = invite_again(profile.user, lambda user, profile=profile: send_invitation(profile, request.user))
            self.message_user(request, sentence, level)


def invite_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = ExpertInvitationForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if invitation_refused(request.user):
            form.add_error(None, _("You have invited %(limit)s experts in the last hour, the most we accept.") % {"limit": INVITATIONS_PER_HOUR})
            status = 429
        elif (expert := form.save(request.user)) is None:  # the address got an account a moment ago
            form.add_error("email", _("%(email)s already has an account, so it cannot be invited as an expert.") % {"email": form.cleaned_data["email"]})
        else:
            sent = send_invitation(expert, request.user)
            model_admin.message_user(request, invited(expert.user.email, sent), messages.SUCCESS if sent else messages.WARNING)
            return redirect("admin:experts_expertprofile_changelist")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Invite an expert"),
        "form": form,
        "opts": model_admin.model._meta,
    }
    return TemplateResponse(request, "experts/admin/invite.html", context, status=status)


@admin.register(PanelRecord)
class PanelRecordAdmin(HistoryAdmin):
    list_display = ("initiative", "held_on", "session", "women", "men", "non_binary", "not_stated")
    list_filter = ("held_on",)
    search_fields = ("initiative__uid", "session")
    raw_id_fields = ("initiative",)
    filter_horizontal = ("topics",)
    date_hierarchy = "held_on"
    exclude = ("created_by",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
