from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from widmonitor.initiatives.writes import save_initiative
from widmonitor.throttle import throttled
from widmonitor.throttle.addresses import client_address
from widmonitor.vocabularies.choices import Moderation

from .access import partner_required
from .forms import InitiativeProposalForm
from .limits import submission_refused
from .models import RESETS_PER_HOUR, PartnerMembership, Proposal, initiatives_of


@partner_required
def overview(request):
    context = {
        "memberships": PartnerMembership.objects.filter(user=request.user).select_related("organisation"),
        "initiatives": initiatives_of(request.user).least_complete_first(),
        "proposals": Proposal.objects.filter(author=request.user).select_related("initiative"),
    }
    return render(request, "partners/overview.html", context)


@partner_required
def submit(request):
    form = InitiativeProposalForm(request.POST or None, user=request.user)
    limited = request.method == "POST" and form.is_valid() and submission_refused(request)
    if request.method == "POST" and not limited and form.is_valid():
        initiative = form.save(commit=False)
        initiative.moderation = Moderation.SUBMITTED
        initiative.created_by = request.user
        reason = _("Submitted by %(partner)s") % {"partner": request.user.get_username()}
        save_initiative(initiative, form.relations(), request.user, reason)
        messages.success(request, _("Thank you. A moderator will review your initiative before it is published."))
        return redirect("partners:overview")
    return render(request, "partners/initiative_form.html", {"form": form, "initiative": None}, status=status_of(limited, form))


@partner_required
def propose(request, uid):
    initiative = get_object_or_404(initiatives_of(request.user), uid=uid)
    form = InitiativeProposalForm(request.POST or None, instance=initiative, user=request.user)
    limited = False
    if request.method == "POST" and form.is_valid():
        data, seen_version = form.proposed_changes(initiative)
        if not data:
            messages.info(request, _("You changed nothing, so there is nothing to propose."))
        elif not (limited := submission_refused(request)):
            Proposal.objects.create(initiative=initiative, author=request.user, data=data, seen_version=seen_version)
            messages.success(request, _("Thank you. A moderator will review your proposal; the record is unchanged until then."))
            return redirect("partners:overview")
    context = {"form": form, "initiative": initiative, "completeness": initiative.completeness()}
    return render(request, "partners/initiative_form.html", context, status=status_of(limited, form))


def status_of(limited, form):
    """A refused POST answers 429 when over the limit, 400 when the form is wrong."""
    return 429 if limited else 400 if form.errors else 200


class LoginView(auth_views.LoginView):
    template_name = "partners/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("partners:overview")


class PasswordResetView(auth_views.PasswordResetView):
    """At most ``RESETS_PER_HOUR`` requests from one address an hour: the link is e-mailed, not a guessing game."""

    template_name = "partners/password_reset_form.html"
    email_template_name = "partners/emails/password_reset.txt"
    subject_template_name = "partners/emails/password_reset_subject.txt"
    success_url = reverse_lazy("partners:password_reset_done")

    def form_valid(self, form):
        key = f"partners:password-reset:{client_address(self.request)}"
        if throttled(key, RESETS_PER_HOUR, 3600):
            form.add_error(None, _("Too many password reset requests from your address. Please try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "partners/password_reset_confirm.html"
    success_url = reverse_lazy("partners:password_reset_complete")
    extra_context = {"reset_url_name": "partners:password_reset"}  # where an expired link asks for a new one
