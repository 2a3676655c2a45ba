"""The header of a report says honestly what it is: a draft generated from the edition published outside
widmonitor, a draft of a year without one, or an edition published in widmonitor."""

import pytest

from widmonitor.problems import Problems
from widmonitor.reports import editions
from widmonitor.reports.build import build_report
from widmonitor.reports.bundled import published_edition
from widmonitor.reports.render import render_html
from widmonitor.reports.report import PublishedEdition

EDITION = '<cite lang="nl">Women in Digital – Rapport 2022</cite> (FOD Economie)'


def test_the_2022_edition_published_by_fod_economie_is_read_from_its_folder():
    assert published_edition(2022) == PublishedEdition("wid-report-2022", "Women in Digital – Rapport 2022", "FOD Economie", "nl")
    assert published_edition(2023) is None


def test_a_draft_of_2022_says_it_is_generated_from_the_published_edition_not_that_nothing_was_published(data):
    html = render_html(build_report(2022), "en", draft=True).replace("&#x27;", "'")
    assert f"from the published 2022 edition, {EDITION}: the edition's own text" in html
    assert "This draft is not itself published." in html
    assert "; not published." not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", f"op basis van de gepubliceerde editie 2022, {EDITION}: de tekst van die editie"),
        ("fr", f"à partir de l'édition 2022 publiée, {EDITION} : le texte de cette édition"),
    ],
)
def test_the_draft_header_reads_in_the_readers_language(data, language, expected):
    assert expected in render_html(build_report(2022), language, draft=True)


def test_a_draft_of_a_year_without_a_published_edition_says_it_is_not_published(data):
    html = render_html(build_report(2023), "en", draft=True)
    assert "Draft computed from the live registry on" in html and "; not published." in html
    assert "from the published" not in html


def test_an_edition_published_in_widmonitor_names_the_edition_whose_text_it_carries(data, django_user_model):
    editions.publish(2022, django_user_model.objects.create_user("coordinator"))
    html = render_html(editions.published_report(2022), "en")
    assert f"; the text is that of the published 2022 edition, {EDITION}." in html
    assert "class=\"draft-note\"" not in html


def test_without_an_earlier_edition_in_widmonitor_the_report_does_not_call_itself_the_first_published(data):
    html = render_html(build_report(2022), "en", draft=True)
    assert "widmonitor holds no earlier published edition to compare with." in html
    assert "This is the first published edition" not in html


def test_an_edition_file_without_title_or_language_is_refused_with_every_problem(tmp_path):
    (tmp_path / "2022").mkdir()
    (tmp_path / "2022" / "edition.yaml").write_text("document: wid-report-2022\npublisher: FOD Economie\n", encoding="utf-8")
    with pytest.raises(Problems) as raised:
        published_edition(2022, root=tmp_path)
    assert [problem.params.get("key") for problem in raised.value.problems] == ["title", "language"]


def test_the_2022_situation_says_the_tables_its_text_names_are_the_editions_not_reproduced(data):
    html = render_html(build_report(2022), "en", draft=True).replace("&#x27;", "'")
    assert "Table 1 shows" in html  # the edition's text names its own tables...
    assert "The tables and figures that this text refers to are those of the published edition and are not reproduced here" in html


def test_a_year_without_a_published_edition_has_no_note_about_its_tables(data):
    assert "are those of the published edition" not in render_html(build_report(2023), "en", draft=True)
