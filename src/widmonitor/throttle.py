"""A limit per visitor address: count each request in the cache, refuse past the limit until the window ends."""

from django.core.cache import cache


def throttled(key, limit, seconds):
    """Count one request under ``key``; true once more than ``limit`` came within ``seconds`` of the first."""
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window ended between add and incr
        cache.set(key, 1, timeout=seconds)
        return False
