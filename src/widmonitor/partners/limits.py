"""A partner's budget of submissions: new initiatives, proposals and outcomes together, ``SUBMISSIONS_PER_HOUR`` an hour.

Counted when a submission is about to be saved (a form with errors costs nothing), by
``widmonitor.throttle``: one count in the database for all workers, which simultaneous requests
cannot share.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from widmonitor.throttle import throttled

from .models import SUBMISSIONS_PER_HOUR


def submission_refused(request):
    """Count one submission of ``request.user``; past the hour's budget, tell her and return True (nothing is saved)."""
    if not throttled(f"partners:submissions:{request.user.pk}", SUBMISSIONS_PER_HOUR, 3600):
        return False
    messages.error(
        request,
        _("You have sent %(limit)s initiatives, proposals and outcomes in the last hour, the most we accept. Please try again later.")
        % {"limit": SUBMISSIONS_PER_HOUR},
    )
    return True
