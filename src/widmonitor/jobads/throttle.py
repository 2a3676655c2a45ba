"""A limit on checks per visitor address: the checker is free to use, not free to flood."""

from widmonitor.throttle import throttled
from widmonitor.throttle.addresses import client_address

CHECKS_PER_MINUTE = 30


def over_the_limit(request):
    """Count this check for the visitor's address; true once it passes ``CHECKS_PER_MINUTE`` in a minute."""
    return throttled(f"jobads:checks:{client_address(request)}", CHECKS_PER_MINUTE, 60)
