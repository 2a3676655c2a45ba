"""Exporting the overview and analysis workbooks."""

import pytest
from django.conf import settings
from openpyxl import load_workbook

from widmonitor.initiatives.models import Initiative, PublishedList, PublishedListEntry
from widmonitor.initiatives.xlsx_export import export_analysis, export_overview
from widmonitor.initiatives.xlsx_import import import_overview
from widmonitor.strategy.loader import load_strategy
from widmonitor.strategy.models import Objective

from . import xlsx_factory as factory


@pytest.fixture
def initiatives(strategy):
    return factory.sample_initiatives()


def test_it_writes_one_row_per_initiative_ordered_by_identifier(initiatives, tmp_path):
    path = tmp_path / "overview.xlsx"

    export_overview(path)

    rows = factory.sheet_values(path)["Initiatives"]
    assert rows[0][:4] == ["id", "title_nl", "title_fr", "title_en"]
    assert [row[0] for row in rows[1:]] == ["coderdojo-belgium", "women-in-tech-day"]
    coderdojo = dict(zip(rows[0], rows[1]))
    assert {key: coderdojo[key] for key in ("organisations", "objectives", "audiences", "languages", "starts")} == {
        "organisations": "becode; ella",
        "objectives": "1; 1.2",
        "audiences": "age-6-12; girls",
        "languages": "nl; fr",
        "starts": "2013",
    }


def test_it_never_exports_contact_details(initiatives, tmp_path):
    path = tmp_path / "overview.xlsx"

    export_overview(path)

    cells = [str(value) for rows in factory.sheet_values(path).values() for row in rows for value in row]
    assert not any("private.person@example.org" in cell or "Private Person" in cell for cell in cells)
    assert "contact_email" not in factory.sheet_values(path)["Initiatives"][0]


def test_it_exports_only_the_queryset_given(initiatives, tmp_path):
    path = tmp_path / "overview.xlsx"

    export_overview(path, Initiative.objects.filter(sector="public"))

    assert [row[0] for row in factory.sheet_values(path)["Initiatives"][1:]] == ["women-in-tech-day"]


def test_it_writes_formula_looking_text_as_text(initiatives, tmp_path):
    coderdojo, _tech_day = initiatives
    coderdojo.title["en"] = "=1+1"
    coderdojo.summary["en"] = "@SUM(A1:A2)"
    coderdojo.save()
    path = tmp_path / "overview.xlsx"

    export_overview(path)

    title, summary = factory.column_values(path, "title_en")[0], factory.column_values(path, "summary_en")[0]
    assert (title.value, title.data_type, title.quotePrefix) == ("=1+1", "s", True)
    assert (summary.value, summary.data_type) == ("@SUM(A1:A2)", "s")


def test_it_freezes_a_bold_header_and_lists_the_codes(initiatives, tmp_path):
    path = tmp_path / "overview.xlsx"

    export_overview(path)

    workbook = load_workbook(path)
    sheet = workbook["Initiatives"]
    assert (sheet.freeze_panes, sheet.auto_filter.ref, sheet["A1"].font.b) == ("A2", "A1:Z3", True)
    codes = [row for row in workbook["Codes"].iter_rows(values_only=True)]
    assert codes[0] == ("vocabulary", "code", "label_nl", "label_fr", "label_en")
    assert ("audiences", "girls", "meisjes", "filles", "girls") in codes
    assert ("organisations", "becode", None, None, "BeCode") in codes
    assert ("organisations", "ella", "ella vzw", None, None) in codes
    assert ("objectives", "1.2") == codes[[row[:2] for row in codes].index(("objectives", "1.2"))][:2]
    assert {row[0] for row in codes[1:]} == {
        "original_language", "organisations", "sector", "objectives", "audiences", "regions",
        "languages", "formats", "cost", "status", "moderation", "digcomp",
    }  # fmt: skip


@pytest.fixture
def published_list(initiatives):
    coderdojo, tech_day = initiatives
    published = PublishedList.objects.create(
        document="wid-report-2022",
        section="5.1.2",
        objective=Objective.objects.get(code="1.2"),
        stated_text="zijn er 3 initiatieven (2 privé en 1 publiek)",
        stated_total=3,
        stated_private=2,
        stated_public=1,
        note="One bullet lists two actions of one initiative.",
    )
    for position, initiative in enumerate([coderdojo, coderdojo, tech_day], start=1):
        PublishedListEntry.objects.create(published_list=published, position=position, initiative=initiative, text="...")
    return published


def test_the_analysis_sets_computed_counts_beside_stated_ones(published_list, tmp_path):
    path = tmp_path / "analysis.xlsx"

    export_analysis(path)

    rows = factory.sheet_values(path)["Analysis"]
    assert rows[0][0].startswith("Counts computed by widmonitor from the registry on ")
    row = dict(zip(rows[1], rows[2]))
    assert row == {
        "document": "wid-report-2022",
        "section": "5.1.2",
        "objective": "1.2",
        "objective title": Objective.objects.get(code="1.2").title["en"],
        "bullets": 3,
        "distinct initiatives": 2,
        "computed private": 1,
        "computed public": 1,
        "computed mixed": 0,
        "computed unknown": 0,
        "stated total": 3,
        "stated private": 2,
        "stated public": 1,
        "stated mixed": None,
        "differs": "yes",
        "discrepancies": "The report states 3 initiatives but its list counts 2 distinct initiatives (3 bullets).\n"
        "private: the report states 2, the registry has 1 (and 0 of unknown type).",
        "note": "One bullet lists two actions of one initiative.",
    }


def test_the_analysis_shades_only_the_counts_that_differ(published_list, tmp_path):
    path = tmp_path / "analysis.xlsx"

    export_analysis(path)

    sheet = load_workbook(path)["Analysis"]
    headers = [cell.value for cell in sheet[2]]
    shaded = [headers[cell.column - 1] for cell in sheet[3] if cell.fill.fgColor.rgb == "00FFC7CE"]
    assert shaded == ["distinct initiatives", "computed private", "stated total", "stated private"]


def test_the_analysis_counts_initiatives_per_objective_by_sector(published_list, tmp_path):
    path = tmp_path / "analysis.xlsx"

    export_analysis(path)

    rows = factory.sheet_values(path)["By objective"]
    assert rows[1] == ["strategy", "code", "objective", "private", "public", "mixed", "unknown", "total"]
    by_code = {row[1]: row[3:] for row in rows[2:]}
    assert len(by_code) == Objective.objects.count()
    assert by_code["1"] == [1, 0, 0, 0, 1]
    assert by_code["1.2"] == [1, 0, 0, 0, 1]
    assert by_code["3"] == [0, 1, 0, 0, 1]
    assert by_code["3.1"] == [0, 1, 0, 0, 1]
    assert by_code["2"] == [0, 0, 0, 0, 0]


def test_the_analysis_leaves_out_rejected_records(published_list, tmp_path):
    Initiative.objects.filter(uid="women-in-tech-day").update(moderation="rejected")
    path = tmp_path / "analysis.xlsx"

    export_analysis(path)

    by_code = {row[1]: row[3:] for row in factory.sheet_values(path)["By objective"][2:]}
    assert by_code["3.1"] == [0, 0, 0, 0, 0]


def test_only_objectives_of_the_strategy_the_platform_runs_are_exported_and_others_are_kept(initiatives, tmp_path):
    fictional = load_strategy(settings.REPO_DIR / "tests" / "fixtures" / "strategies" / "fictional-strategy.yaml")
    coderdojo = Initiative.objects.get(uid="coderdojo-belgium")
    coderdojo.objectives.add(fictional.objectives.get(code="A.1"))
    path = tmp_path / "overview.xlsx"

    export_overview(path)
    report = import_overview(path)

    rows = factory.sheet_values(path)["Initiatives"]
    assert dict(zip(rows[0], rows[1]))["objectives"] == "1; 1.2"
    assert (report.errors, report.updated, report.unchanged) == ([], 0, 2)
    factory.edit(path, {(2, "objectives"): "1.3"})
    assert import_overview(path).updated == 1
    assert sorted(coderdojo.objectives.values_list("code", flat=True)) == ["1.3", "A.1"]
