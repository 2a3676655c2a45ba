"""Export → import → export changes nothing: the overview workbook is a faithful, stable copy."""

import pytest

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.initiatives.xlsx_import import import_overview

from . import xlsx_factory as factory

TRICKY = [
    "=HYPERLINK(\"http://evil.example\", \"click\")",
    "+32 2 277 51 11",
    "-5% for women",
    "@everyone",
    "=1+1",
    "First line\nsecond line\n\nthird after a blank one",
    "Élan, œuvre, Grüße, ½ — “quotes”, 'single', \"double\"",
    "<script>alert('x')</script> & <b>bold</b>",
]


def round_trip(tmp_path):
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    export_overview(first)
    report = import_overview(first)
    export_overview(second)
    return report, factory.sheet_values(first), factory.sheet_values(second)


def test_the_bundled_registry_survives_a_round_trip(registry, tmp_path):
    report, first, second = round_trip(tmp_path)

    assert (report.errors, report.created, report.updated) == ([], 0, 0)
    assert report.unchanged == Initiative.objects.count() > 100
    assert first == second


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_survives_a_round_trip(strategy, tmp_path, text):
    coderdojo, _tech_day = factory.sample_initiatives()
    coderdojo.title["en"] = text
    coderdojo.summary["fr"] = text
    coderdojo.provenance_note = text
    coderdojo.save()

    report, first, second = round_trip(tmp_path)

    assert (report.errors, report.created, report.updated, report.unchanged) == ([], 0, 0, 2)
    assert first == second
    coderdojo.refresh_from_db()
    assert (coderdojo.title["en"], coderdojo.summary["fr"], coderdojo.provenance_note) == (text, text, text)
    assert {cell.data_type for cell in factory.column_values(tmp_path / "second.xlsx", "title_en")} == {"s"}


def test_an_import_into_an_empty_registry_recreates_what_was_exported(registry, tmp_path):
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    before = factory.sheet_values(path)
    Initiative.objects.filter(listings__isnull=True).delete()
    remaining = Initiative.objects.count()

    report = import_overview(path)
    export_overview(path)

    assert report.errors == []
    assert report.created == len(before["Initiatives"]) - 1 - remaining > 0
    assert factory.sheet_values(path) == before
