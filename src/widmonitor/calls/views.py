import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from widmonitor.opendata import datasets
from widmonitor.opendata.schema_org import dataset_json_ld
from widmonitor.partners.access import partner_required
from widmonitor.partners.models import PartnerMembership

from .access import manager_required, review_pages_required, reviewer_required
from .emails import send_decision
from .forms import ApplicationForm, ConflictForm, DecisionForm, ScoreForm
from .funding import as_csv, funded_rows
from .gaps import FEW, gap_view
from .models import Application, Call, CallRole, Score
from .scoreboard import scoreboard

# The public portal ------------------------------------------------------------------------------


@require_GET
def call_list(request):
    return render(request, "calls/call_list.html", {"calls": Call.objects.published()})


@require_GET
def call_detail(request, slug):
    call = get_object_or_404(Call.objects.published(), slug=slug)
    funded = call.applications.funded().select_related("organisation").order_by("title")
    context = {"call": call, "criteria": call.criteria.all(), "funded": funded, "open": call.is_open()}
    return render(request, "calls/call_detail.html", context)


@require_GET
def funded(request):
    json_ld = dataset_json_ld(datasets.funded_projects(), request)
    return render(request, "calls/funded.html", {"rows": funded_rows(), "json_ld": json_ld})


@require_GET
def funded_download(request, fmt):
    rows = funded_rows()
    if fmt == "csv":
        response = HttpResponse(as_csv(rows), content_type="text/csv; charset=utf-8")
    elif fmt == "json":
        response = HttpResponse(json.dumps(rows, ensure_ascii=False, indent=1), content_type="application/json")
    else:
        raise Http404(f"No download as {fmt}.")
    response["Content-Disposition"] = f'attachment; filename="widmonitor-funded-projects.{fmt}"'
    return response


# The applicant's partner pages -------------------------------------------------------------------


@partner_required
def applications(request):
    context = {
        "open_calls": [call for call in Call.objects.published() if call.is_open()],
        "applications": Application.objects.of_organisations(request.user).select_related("call", "organisation"),
        "speaks_for_some": PartnerMembership.objects.filter(user=request.user).exists(),
    }
    return render(request, "calls/applications.html", context)


@partner_required
def apply(request, slug):
    call = get_object_or_404(Call.objects.published(), slug=slug)
    if not call.is_open():
        messages.error(request, _("The call is not open for applications."))
        return redirect("calls:applications")
    return edit(request, call, Application(call=call, created_by=request.user))


@partner_required
def application(request, pk):
    found = get_object_or_404(Application.objects.of_organisations(request.user).select_related("call"), pk=pk)
    if request.method == "POST" or found.is_draft and not found.call.has_closed():
        return edit(request, found.call, found)
    return render(request, "calls/application_view.html", {"application": found, "call": found.call})


def edit(request, call, draft):
    """Save the draft (a new version each time), or save and submit it; both refused after the deadline."""
    form = ApplicationForm(request.POST or None, instance=draft, user=request.user, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if draft.pk:
                    Application.objects.select_for_update().get(pk=draft.pk).check_editable()
                else:
                    draft.check_editable()
                saved = form.save_version()
                if request.POST.get("action") == "submit":
                    saved.submit()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            done = _("Your application is submitted.") if saved.status == saved.Status.SUBMITTED else _("Your draft is saved.")
            messages.success(request, done)
            return redirect("calls:application", saved.pk)
    context = {"form": form, "call": call, "application": draft if draft.pk else None}
    return render(request, "calls/application_form.html", context, status=400 if form.errors else 200)


# Reviewers and the call's manager ---------------------------------------------------------------


@review_pages_required
def review(request, call):
    reviewable = Application.objects.reviewable_by(request.user, call).select_related("organisation")
    scored = set(Score.objects.filter(reviewer=request.user, application__in=reviewable).values_list("application_id", flat=True))
    conflicts = request.user.call_conflicts.filter(call=call).select_related("organisation")
    context = {
        "call": call, "applications": reviewable, "scored": scored, "conflicts": conflicts,
        "conflict_form": ConflictForm(call=call, reviewer=request.user), **roles(request),
    }  # fmt: skip
    return render(request, "calls/review.html", context)


def roles(request):
    return {"is_reviewer": CallRole.Role.REVIEWER in request.call_roles, "is_manager": CallRole.Role.MANAGER in request.call_roles}


@require_POST
@reviewer_required
def declare_conflict(request, call):
    form = ConflictForm(request.POST, call=call, reviewer=request.user)
    if form.is_valid():
        form.declare(request.user, call)
        messages.success(request, _("Your conflict of interest is recorded; those applications are no longer open to you."))
        return redirect("calls:review", call.slug)
    messages.error(request, " ".join(str(error) for errors in form.errors.values() for error in errors))
    return redirect("calls:review", call.slug)


@review_pages_required
def review_application(request, call, pk):
    found = get_object_or_404(Application.objects.reviewable_by(request.user, call).select_related("organisation"), pk=pk)
    is_reviewer = CallRole.Role.REVIEWER in request.call_roles
    mine = {score.criterion_id: score for score in Score.objects.filter(application=found, reviewer=request.user)}
    form = ScoreForm(request.POST or None, criteria=call.criteria.all(), score_max=call.score_max, initial_scores=mine)
    if request.method == "POST":
        if not is_reviewer:
            raise PermissionDenied
        if found.status != Application.Status.SUBMITTED:
            form.add_error(None, _("This application is decided; its scores are closed."))
        elif form.is_valid():
            for criterion, (value, comment) in form.scores().items():
                Score.objects.update_or_create(application=found, criterion=criterion, reviewer=request.user, defaults={"value": value, "comment": comment})
            messages.success(request, _("Your scores are saved."))
            return redirect("calls:review", call.slug)
    context = {"call": call, "application": found, "form": form, "gaps": gap_view(found), "few": FEW, **roles(request)}
    return render(request, "calls/review_application.html", context, status=400 if form.errors else 200)


@manager_required
def ranking(request, call):
    criteria, entries = scoreboard(call, request.user)
    context = {
        "call": call, "criteria": criteria, "entries": entries, "few": FEW, "merit_weight": 100 - call.gap_weight,
        "decision_form": DecisionForm(),
    }  # fmt: skip
    return render(request, "calls/ranking.html", context)


@require_POST
@manager_required
def decide(request, call, pk):
    found = get_object_or_404(Application.objects.reviewable_by(request.user, call), pk=pk)
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(list(form.errors.values()))
        data = form.cleaned_data
        found.decide(request.user, data["decision"] == "funded", data["reasons"], data["amount"])
    except ValidationError as error:
        messages.error(request, _("“%(title)s” is not decided: %(errors)s") % {"title": found.title, "errors": " ".join(error.messages)})
        return redirect("calls:ranking", call.slug)
    send_decision(found)
    messages.success(request, _("“%(title)s”: %(status)s. The applicant is told by e-mail.") % {"title": found.title, "status": found.get_status_display()})
    return redirect("calls:ranking", call.slug)
