"""The back office's side: partner memberships, invitations, and the queue of proposals with their diffs."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term

from .emails import invited, send_invitation, send_proposal_decision
from .forms import InvitationForm
from .invitations import invite_again
from .models import PartnerMembership, Proposal

RELATED = {"organisations": Organisation, "objectives": Objective, "audiences": Term, "regions": Term, "languages": Term, "formats": Term}


@admin.register(PartnerMembership)
class PartnerMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "created_at")
    list_filter = ("organisation",)
    search_fields = ("user__username", "user__email", "organisation__slug")
    raw_id_fields = ("user",)
    actions = ("send_invitation_again",)

    def get_urls(self):
        invite = self.admin_site.admin_view(partial(invite_view, self))
        return [path("invite/", invite, name="partners_partnermembership_invite"), *super().get_urls()]

    @admin.action(description=_("Send the invitation again, with a new link (an expired link stays expired)"), permissions=["add"])
    def send_invitation_again(self, request, queryset):
        users = {membership.user for membership in queryset.select_related("user")}
        for user in sorted(users, key=lambda user: user.email):
            level, sentence = invite_again(user, lambda user: send_invitation(user, request.user))
            self.message_user(request, sentence, level)


def invite_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        sent = send_invitation(user, request.user)
        model_admin.message_user(request, invited(user.email, sent), messages.SUCCESS if sent else messages.WARNING)
        return redirect("admin:partners_partnermembership_changelist")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Invite a partner"),
        "form": form,
        "opts": model_admin.model._meta,
    }
    return TemplateResponse(request, "partners/admin/invite.html", context)


class DecisionForm(ActionForm):
    message = forms.CharField(
        label=_("Message to the partner"),
        required=False,
        max_length=2000,
        help_text=_("E-mailed to the partner; required to reject."),
    )


def shown(name, value):
    """A stored value as a moderator reads it: texts per language, relations by name."""
    if value in (None, "", [], {}):
        return "–"
    if isinstance(value, dict):
        return "; ".join(f"{code}: {text}" for code, text in sorted(value.items()))
    if name in RELATED:
        return ", ".join(str(item) for item in RELATED[name].objects.filter(pk__in=value))
    return str(value)


def moved_on(proposal):
    """What a moderator must know of a record saved again after its partner saw it."""
    seen, later = proposal.history()
    conflicts = proposal.conflicts(seen, later)
    if conflicts:
        return _("Accepting is refused, as the record changed since the partner made this proposal: %(changes)s.") % {"changes": "; ".join(conflicts)}
    return _(
        "The record was saved again after the partner saw it (version %(seen)s, now %(now)s), in other fields or "
        "languages: accepting applies only what the proposal changes."
    ) % {"seen": proposal.seen_version, "now": proposal.initiative.version}


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    action_form = DecisionForm
    actions = ("accept", "reject")
    list_display = ("__str__", "initiative", "author", "status", "created_at", "decided_by")
    list_filter = ("status",)
    list_select_related = ("initiative", "author", "decided_by")
    search_fields = ("initiative__uid", "author__username")
    fields = ("initiative", "author", "status", "created_at", "seen_version", "diff", "message", "decided_by", "decided_at")
    readonly_fields = ("initiative", "author", "status", "created_at", "seen_version", "diff", "message", "decided_by", "decided_at")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("changes (field, now, after accepting)"))
    def diff(self, obj):
        labels = {field.name: field.verbose_name for field in Initiative._meta.get_fields() if hasattr(field, "verbose_name")}
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>",
            ((labels.get(name, name), shown(name, now), shown(name, after)) for name, now, after in obj.changes()),
        )
        if not rows:
            return _("Nothing: the record already shows these values.")
        if obj.status == Proposal.Status.PENDING and obj.initiative.version != obj.seen_version:
            rows = format_html("<tr><td colspan='3'>{}</td></tr>{}", moved_on(obj), rows)
        head = format_html("<tr><th scope='col'>{}</th><th scope='col'>{}</th><th scope='col'>{}</th></tr>", _("field"), _("now"), _("after accepting"))
        return format_html("<table class='proposal-diff'><thead>{}</thead><tbody>{}</tbody></table>", head, rows)

    @admin.action(description=_("Accept selected proposals (applies them to the records)"), permissions=["change"])
    def accept(self, request, queryset):
        self.decide(request, queryset, lambda proposal, message: proposal.accept(request.user, message))

    @admin.action(description=_("Reject selected proposals (give a message)"), permissions=["change"])
    def reject(self, request, queryset):
        self.decide(request, queryset, lambda proposal, message: proposal.reject(request.user, message))

    def decide(self, request, queryset, decision):
        message, done = request.POST.get("message", ""), 0
        for proposal in queryset.select_related("initiative", "author").order_by("created_at", "pk"):  # as they came
            try:
                decision(proposal, message)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                continue
            send_proposal_decision(proposal)
            done += 1
        if done:
            self.message_user(
                request, ngettext("%(n)d proposal decided.", "%(n)d proposals decided.", done) % {"n": done}, messages.SUCCESS
            )
