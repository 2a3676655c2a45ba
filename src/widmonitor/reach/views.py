from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from widmonitor.partners.access import partner_required
from widmonitor.partners.limits import submission_refused
from widmonitor.partners.models import initiatives_of

from .forms import OutcomeForm


@partner_required
def outcomes(request, uid):
    """A partner's reach of one of her organisations' initiatives: what was entered, and a new outcome for a year."""
    initiative = get_object_or_404(initiatives_of(request.user), uid=uid)
    form = OutcomeForm(request.POST or None, initiative=initiative)
    limited = request.method == "POST" and form.is_valid() and submission_refused(request)
    if request.method == "POST" and not limited and form.is_valid():
        form.save(request.user)
        messages.success(request, _("Thank you. A moderator will check the figures before they are shown."))
        return redirect("reach:outcomes", uid=initiative.uid)
    context = {"initiative": initiative, "form": form, "outcomes": initiative.outcomes.all()}
    status = 429 if limited else 400 if request.method == "POST" else 200
    return render(request, "reach/outcomes.html", context, status=status)

