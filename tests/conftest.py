"""Shared fixtures: the controlled lists, the Belgian strategy, the bundled registry, personas."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from widmonitor.indicators import store
from widmonitor.indicators.published import load_published
from widmonitor.initiatives.registry_loader import load_registry
from widmonitor.reports.bundled import load_bundled
from widmonitor.strategy.loader import load_strategy
from widmonitor.vocabularies.loader import load_vocabularies

FIXTURES = settings.REPO_DIR / "tests" / "fixtures"


def pytest_configure(config):
    """The suite reads the static files where the apps keep them, under their plain names, as DEBUG does:
    production's hashed names need `widmonitor setup`'s collectstatic (tests/test_serving.py runs that)."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    settings.STATIC_ROOT = None  # nothing collected: WhiteNoise looks for no folder


@pytest.fixture(autouse=True)
def interface_language_reset():
    """A request activates its visitor's language for the thread; each test starts in the default one."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing_and_own_home(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.HOME_DIR = tmp_path / "home"  # what a test keeps (held uploads, ...) stays its own


@pytest.fixture
def vocabularies(db):
    return load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")


@pytest.fixture
def strategy(vocabularies):
    return load_strategy(settings.CONFIG_DIR / "strategies" / "belgium-wid-2021.yaml")


@pytest.fixture
def registry(strategy):
    """The bundled registry, as `widmonitor setup` loads it."""
    return load_registry(sorted((settings.DATA_DIR / "registry").glob("*.yaml")))


@pytest.fixture(scope="module")
def bundled_registry(django_db_setup, django_db_blocker):
    """The bundled registry, loaded once for a module of read-only tests and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
        load_strategy(settings.CONFIG_DIR / "strategies" / "belgium-wid-2021.yaml")
        summary = load_registry(sorted((settings.DATA_DIR / "registry").glob("*.yaml")))
        yield summary
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def setup_data(django_db_setup, django_db_blocker):
    """Everything `widmonitor setup` loads (strategy, registry, Eurostat files, published figures, the
    report's bundled prose, meetings and supporters), once for a module, rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
        load_strategy(settings.CONFIG_DIR / "strategies" / "belgium-wid-2021.yaml")
        load_registry(sorted((settings.DATA_DIR / "registry").glob("*.yaml")))
        store.load_bundled()
        load_published()
        load_bundled()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def anonymous(client):
    return client


@pytest.fixture
def partner(client, django_user_model):
    user = django_user_model.objects.create_user("partner", password="partner-pass-1234")
    user.groups.add(Group.objects.get(name="partners"))
    client.force_login(user)
    return client


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user("moderator", password="moderator-pass-1234", is_staff=True)
    user.groups.add(Group.objects.get(name="moderators"))
    client.force_login(user)
    return client


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", password="admin-pass-1234")
    client.force_login(user)
    return client


from .search.registry import fictional_registry  # noqa: E402, F401  (a fixture for the search and portal tests)
