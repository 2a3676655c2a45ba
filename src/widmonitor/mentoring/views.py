"""The pages of mentors and mentees: applying to a cycle, confirming, her own page, her pair, her follow-up.

They have no account: each page after the application is reached by a signed link e-mailed to
her (``links``). An expert of the directory, logged in, applies as a mentor from her profile.
"""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from widmonitor.experts.access import own_profile
from widmonitor.throttle import throttled
from widmonitor.throttle.addresses import client_address

from . import emails, links
from .choices import Role
from .data_export import personal_data
from .forms import ApplicationForm, EndForm, FollowUpForm, initial_from_expert
from .models import Cycle, FollowUp, Pair, PairClosed, Profile

APPLICATIONS_PER_HOUR = 10


def open_cycles(request):
    cycles = Cycle.objects.open_to_the_public().select_related("programme")
    return render(request, "mentoring/open_cycles.html", {"cycles": cycles})


def apply(request, pk, role):
    cycle = get_object_or_404(Cycle.objects.open_to_the_public().select_related("programme"), pk=pk)
    return application(request, cycle, role)


def apply_invited(request, key, role):
    cycle = get_object_or_404(Cycle.objects.select_related("programme"), invitation_key=key)
    if not cycle.accepts_applications():
        return render(request, "mentoring/closed.html", {"cycle": cycle}, status=410)
    return application(request, cycle, role)


def application(request, cycle, role):
    if role not in Role.values:
        raise Http404
    expert = own_profile(request.user) if request.user.is_authenticated and role == Role.MENTOR else None
    initial = initial_from_expert(expert, request.LANGUAGE_CODE) if expert else {"language": request.LANGUAGE_CODE}
    form = ApplicationForm(request.POST or None, initial=initial, role=role, programme=cycle.programme)
    if request.method == "POST" and form.is_valid() and over_the_limit(request, form):
        return render(request, "mentoring/apply.html", {"form": form, "cycle": cycle, "role": role, "expert": expert}, status=429)
    if request.method == "POST" and form.is_valid():
        profile = form.save(cycle, expert=expert)
        if expert and expert.user.email == profile.email:  # her directory account's address, confirmed by its invitation
            profile.confirm()
            return redirect("mentoring:me", links.token("profile", profile=profile.pk))
        emails.send_confirmation(profile, cycle)
        return render(request, "mentoring/check_your_email.html", {"cycle": cycle, "email": profile.email})
    context = {"form": form, "cycle": cycle, "role": role, "expert": expert}
    return render(request, "mentoring/apply.html", context, status=400 if form.errors else 200)


def over_the_limit(request, form):
    """At most ``APPLICATIONS_PER_HOUR`` applications an hour from one address: each sends an e-mail to the address typed."""
    if not throttled(f"mentoring:applications:{client_address(request)}", APPLICATIONS_PER_HOUR, 3600):
        return False
    form.add_error(None, _("Too many applications from your address in the last hour. Please try again later."))
    return True


def profile_from(value, purpose="profile", max_age=None):
    try:
        pk = links.read(purpose, value, max_age=max_age)["profile"]
    except links.BadLink as error:
        raise Http404 from error
    return get_object_or_404(Profile.objects.alive(), pk=pk)


def confirm(request, token):
    profile = profile_from(token, "confirm", max_age=links.CONFIRM_SECONDS)
    if request.method == "POST":
        profile.confirm()
        messages.success(request, _("Thank you: your application is confirmed."))
        return redirect("mentoring:me", links.token("profile", profile=profile.pk))
    return render(request, "mentoring/confirm.html", {"profile": profile})


def me(request, token):
    profile = profile_from(token)
    pairs = [(pair, links.token("pair", pair=pair.pk, role=profile.role)) for pair in profile.pairs_as(profile.role).select_related("cycle__programme")]
    context = {"profile": profile, "token": token, "pairs": pairs, "participations": profile.participations.select_related("cycle__programme")}
    return render(request, "mentoring/me.html", context)


def download(request, token):
    response = JsonResponse(personal_data(profile_from(token)), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="widmonitor-mentoring-profile.json"'
    return response


@require_POST
def withdraw(request, token):
    profile_from(token).erase()
    return render(request, "mentoring/erased.html")


@require_POST
def leave_pool(request, token):
    profile = profile_from(token)
    if profile.leave_pool():
        messages.success(request, _("You left the shared pool: your profile is erased after your last cycle."))
    return redirect("mentoring:me", token)


def pair_from(value):
    try:
        data = links.read("pair", value)
    except links.BadLink as error:
        raise Http404 from error
    pair = get_object_or_404(Pair.objects.select_related("cycle__programme", "mentee__profile", "mentor__profile"), pk=data["pair"])
    if pair.side(data["role"]).profile.erased_at:
        raise Http404
    return pair, data["role"]


def pair(request, token):
    pair, role = pair_from(token)
    form = EndForm(request.POST if request.POST.get("action") == "end" else None)
    if request.method == "POST":
        if answered(request, pair, role, form):
            return redirect("mentoring:pair", token)
    other = pair.side(Role.MENTOR if role == Role.MENTEE else Role.MENTEE).profile
    mine = pair.side(role).profile
    context = {"pair": pair, "role": role, "other": other, "form": form, "token_of_profile": links.token("profile", profile=mine.pk)}
    return render(request, "mentoring/pair.html", context, status=400 if form.errors else 200)


def answered(request, pair, role, form):
    """Carry out her answer (accept, decline, end); false when the end form needs correcting."""
    action = request.POST.get("action")
    try:
        if action == "accept":
            pair.accept(role)
            messages.success(request, _("Thank you: you accepted this match."))
        elif action == "decline":
            pair.decline(role)
            messages.success(request, _("You declined this match: the programme will look for another."))
        elif action == "end" and form.is_valid():
            pair.end(role, form.cleaned_data["reason"])
            messages.success(request, _("The mentoring is ended. Thank you for taking part."))
        else:
            return False
    except PairClosed as error:
        messages.error(request, error.messages[0])
    return True


def follow_up(request, token):
    try:
        pk = links.read("follow-up", token)["follow_up"]
    except links.BadLink as error:
        raise Http404 from error
    record = get_object_or_404(FollowUp.objects.select_related("participation__cycle__programme"), pk=pk)
    form = FollowUpForm(request.POST or None)
    if record.answered_at is None and request.method == "POST" and form.is_valid():
        FollowUp.objects.filter(pk=record.pk).update(answered_at=timezone.now(), **form.answers())
        return render(request, "mentoring/thanks.html", {"record": record})
    return render(request, "mentoring/follow_up.html", {"record": record, "form": form}, status=400 if form.errors else 200)
