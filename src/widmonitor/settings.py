"""Settings for widmonitor, driven by environment variables.

Every variable starts with ``WIDMONITOR_``. With none set, widmonitor runs as an
offline demo: SQLite in ``./var``, a secret key generated once and kept there.
"""

import os
import secrets
from datetime import timedelta
from ipaddress import ip_network
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from widmonitor.error_log import logging_config

REPO_DIR = Path(__file__).resolve().parents[2]


def envbool(name, default):
    value = os.environ.get(name, default)
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}.")


def envint(name, default, minimum=0):
    value = os.environ.get(name, default)
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number of at least {minimum}, not {value!r}.")
    return number


def envemail(name, default):
    value = os.environ.get(name, default).strip()
    if value and (value.count("@") != 1 or not value.split("@")[0] or "." not in value.split("@")[1] or " " in value):
        raise ImproperlyConfigured(f"{name} must be an e-mail address (name@example.org), not {value!r}.")
    return value


def envurl(name, default):
    value = os.environ.get(name, default).strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"{name} must be a web address starting with https:// or http://, not {value!r}.")
    return value


def envpath(name, default):
    return Path(os.environ.get(name, default)).expanduser().resolve()


def envnetworks(name, default):
    """Comma-separated addresses or networks, e.g. ``127.0.0.1,10.0.0.0/8``."""
    networks = []
    for item in os.environ.get(name, default).split(","):
        if item.strip():
            try:
                networks.append(ip_network(item.strip()))
            except ValueError as error:
                raise ImproperlyConfigured(
                    f"{name} must list addresses or networks separated by commas (e.g. 127.0.0.1,10.0.0.0/8), not {item.strip()!r}."
                ) from error
    return networks


def database_from_url(url):
    """Django DATABASES entry from ``sqlite:///path`` or ``postgres://user:pw@host:port/name``."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": unquote(parts.path[1:]) or ":memory:",
            # A transaction takes the write lock when it begins, waiting up to 20 s for another's: one that
            # took it only at its first write could not wait (SQLite answers "database is locked" at once).
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            # keep each worker's connection between requests: opening one (Django registers its SQL functions
            # on each) cost a cached page half its time
            "CONN_MAX_AGE": 60,
        }
    if parts.scheme in ("postgres", "postgresql"):
        if not parts.path.strip("/"):
            raise ImproperlyConfigured("WIDMONITOR_DATABASE_URL names no database (postgres://user@host:5432/NAME).")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.strip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,  # keep connections between requests: a new one costs more than most queries
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"WIDMONITOR_DATABASE_URL must start with sqlite:/// or postgres://, not {parts.scheme!r}."
    )


def cache_from_url(url):
    """Django CACHES entry from ``locmem://``, ``redis://host:6379/0`` or ``db://table``."""
    parts = urlsplit(url)
    if parts.scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if parts.scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if parts.scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": parts.netloc or "widmonitor_cache"}
    raise ImproperlyConfigured(f"WIDMONITOR_CACHE_URL must start with locmem://, redis:// or db://, not {parts.scheme!r}.")


def secret_key(home):
    key = os.environ.get("WIDMONITOR_SECRET_KEY")
    if key:
        return key
    path = home / "secret.key"
    if not path.exists():
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


HOME_DIR = envpath("WIDMONITOR_HOME", "var")
CONFIG_DIR = envpath("WIDMONITOR_CONFIG_DIR", str(REPO_DIR / "config"))
DATA_DIR = envpath("WIDMONITOR_DATA_DIR", str(REPO_DIR / "data"))

STRATEGY = os.environ.get("WIDMONITOR_STRATEGY", "belgium-wid-2021")  # code of the strategy being run
# The languages content is stored in (read when first needed, see widmonitor.languages);
# the interface languages are LANGUAGES below.
CONTENT_LANGUAGES_FILE = envpath("WIDMONITOR_CONTENT_LANGUAGES", str(CONFIG_DIR / "languages.yaml"))
DEBUG = envbool("WIDMONITOR_DEBUG", "0")
SECRET_KEY = secret_key(HOME_DIR)
SECRET_KEY_GIVEN = bool(os.environ.get("WIDMONITOR_SECRET_KEY"))  # else generated (`widmonitor check --deploy` says so)
ALLOWED_HOSTS = [h for h in os.environ.get("WIDMONITOR_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

DATABASES = {
    "default": database_from_url(
        os.environ.get("WIDMONITOR_DATABASE_URL", f"sqlite:///{HOME_DIR / 'widmonitor.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Repeated public searches come from this cache; its keys follow the registry (search.cache),
# so several processes or hosts stay correct with any backend. Production: redis:// or db://.
CACHES = {"default": cache_from_url(os.environ.get("WIDMONITOR_CACHE_URL", "locmem://"))}

INSTALLED_APPS = [
    "widmonitor.apps.BackOfficeAdminConfig",  # Django's admin with the back office's site (back_office.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "csp",
    "ninja",  # its bundled Swagger UI files, for the API's docs page
    "widmonitor",
    "widmonitor.throttle",
    "widmonitor.vocabularies",
    "widmonitor.strategy",
    "widmonitor.actors",
    "widmonitor.initiatives",
    "widmonitor.search",
    "widmonitor.indicators",
    "widmonitor.api",
    "widmonitor.partners",
    "widmonitor.portal",
    "widmonitor.jobads",
    "widmonitor.selfcheck",
    "widmonitor.reports",
    "widmonitor.reach",
    "widmonitor.events",
    "widmonitor.experts",
    "widmonitor.mentoring",
    "widmonitor.sitepages",
    "widmonitor.dashboard",
    "widmonitor.calls",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, under any server
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "widmonitor.request_guards.RequestGuardMiddleware",  # before anything reads a body (the CSRF check does)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "widmonitor.partners.emails.FailedMailMiddleware",  # an e-mail that fails tells who sent it
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "widmonitor.sitepages.licence.LicenceLinkMiddleware",  # open data answers name their licence
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it answers a locked-out login
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account and address first
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: 5 wrong passwords for one account from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "widmonitor/locked_out.html"
AXES_VERBOSE = False
# Records of successful log-ins (account name, address, browser) are kept this many days (`widmonitor daily`),
# as the privacy notice (data/pages/privacy.*.md) says.
LOGIN_LOG_DAYS = envint("WIDMONITOR_LOGIN_LOG_DAYS", "30", minimum=1)
# The visitor's address, for the login throttle and every other limit: X-Forwarded-For is read only
# from these reverse proxies (e.g. 127.0.0.1 when nginx runs on the same host); none by default.
TRUSTED_PROXIES = envnetworks("WIDMONITOR_TRUSTED_PROXIES", "")
AXES_CLIENT_IP_CALLABLE = "widmonitor.throttle.addresses.client_address"

ROOT_URLCONF = "widmonitor.urls"
WSGI_APPLICATION = "widmonitor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "widmonitor.sitepages.context.open_data_licence",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("nl", "Nederlands"), ("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [Path(__file__).resolve().parent / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

STATIC_URL = "static/"
STATIC_ROOT = HOME_DIR / "static"  # filled by `widmonitor setup` (collectstatic), served by WhiteNoise
# Served compressed (gzip, Brotli) under names that carry their content's hash, cached by browsers
# for a year: `{% static %}` then needs the manifest that collectstatic writes. Under DEBUG (and in
# the test suite, tests/conftest.py) the plain names, found in the apps without collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = True  # nothing asks for a plain name once {% static %} hashes them
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = ("png", "jpg", "jpeg", "gif", "webp", "woff", "woff2", "gz", "br", "zip", "map")

# Behind HTTPS in production: secure cookies, redirect to HTTPS, HSTS for a year.
HTTPS = envbool("WIDMONITOR_HTTPS", "0")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: nothing from elsewhere, no inline script or style, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in ("accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb")
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# Django's deployment warnings on HSTS, the HTTPS redirect and secure cookies (security.W004, W008, W012, W016),
# DEBUG (W018) and the secret key (W009) name settings that follow WIDMONITOR_HTTPS, WIDMONITOR_DEBUG and
# WIDMONITOR_SECRET_KEY: `widmonitor check --deploy` says the same naming those (deploy_checks.py). HSTS for
# subdomains and the browsers' preload list (W005, W021) bind the whole domain, whose owner decides, not this site.
SILENCED_SYSTEM_CHECKS = [f"security.W{n:03}" for n in (4, 5, 8, 9, 12, 16, 18, 21)]

# E-mail to partners (invitations, password resets, moderation decisions): printed on the console
# unless WIDMONITOR_EMAIL_BACKEND names another Django backend; links in them start with SITE_URL:
# WIDMONITOR_SITE_URL if given, else the address `widmonitor serve` listens on (serving.py).
EMAIL_BACKEND = os.environ.get("WIDMONITOR_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Where django.core.mail.backends.filebased.EmailBackend writes (.ci/e2e-served reads the served site's e-mail there).
EMAIL_FILE_PATH = os.environ.get("WIDMONITOR_EMAIL_FILE_PATH", str(HOME_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("WIDMONITOR_FROM_EMAIL", "widmonitor@localhost")
SITE_URL_GIVEN = bool(os.environ.get("WIDMONITOR_SITE_URL"))
SITE_URL = os.environ.get("WIDMONITOR_SITE_URL") or "http://127.0.0.1:8000"

# Errors, a 500's traceback among them, to stderr and to $WIDMONITOR_HOME/logs/errors.log (rotated: error_log.py).
LOGGING = logging_config(HOME_DIR)

# Experts who withdraw their consent are hidden at once and erased this many days later
# (`widmonitor erase-withdrawn-experts`, also run by `widmonitor setup`).
EXPERT_ERASE_DAYS = envint("WIDMONITOR_EXPERT_ERASE_DAYS", "30")

# Who runs this site and how to reach them, shown on the contact, privacy and accessibility pages
# (`widmonitor check --deploy` warns while they are not set).
CONTACT = {
    "operator": os.environ.get("WIDMONITOR_OPERATOR", ""),
    "email": envemail("WIDMONITOR_CONTACT_EMAIL", ""),
}

# The licence of the open data (downloads, API): named on the licence page, beside every download
# and in the API description, and in a `Link: <url>; rel="license"` header of every data answer.
DATA_LICENCE = {
    "name": os.environ.get("WIDMONITOR_DATA_LICENCE_NAME", "Creative Commons Attribution 4.0 International (CC BY 4.0)"),
    "url": envurl("WIDMONITOR_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"),
}
