from datetime import timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from widmonitor.partners.access import partner_required
from widmonitor.partners.models import (
    SUBMISSIONS_PER_HOUR,
    initiatives_of,
    submissions_in_last_hour,
)

from .forms import OutcomeForm
from .models import Outcome


@partner_required
def outcomes(request, uid):
    """A partner's reach of one of her organisations' initiatives: what was entered, and a new outcome for a year."""
    initiative = get_object_or_404(initiatives_of(request.user), uid=uid)
    form = OutcomeForm(request.POST or None, initiative=initiative)
    limited = request.method == "POST" and over_the_limit(request)
    if request.method == "POST" and not limited and form.is_valid():
        form.save(request.user)
        messages.success(request, _("Thank you. A moderator will check the figures before they are shown."))
        return redirect("reach:outcomes", uid=initiative.uid)
    context = {"initiative": initiative, "form": form, "outcomes": initiative.outcomes.all()}
    status = 429 if limited else 400 if request.method == "POST" else 200
    return render(request, "reach/outcomes.html", context, status=status)


def sent_in_last_hour(user):
    """Initiatives, proposals and outcomes together: one budget of submissions per partner."""
    since = timezone.now() - timedelta(hours=1)
    return submissions_in_last_hour(user) + Outcome.objects.filter(entered_by=user, created_at__gte=since).count()


def over_the_limit(request):
    if sent_in_last_hour(request.user) < SUBMISSIONS_PER_HOUR:
        return False
    messages.error(
        request,
        _("You have sent %(limit)s initiatives, proposals and outcomes in the last hour, the most we accept. Please try again later.")
        % {"limit": SUBMISSIONS_PER_HOUR},
    )
    return True
