"""Serving the platform: the address it listens on, its static files, and gunicorn for production.

``widmonitor serve`` runs Django's development server (one process, for local use and the
demo); ``widmonitor serve --workers N`` runs gunicorn with N worker processes. Either way
WhiteNoise serves the static files (settings.py), which `widmonitor setup` collects.
"""

import socket

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.management.commands.runserver import naiveip_re
from gunicorn.app.base import BaseApplication

DEFAULT_ADDRESS, DEFAULT_PORT = "127.0.0.1", "8000"
EVERYWHERE = ("0.0.0.0", "[::]")
NOT_COLLECTED = ["redoc.standalone.js*"]  # django-ninja's ReDoc: never shown, so not collected


class AddressError(ValueError):
    """An ADDR:PORT that is neither a port nor an address and port."""


def listening_on(addrport):
    """``(host, port)`` of ``serve ADDRPORT`` (an IPv6 address keeps its brackets); 127.0.0.1:8000 by default."""
    match = naiveip_re.match(addrport or f"{DEFAULT_ADDRESS}:{DEFAULT_PORT}")
    if match is None:
        raise AddressError(f"{addrport!r} is not a port or an address:port, e.g. 8080 or 127.0.0.1:8080.")
    return match["addr"] or DEFAULT_ADDRESS, match["port"]


def served_url(addrport):
    """The address ``serve ADDRPORT`` listens on, as a person should type it."""
    host, port = listening_on(addrport)
    shown = "<this machine's address>" if host in EVERYWHERE else host
    return f"http://{shown}:{port}/"


def follow_served_address(addrport):
    """Links in e-mails start with the address served, unless ``WIDMONITOR_SITE_URL`` says where the site is."""
    if not settings.SITE_URL_GIVEN:
        host, port = listening_on(addrport)
        settings.SITE_URL = f"http://{socket.getfqdn() if host in EVERYWHERE else host}:{port}"
    return settings.SITE_URL


def static_files_missing():
    """Whether ``{% static %}`` needs the manifest of collected files (not under DEBUG) and it is not there yet."""
    return isinstance(staticfiles_storage, ManifestFilesMixin) and staticfiles_storage.read_manifest() is None


class Gunicorn(BaseApplication):
    """gunicorn serving the platform's WSGI application, configured by ``options`` (bind, workers, ...)."""

    def __init__(self, options):
        self.options = options
        super().__init__()

    def load_config(self):
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self):
        from django.core.wsgi import get_wsgi_application  # in each worker, after the fork

        return get_wsgi_application()


def run_gunicorn(addrport, workers):
    host, port = listening_on(addrport)
    options = {"bind": f"{host}:{port}", "workers": workers, "accesslog": "-", "errorlog": "-", "timeout": 60}
    Gunicorn(options).run()
