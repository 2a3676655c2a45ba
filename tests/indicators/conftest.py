"""The indicator pages' tests read what `widmonitor setup` loads (tests/conftest.py's setup_data)."""

import pytest


@pytest.fixture
def visitor(db, setup_data, client):
    return client
