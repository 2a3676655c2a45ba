"""Where errors are written: stderr and ``$WIDMONITOR_HOME/logs/errors.log``, a 500's traceback among them.

Django alone sends a 500's traceback to the administrators' e-mail (none is configured) and to the
console only under DEBUG, so in production a server error left no trace. ``logging_config(home)``
is the ``LOGGING`` setting: Django's errors (``django.request``'s 500s, ``django.security``) and
widmonitor's warnings go to stderr (which gunicorn and systemd keep) and to a file that rotates at
5 MB, five kept. Tracebacks only: no request body, so no form's text, is written.
"""

from logging.handlers import RotatingFileHandler
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 5


class ErrorFileHandler(RotatingFileHandler):
    """A rotating file whose folder is made (readable by its owner only) when the first record is written."""

    def __init__(self, filename, **kwargs):
        super().__init__(filename, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True, **kwargs)

    def _open(self):
        Path(self.baseFilename).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        return super()._open()


def logging_config(home):
    """The ``LOGGING`` setting for a platform whose home folder is ``home``."""
    handlers = ["stderr", "file"]
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
            "file": {"()": ErrorFileHandler, "filename": str(Path(home) / "logs" / "errors.log"), "formatter": "plain"},
        },
        "loggers": {
            "django": {"handlers": handlers, "level": "ERROR"},
            "widmonitor": {"handlers": handlers, "level": "WARNING"},
        },
    }
