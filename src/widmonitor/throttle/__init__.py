"""Limits per visitor address or per account, counted in the database so that they hold across workers and hosts.

``throttled(key, limit, seconds)`` counts one request under ``key`` and says whether it went past
``limit``: the count and the check are one statement (``Counter.objects.tally``), so requests
arriving together cannot share a place under the limit. Per-address keys take the visitor's
address from ``addresses.client_address`` (behind a trusted reverse proxy, from X-Forwarded-For).
"""


def throttled(key, limit, seconds):
    """Count one request under ``key``; true once more than ``limit`` came within ``seconds`` of the window's first."""
    from .models import Counter  # this package is imported before the app registry is ready, its models after

    return Counter.objects.tally(key, seconds) > limit
