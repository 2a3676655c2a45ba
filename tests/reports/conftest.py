"""The report tests' data: what `widmonitor setup` loads (``setup_data`` of tests/conftest.py)."""

import pytest

LANGUAGES = ["nl", "fr", "en"]


@pytest.fixture
def data(db, setup_data):
    """The module's data, each test in its own transaction on top of it."""
    return setup_data
