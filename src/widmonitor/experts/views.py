"""The directory and the panel check (public), an expert's own pages, and the partners' invitation page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from widmonitor.partners.access import partner_required
from widmonitor.partners.emails import invited
from widmonitor.partners.views import (
    PasswordResetConfirmView as PartnerPasswordResetConfirmView,
)
from widmonitor.partners.views import PasswordResetView as PartnerPasswordResetView

from . import panels
from .access import expert_required
from .consent import CURRENT_WORDING, wording
from .data_export import personal_data
from .emails import send_invitation
from .forms import (
    ConsentForm,
    DirectorySearchForm,
    ExpertInvitationForm,
    ExpertProfileForm,
    PanelCheckForm,
)
from .models import INVITATIONS_PER_HOUR, ExpertProfile, invitation_refused

PAGE_SIZE = 20
SUGGESTIONS = 12


def public_profiles():
    return ExpertProfile.objects.public().select_related("region").prefetch_related("topics", "languages")


def directory(request):
    form = DirectorySearchForm(request.GET or None)
    page = Paginator(public_profiles().matching(**form.filters()), PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "experts/directory.html", {"form": form, "page": page, "params": params.urlencode()})


def profile(request, pk):
    expert = get_object_or_404(public_profiles(), pk=pk)
    return render(request, "experts/profile.html", {"expert": expert})


def panel_check(request):
    form = PanelCheckForm(request.GET or None)
    assessment = suggestions = None
    if form.is_bound and form.is_valid():
        assessment = panels.assess(form.counts())
        wanted = {"topics": form.cleaned_data["topics"], "language": form.cleaned_data["language"]}
        suggestions = public_profiles().filter(willing_to_speak=True).matching(**wanted)[:SUGGESTIONS]
    context = {"form": form, "assessment": assessment, "suggestions": suggestions, "charter_url": panels.CHARTER_URL}
    return render(request, "experts/panel_check.html", context, status=400 if form.errors else 200)


@expert_required
def me(request, expert):
    form = ExpertProfileForm(request.POST or None, instance=expert)
    if request.method == "POST" and form.is_valid():
        form.instance._change_reason = _("Edited by the expert")
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("experts:me")
    consent = expert.open_consent()
    context = {
        "form": form,
        "expert": expert,
        "consent": consent,
        "erase_due": None if consent else expert.erase_due_on(),  # the template shows it only without consent
        "erase_days": settings.EXPERT_ERASE_DAYS,
    }
    return render(request, "experts/me.html", context, status=400 if form.errors else 200)


@expert_required
def consent(request, expert):
    form = ConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        expert.give_consent(CURRENT_WORDING)
        messages.success(request, _("Thank you. Your profile is now public in the directory."))
        return redirect("experts:me")
    context = {"form": form, "wording": wording(CURRENT_WORDING), "version": CURRENT_WORDING}
    return render(request, "experts/consent.html", context, status=400 if form.errors else 200)


@expert_required
@require_POST
def withdraw(request, expert):
    if expert.withdraw_consent():
        due = date_format(expert.erase_due_on(), "DATE_FORMAT")
        messages.success(
            request,
            _("Your consent is withdrawn: your profile is hidden now and will be erased on %(date)s unless you consent again.")
            % {"date": due},
        )
    return redirect("experts:me")


@expert_required
def download(request, expert):
    response = JsonResponse(personal_data(expert), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="widmonitor-expert-profile.json"'
    return response


@partner_required
def invite(request):
    """Whether the address has an account already is not said: the answer is the same, and every try counts."""
    form = ExpertInvitationForm(request.POST or None, disclose_accounts=False)
    if request.method == "POST" and form.is_valid():
        if over_the_limit(request):
            return render(request, "experts/invite.html", {"form": form}, status=429)
        expert = form.save(request.user)
        if expert is not None and not send_invitation(expert, request.user):
            messages.warning(request, invited(expert.user.email, sent=False))
        else:
            messages.success(request, invited_unless_known(form.cleaned_data["email"]))
        return redirect("partners:overview")
    return render(request, "experts/invite.html", {"form": form}, status=400 if form.errors else 200)


def invited_unless_known(email):
    return _(
        "Unless %(email)s already has an account (which this page does not reveal), she is invited: "
        "an e-mail with a link to choose her password is on its way."
    ) % {"email": email}


def over_the_limit(request):
    if not invitation_refused(request.user):
        return False
    messages.error(
        request,
        _("You have invited %(limit)s experts in the last hour, the most we accept. Please try again later.")
        % {"limit": INVITATIONS_PER_HOUR},
    )
    return True


class LoginView(auth_views.LoginView):
    template_name = "experts/login.html"
    next_page = reverse_lazy("experts:me")


class PasswordSetView(PartnerPasswordResetConfirmView):
    """The partners' page to choose a password; an expired link asks the experts' reset for a new one."""

    success_url = reverse_lazy("experts:password_set_done")
    extra_context = {"reset_url_name": "experts:password_reset"}


class PasswordResetView(PartnerPasswordResetView):
    """The partners' reset, with its limit per address, e-mailing a link to the experts' password page."""

    template_name = "experts/password_reset_form.html"
    email_template_name = "experts/emails/password_reset.txt"
    subject_template_name = "experts/emails/password_reset_subject.txt"
    success_url = reverse_lazy("experts:password_reset_done")
