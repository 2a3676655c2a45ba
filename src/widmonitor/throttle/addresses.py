"""The visitor's address, for per-address limits and the login throttle (django-axes) alike.

Behind a reverse proxy every request comes from the proxy's address; the proxy names the
visitor's in ``X-Forwarded-For``, which anyone can also send. So that header is read only when
the request comes from an address of ``WIDMONITOR_TRUSTED_PROXIES``, and from its right end:
each trusted proxy appends the address it received the request from, so the first address from
the right that is not a trusted proxy is the visitor's. Whatever a visitor writes to the left of
it is never read.
"""

from ipaddress import ip_address

from django.conf import settings


def client_address(request):
    """The address the request came from: ``REMOTE_ADDR``, or the visitor's behind trusted proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not trusted(remote):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(hops):
        address = parsed(hop)
        if address is None:  # not an address: nothing to its left was written by a proxy
            return remote
        if not trusted(hop):
            return str(address)
        remote = str(address)
    return remote


def trusted(address):
    """Whether ``address`` is one of ``WIDMONITOR_TRUSTED_PROXIES``'s."""
    address = parsed(address)
    return address is not None and any(address in network for network in settings.TRUSTED_PROXIES)


def parsed(text):
    try:
        return ip_address(text)
    except ValueError:
        return None
