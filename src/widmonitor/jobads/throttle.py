"""A limit on checks per visitor address: the checker is free to use, not free to flood."""

from django.core.cache import cache

CHECKS_PER_MINUTE = 30


def over_the_limit(request):
    """Count this check for the visitor's address; true once it passes ``CHECKS_PER_MINUTE`` in a minute."""
    key = f"jobads:checks:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=60)
    try:
        return cache.incr(key) > CHECKS_PER_MINUTE
    except ValueError:  # the minute ended between add and incr
        cache.set(key, 1, timeout=60)
        return False
