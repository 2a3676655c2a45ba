"""The partners' side of events: their events, one new event by a form or many from a workbook, and an event's outcome."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from widmonitor.partners.access import partner_required
from widmonitor.partners.limits import submission_refused
from widmonitor.problems import Problems
from widmonitor.vocabularies.choices import Moderation

from . import xlsx_events
from .forms import EventForm, EventOutcomeForm
from .models import Event

MAX_UPLOAD = 5 * 1024 * 1024
EDITABLE = (Moderation.DRAFT, Moderation.SUBMITTED)  # a published event is the moderator's to change


@partner_required
def overview(request):
    events = Event.objects.of_partner(request.user).select_related("initiative").order_by("-starts_at")
    return render(request, "events/partner_overview.html", {"events": events})


@partner_required
def submit(request):
    form = EventForm(request.POST or None, user=request.user)
    limited = request.method == "POST" and form.is_valid() and submission_refused(request)
    if request.method == "POST" and not limited and form.is_valid():
        event = form.save(commit=False)
        event.moderation, event.created_by = Moderation.SUBMITTED, request.user
        event._change_reason = _("Submitted by %(partner)s") % {"partner": request.user.get_username()}
        event.save()
        form.save_m2m()
        messages.success(request, _("Thank you. A moderator will review your event before it is published."))
        return redirect("partner_events:overview")
    status = 429 if limited else 400 if form.errors else 200
    return render(request, "events/event_form.html", {"form": form}, status=status)


@partner_required
def edit(request, uid):
    """Her draft or submitted event, changed and submitted (again) for moderation; the uid stays, the history keeps the change."""
    event = get_object_or_404(Event.objects.of_partner(request.user).filter(moderation__in=EDITABLE), uid=uid)
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        event.moderation = Moderation.SUBMITTED
        event._change_reason = _("Edited by %(partner)s") % {"partner": request.user.get_username()}
        event.save()
        form.save_m2m()
        messages.success(request, _("Your changes are saved. A moderator will review your event before it is published."))
        return redirect("partner_events:overview")
    return render(request, "events/event_form.html", {"form": form, "event": event}, status=400 if form.errors else 200)


@partner_required
def withdraw(request, uid):
    """Her published, coming event cancelled (after she confirms): it leaves the calendar and the feed, its page says
    it is cancelled, the history keeps who withdrew it."""
    event = get_object_or_404(
        Event.objects.of_partner(request.user).published().filter(ends_at__gte=timezone.now()), uid=uid
    )
    if request.method == "POST":
        event.cancelled_at = timezone.now()
        event._change_reason = _("Withdrawn by %(partner)s") % {"partner": request.user.get_username()}
        event.save()
        messages.success(request, _("The event is withdrawn: it is no longer in the calendar, and its page says it is cancelled."))
        return redirect("partner_events:overview")
    return render(request, "events/withdraw.html", {"event": event})


@partner_required
def upload(request):
    problems, created = [], None
    if request.method == "POST":
        upload = request.FILES.get("workbook")
        if upload is None:
            problems = [_("Choose a workbook (.xlsx) to upload.")]
        elif upload.size > MAX_UPLOAD:
            problems = [_("The file has %(size)s MB, more than the %(limit)s MB accepted.") % {"size": round(upload.size / 1048576, 1), "limit": MAX_UPLOAD // 1048576}]
        elif not submission_refused(request):
            try:
                created = xlsx_events.import_events(upload, request.user)
            except Problems as error:
                problems = [str(problem) for problem in error.problems]
        if created is not None:
            messages.success(request, _("%(count)s events submitted. A moderator will review them before they are published.") % {"count": len(created)})
            return redirect("partner_events:overview")
    status = 400 if problems else 200
    return render(request, "events/upload.html", {"problems": problems}, status=status)


@partner_required
def template(request):
    response = FileResponse(xlsx_events.template(request.user), as_attachment=True, filename="events-template.xlsx")
    response["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return response


@partner_required
def outcome(request, uid):
    event = get_object_or_404(Event.objects.of_partner(request.user), uid=uid)
    if not event.has_ended():
        messages.info(request, _("You can report the outcome once the event has ended."))
        return redirect("partner_events:overview")
    form = EventOutcomeForm(request.POST or None, event=event)
    limited = request.method == "POST" and form.is_valid() and submission_refused(request)
    if request.method == "POST" and not limited and form.is_valid():
        form.save(request.user)
        messages.success(request, _("Thank you. A moderator will check the figures before they are shown."))
        return redirect("partner_events:overview")
    context = {"event": event, "form": form, "outcomes": event.outcomes.all()}
    status = 429 if limited else 400 if request.method == "POST" else 200
    return render(request, "events/outcome_form.html", context, status=status)
