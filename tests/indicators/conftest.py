"""The bundled data as `widmonitor setup` loads it, for the indicator pages' tests."""

import pytest
from django.conf import settings
from django.db import transaction

from widmonitor.indicators import store
from widmonitor.indicators.published import load_published
from widmonitor.initiatives.registry_loader import load_registry
from widmonitor.strategy.loader import load_strategy
from widmonitor.vocabularies.loader import load_vocabularies


@pytest.fixture(scope="module")
def bundled_data(django_db_setup, django_db_blocker):
    """What `widmonitor setup` loads (strategy, registry, bundled Eurostat files, published figures), rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
        load_strategy(settings.CONFIG_DIR / "strategies" / "belgium-wid-2021.yaml")
        load_registry(sorted((settings.DATA_DIR / "registry").glob("*.yaml")))
        store.load_bundled()
        load_published()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def visitor(db, bundled_data, client):
    return client
