"""A limit on self-checks stored per visitor address: the statistics count people, not presses of a button.

``STORES_PER_HOUR`` leaves room for a class sharing one school address (30 pupils storing their
start and their statistics), not for one person filling the statistics.
"""

from django.utils.translation import gettext as _

from widmonitor.throttle import throttled
from widmonitor.throttle.addresses import client_address

STORES_PER_HOUR = 60


def store_refused(request):
    """Count one store for the visitor's address; past the hour's limit, the sentence that says so (else "")."""
    if not throttled(f"selfcheck:stores:{client_address(request)}", STORES_PER_HOUR, 3600):
        return ""
    return _("%(limit)s self-checks were stored from your internet address in the last hour, the most we accept. Nothing was stored: please try again later.") % {
        "limit": STORES_PER_HOUR
    }
