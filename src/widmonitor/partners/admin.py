"""The back office's side: partner memberships, invitations, and the queue of proposals: each one's page shows its
diff and has the buttons to accept or reject it."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from widmonitor.back_office import ReadOnlyAdmin
from widmonitor.actors.admin import OrganisationAdmin
from widmonitor.actors.models import Organisation

from . import reminders
from .diffs import rows
from .emails import invited, send_invitation, send_proposal_decision
from .forms import InvitationForm
from .invitations import invite_again
from .models import CompletionReminder, PartnerMembership, Proposal


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


class MessageForm(forms.Form):
    """The message of a decision taken on a proposal's page: required to reject (``Proposal.reject`` says so)."""

    message = forms.CharField(required=False, max_length=2000)


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    action_form = DecisionForm
    actions = ("accept", "reject")
    list_display = ("proposal", "author", "status", "proposed", "moderation")
    list_display_links = ("proposal",)
    list_filter = ("status",)
    list_select_related = ("initiative", "author", "decided_by")
    search_fields = ("initiative__uid", "author__username")
    pending_fields = ("initiative", "author", "status", "created_at", "seen_version", "diff")
    decided_fields = (*pending_fields, "message", "decided_by", "decided_at")
    readonly_fields = decided_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        """A pending proposal's page ends with its diff, then the buttons to decide (the decision's fields are empty)."""
        return self.pending_fields if obj is not None and obj.status == Proposal.Status.PENDING else self.decided_fields

    def get_urls(self):
        def decision(name, decide):
            view = self.admin_site.admin_view(require_POST(partial(decide_view, self, decide)))
            return path(f"<int:pk>/{name}/", view, name=f"partners_proposal_{name}")

        accept = decision("accept", lambda proposal, request, message: proposal.accept(request.user, message))
        reject = decision("reject", lambda proposal, request, message: proposal.reject(request.user, message))
        return [accept, reject, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Read-only: a proposal is decided with its Accept and Reject buttons, never saved as a form."""
        context = {"show_save": False, "show_save_and_continue": False, "show_save_and_add_another": False, "show_delete": False}
        return super().change_view(request, object_id, form_url, {**context, **(extra_context or {})})

    @admin.display(description=_("proposal"), ordering="pk")
    def proposal(self, obj):
        return _("#%(number)s %(initiative)s") % {"number": obj.pk, "initiative": obj.initiative}

    @admin.display(description=_("proposed"), ordering="created_at")
    def proposed(self, obj):
        return moment(obj.created_at)

    @admin.display(description=_("moderation"), ordering="decided_at")
    def moderation(self, obj):
        if obj.decided_at is None:
            return "–"
        who = obj.decided_by.get_username() if obj.decided_by else _("someone")
        return format_html("{}<br>{}", who, moment(obj.decided_at))

    @admin.display(description=_("changes (field, now, after accepting)"))
    def diff(self, obj):
        found = rows(obj.changes())
        if not found:
            return _("Nothing: the record already shows these values.")
        warning = moved_on(obj) if obj.status == Proposal.Status.PENDING and obj.initiative.version != obj.seen_version else ""
        return render_to_string("partners/admin/proposal_diff.html", {"rows": found, "warning": warning})

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


def moment(when):
    """A date and time as a short, sortable text in a ``<time>`` element."""
    local = timezone.localtime(when)
    return format_html('<time datetime="{}">{}</time>', local.isoformat(), local.strftime("%Y-%m-%d %H:%M"))


def decide_view(model_admin, decide, request, pk):
    """Accept or reject one proposal from its page (POST, with the message); back to the queue, or to the page if refused."""
    proposal = get_object_or_404(Proposal.objects.select_related("initiative", "author"), pk=pk)
    if not model_admin.has_change_permission(request, proposal):
        raise PermissionDenied
    page = reverse("admin:partners_proposal_change", args=[pk])
    form = MessageForm(request.POST)
    if not form.is_valid():
        model_admin.message_user(request, " ".join(form.errors["message"]), messages.ERROR)
        return redirect(page)
    try:
        decide(proposal, request, form.cleaned_data["message"])
    except ValidationError as error:  # no message to reject, already decided, or its record changed meanwhile
        model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
        return redirect(page)
    send_proposal_decision(proposal)
    if proposal.status == Proposal.Status.ACCEPTED:
        done = _("Proposal #%(number)s is accepted: the record shows it.")
    else:
        done = _("Proposal #%(number)s is rejected.")
    model_admin.message_user(request, done % {"number": proposal.pk}, messages.SUCCESS)
    return redirect(reverse("admin:partners_proposal_changelist") + "?status__exact=pending")


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
class CompletionReminderAdmin(ReadOnlyAdmin):
    """The record of the invitations to complete records: who was e-mailed when, by whom. Read-only."""

    list_display = ("user", "sent_at", "records", "sent_by")
    list_select_related = ("user", "sent_by")
    search_fields = ("user__username", "user__email")
