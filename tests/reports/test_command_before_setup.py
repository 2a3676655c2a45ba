"""`widmonitor report` before `widmonitor setup`: it says what to do (no data module here)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_without_a_strategy_it_says_to_run_setup(db, tmp_path):
    with pytest.raises(CommandError, match="No strategy is loaded: run `widmonitor setup` first."):
        call_command("report", year=2022, out=str(tmp_path))
