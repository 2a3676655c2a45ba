"""The bundled data as `widmonitor setup` loads it, plus the report's bundled prose and meetings."""

import pytest
from django.conf import settings
from django.db import transaction

from widmonitor.indicators import store
from widmonitor.indicators.published import load_published
from widmonitor.initiatives.registry_loader import load_registry
from widmonitor.reports.bundled import load_bundled
from widmonitor.strategy.loader import load_strategy
from widmonitor.vocabularies.loader import load_vocabularies

LANGUAGES = ["nl", "fr", "en"]


@pytest.fixture(scope="module")
def report_data(django_db_setup, django_db_blocker):
    """Strategy, registry, Eurostat files, published figures and the 2022 prose; rolled back after the module."""
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
def data(db, report_data):
    """The module's data, each test in its own transaction on top of it."""
    return report_data
