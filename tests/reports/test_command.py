"""`widmonitor report`: the files it writes, and one sentence for each mistake."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_it_writes_the_html_of_one_language(data, tmp_path):
    call_command("report", year=2022, lang="en", format="html", out=str(tmp_path))
    assert [path.name for path in tmp_path.iterdir()] == ["widmonitor-report-2022-en.html"]
    assert "Women in Digital: annual report 2022" in (tmp_path / "widmonitor-report-2022-en.html").read_text(encoding="utf-8")


def test_it_writes_both_annexes_as_xlsx(data, tmp_path):
    call_command("report", year=2022, lang="fr", format="xlsx", out=str(tmp_path))
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "widmonitor-report-2022-annex1-overview.xlsx", "widmonitor-report-2022-annex2-analysis-fr.xlsx",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "options, message",
    [
        ({"year": 1999}, "There is no report for 1999: give a year from 2021 to "),
        ({"year": 2022, "lang": "de"}, "Unknown language 'de': give one of nl, fr, en, or all."),
        ({"year": 2022, "format": "docx"}, "Unknown format 'docx': give one of html, pdf, xlsx, or all."),
    ],
)
def test_it_rejects_an_unknown_year_language_or_format_in_one_sentence(data, tmp_path, options, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        call_command("report", out=str(tmp_path), **options)
    assert list(tmp_path.iterdir()) == []

