"""The back office's side: partner memberships, invitations, and the queue of proposals with their diffs."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from widmonitor.actors.admin import OrganisationAdmin
from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term

from . import reminders
from .emails import invited, send_invitation, send_proposal_decision
from .forms import InvitationForm
from .models import CompletionReminder, PartnerMembership, Proposal

RELATED = {"organisations": Organisation, "objectives": Objective, "audiences": Term, "regions": Term, "languages": Term, "formats": Term}


@admin.register(PartnerMembership)
class PartnerMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "created_at")
    list_filter = ("organisation",)
    search_fields = ("user__username", "user__email", "organisation__slug")
    raw_id_fields = ("user",)

    def get_urls(self):
        invite = self.admin_site.admin_view(partial(invite_view, self))
        return [path("invite/", invite, name="partners_partnermembership_invite"), *super().get_urls()]


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


class OrganisationWithPartnersAdmin(OrganisationAdmin):
    """The organisations of the back office, with an action on the partners who speak for them."""

    actions = ("invite_partners_to_complete",)

    @admin.action(description=_("Invite their partners to complete their records (e-mail, at most once a month each)"), permissions=["change"])
    def invite_partners_to_complete(self, request, queryset):
        done = reminders.remind(queryset, request.user)
        for level, text in reminder_messages(done):
            self.message_user(request, text, level)


def reminder_messages(done):
    """``[(level, sentence)]`` saying what a round of invitations did, partner by partner."""
    said = []
    if done.sent:
        names = ", ".join(f"{user.email} ({count})" for user, count in done.sent)
        said.append((messages.SUCCESS, ngettext(
            "%(n)d partner invited to complete her records (how many records each): %(names)s.",
            "%(n)d partners invited to complete their records (how many records each): %(names)s.",
            len(done.sent),
        ) % {"n": len(done.sent), "names": names}))
    for user, last, following in done.too_soon:
        said.append((messages.WARNING, _(
            "Not e-mailed: %(email)s was invited on %(last)s, and partners are invited at most once a month; "
            "the next invitation can leave on %(next)s."
        ) % {"email": user.email, "last": f"{timezone.localtime(last):%Y-%m-%d}", "next": f"{timezone.localtime(following):%Y-%m-%d}"}))
    if done.complete:
        said.append((messages.INFO, _("Not e-mailed, as their records of these organisations are complete: %(names)s.") % {
            "names": ", ".join(user.email for user in done.complete)
        }))
    if done.no_address:
        said.append((messages.WARNING, _("Not e-mailed, as their accounts have no e-mail address: %(names)s.") % {
            "names": ", ".join(user.get_username() for user in done.no_address)
        }))
    if done.not_sent:
        said.append((messages.ERROR, _("The e-mail could not be sent to %(names)s (see above); try again later.") % {
            "names": ", ".join(user.email for user in done.not_sent)
        }))
    if not said:
        said.append((messages.WARNING, _("No partner speaks for the chosen organisations: nobody was e-mailed.")))
    return said


admin.site.unregister(Organisation)
admin.site.register(Organisation, OrganisationWithPartnersAdmin)


@admin.register(CompletionReminder)
class CompletionReminderAdmin(admin.ModelAdmin):
    """The record of the invitations to complete records: who was e-mailed when, by whom. Read-only."""

    list_display = ("user", "sent_at", "records", "sent_by")
    list_select_related = ("user", "sent_by")
    search_fields = ("user__username", "user__email")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
