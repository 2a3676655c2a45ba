"""Content languages are configuration: a fourth one (German) works with no code change."""

import re
import subprocess

import pytest
from django.conf import settings
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.registry_loader import load_registry
from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.initiatives.xlsx_import import import_overview
from widmonitor.languages import content_codes

from .initiatives import xlsx_factory as factory
from .initiatives.registry_files import initiative, registry, write

FOUR_LANGUAGES = """\
content_languages:
  - {code: nl, name: Nederlands, search_config: dutch}
  - {code: fr, name: Français, search_config: french}
  - {code: en, name: English, search_config: english}
  - {code: de, name: Deutsch, search_config: german}
"""
GERMAN = {
    "title": {"de": "Mädchen programmieren in Eupen", "fr": "Les filles codent à Eupen"},
    "summary": {"de": "Programmierkurse für Mädchen in der Deutschsprachigen Gemeinschaft."},
    "original_language": "de",
}


@pytest.fixture
def german(settings, tmp_path):
    path = tmp_path / "languages.yaml"
    path.write_text(FOUR_LANGUAGES, encoding="utf-8")
    settings.CONTENT_LANGUAGES_FILE = path
    return path


@pytest.fixture
def german_record(german, strategy, tmp_path):
    record = initiative("madchen-programmieren", regions=["german-speaking"], objectives=["1.3"])
    record.update(GERMAN)
    load_registry([write(tmp_path, registry(initiatives=[record]))])
    return Initiative.objects.get(uid="madchen-programmieren")


def test_the_content_languages_are_read_from_the_configuration(german):
    assert content_codes() == ["nl", "fr", "en", "de"]


def test_a_record_with_german_text_loads_and_keeps_its_original_marked(german_record):
    assert german_record.title == GERMAN["title"]
    assert (german_record.original_language, str(german_record.text("title", "de"))) == ("de", GERMAN["title"]["de"])
    shown = german_record.text("title", "nl")  # no Dutch text: the German original, marked
    assert (shown.text, shown.language, shown.fallback) == (GERMAN["title"]["de"], "de", True)


def test_a_german_record_is_exported_and_imported_back(german_record, tmp_path):
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    sheet = factory.sheet_values(path)
    header = sheet["Initiatives"][0]
    assert [h for h in header if h.startswith("title_")] == ["title_nl", "title_fr", "title_en", "title_de"]
    row = dict(zip(header, sheet["Initiatives"][1]))
    assert (row["title_de"], row["title_nl"], row["original_language"]) == (GERMAN["title"]["de"], None, "de")
    assert ["original_language", "de", "Deutsch", "Deutsch", "Deutsch", "Deutsch"] in sheet["Codes"]

    factory.edit(path, {(2, "title_de"): "Mädchen programmieren in Eupen und St. Vith", (2, "title_nl"): "Meisjes programmeren"})
    report = import_overview(path)

    assert (report.errors, report.updated) == ([], 1)
    german_record.refresh_from_db()
    assert german_record.title == {
        "de": "Mädchen programmieren in Eupen und St. Vith",
        "fr": "Les filles codent à Eupen",
        "nl": "Meisjes programmeren",
    }


def test_the_back_office_shows_and_saves_the_german_text(german_record, moderator):
    url = reverse("admin:initiatives_initiative_change", args=[german_record.pk])
    page = moderator.get(url).content.decode()
    assert re.search(r'<input[^>]*name="title_de"[^>]*value="Mädchen programmieren in Eupen"', page)
    assert 'lang="de"' in page and "Deutsch (de)" in page


def test_the_german_title_is_required_for_a_german_original(german, strategy, tmp_path):
    record = initiative("ohne-titel", original_language="de", title={"fr": "Sans titre allemand"})
    with pytest.raises(Exception, match=r"missing title.de \(the original text, in de\)"):
        load_registry([write(tmp_path, registry(initiatives=[record]))])


def test_no_code_outside_the_language_definition_names_a_content_language_column():
    """Content languages are data: nothing in src/ hard-codes title_nl and the like."""
    found = subprocess.run(
        ["grep", "-rnEI", "--include=*.py", "--include=*.html", r"(title|summary|label|name|description)_(nl|fr|en|de)\b|_nl\b", "src/widmonitor"],
        cwd=settings.REPO_DIR,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert [line for line in found if "/migrations/" not in line and "/locale/" not in line] == []
