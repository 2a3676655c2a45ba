"""The 2022 edition's prose as the report shows it: each subsection under its heading, and in French
and English the platform's translation, marked as such and linked to the Dutch original."""

import re
from html import escape

import pytest
from django.conf import settings

from widmonitor.problems import Problems
from widmonitor.reports.build import build_report, prose
from widmonitor.reports.bundled import load_bundled
from widmonitor.reports.markup import blocks
from widmonitor.reports.models import TextBlock
from widmonitor.reports.render import render_html

# Two sentences of the edition (FOD Economie, Women in Digital – Rapport 2022), as it prints them:
# section 2.1, and the first sentence of the foreword.
SENTENCE_2_1 = "In 2021 gebruikte 5 procent van alle vrouwen tussen 16 en 74 jaar nooit het internet."
FOREWORD_NL = "Met genoegen presenteer ik u de allereerste editie van het jaarlijkse verslag “Women in Digital”."


def prose_file(name, language, year=2022):
    return (settings.DATA_DIR / "reports" / str(year) / f"{name}.{language}.md").read_text(encoding="utf-8")


def dutch_files():
    return sorted((settings.DATA_DIR / "reports").glob("*/*.nl.md"))


def section_html(html, key):
    """The HTML of the report's section ``key``, up to its end."""
    return re.search(rf'<section class="report-section" id="section-{key}".*?\n</section>', html, flags=re.DOTALL).group(0)


def original_html(html, key):
    """The original of section ``key``, in the report's part of original texts."""
    return re.search(rf'<section id="original-{key}".*?</section>', html, flags=re.DOTALL).group(0)


def paragraphs(text):
    """The paragraphs, subheadings and bullets of a prose file, in order (``markup.blocks``, a list item by item)."""
    found = []
    for kind, content in blocks(text):
        found += [("li", item) for item in content] if kind == "ul" else [(kind, content)]
    return found


def test_the_current_situation_shows_the_editions_section_2_1_under_its_heading_in_dutch(data):
    assert SENTENCE_2_1 in prose_file("situation.1", "nl")
    situation = section_html(render_html(build_report(2022), "nl"), "situation")
    assert "<h3>Internetgebruik: frequentie</h3>" in situation
    assert situation.index("<h3>Internetgebruik: frequentie</h3>") < situation.index(SENTENCE_2_1)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize(("section", "computed"), [("situation", 'class="flags-legend"'), ("strategy", '<ol class="objectives">')])
def test_each_subsection_is_shown_under_its_heading_in_order_before_what_the_report_computes(data, language, section, computed):
    headings = [blocks(prose_file(f"{section}.{number}", language))[0] for number in range(1, 6)]
    assert all(kind == "h" for kind, _heading in headings)
    shown = section_html(render_html(build_report(2022), language), section)
    places = [shown.index(f"<h3>{escape(heading)}</h3>") for _kind, heading in headings]
    assert places == sorted(places) and places[-1] < shown.index(computed)


def test_the_french_foreword_is_the_platforms_translation_linked_to_the_dutch_original_which_the_dutch_report_shows(data):
    html = render_html(build_report(2022), "fr").replace("&#x27;", "'")
    foreword = section_html(html, "foreword")
    first = paragraphs(prose_file("foreword", "fr"))[0][1]
    assert first.startswith("C'est avec plaisir que je vous présente")
    assert f'<div class="prose" lang="fr"><p>{escape(first, quote=False)}</p>' in foreword
    assert (
        '<p class="translation-note">Traduction réalisée pour widmonitor ; l\'original, en néerlandais, fait foi. '
        '<a href="#original-foreword">Lire l\'original</a></p>'
    ) in foreword
    assert f'<div class="prose" lang="nl"><p>{FOREWORD_NL}</p>' in original_html(html, "foreword")
    dutch = render_html(build_report(2022), "nl")
    assert f'<div class="prose" lang="nl"><p>{FOREWORD_NL}</p>' in section_html(dutch, "foreword")
    assert 'class="translation-note"' not in dutch and 'id="original-texts"' not in dutch


def test_loading_the_bundled_prose_again_keeps_a_text_edited_in_the_back_office(data, moderator):
    block = TextBlock.objects.get(year=2022, section="foreword", language="fr")
    edited = {"year": 2022, "section": "foreword", "language": "fr", "is_translation": "on", "text": "Avant-propos revu par le groupe de travail."}
    assert moderator.post(f"/admin/reports/textblock/{block.pk}/change/", edited).status_code == 302
    assert load_bundled() == (0, 0, 0)
    block.refresh_from_db()
    assert (block.text, block.is_translation) == ("Avant-propos revu par le groupe de travail.", True)
    assert '<div class="prose" lang="fr"><p>Avant-propos revu par le groupe de travail.</p></div>' in render_html(build_report(2022), "fr")


def test_a_second_original_of_a_section_is_refused_in_the_back_office(data, moderator):
    response = moderator.post(
        "/admin/reports/textblock/add/", {"year": 2023, "section": "conclusion", "language": "en", "text": "In short."}
    )
    assert response.status_code == 302
    response = moderator.post("/admin/reports/textblock/add/", {"year": 2023, "section": "conclusion", "language": "fr", "text": "En bref."})
    assert "This section&#x27;s original is its text in English: tick “translation”." in response.content.decode()
    assert not TextBlock.objects.filter(year=2023, section="conclusion", language="fr").exists()


def test_the_original_of_a_section_is_its_block_not_marked_as_a_translation_whichever_was_written_first(db):
    TextBlock.objects.create(year=2023, section="conclusion", language="en", text="In short.", is_translation=True)
    TextBlock.objects.create(year=2023, section="conclusion", language="nl", text="Kortom.")
    assert prose(2023)["conclusion"].original == "nl"


def test_a_year_of_prose_without_its_original_language_is_refused_and_nothing_is_loaded(db, tmp_path):
    for year in ("2030", "2031"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "foreword.nl.md").write_text("Voorwoord.\n", encoding="utf-8")
    (tmp_path / "2030" / "prose.yaml").write_text("original_language: nl\n", encoding="utf-8")
    with pytest.raises(Problems) as raised:
        load_bundled(tmp_path)
    assert [(problem.code, problem.file) for problem in raised.value.problems] == [("missing_file", str(tmp_path / "2031" / "prose.yaml"))]
    assert not TextBlock.objects.filter(year__in=[2030, 2031]).exists()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("dutch", dutch_files(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_dutch_text_has_a_translation_with_the_same_paragraphs_and_the_same_numbers(dutch, language):
    translation = dutch.with_name(dutch.name.replace(".nl.md", f".{language}.md"))
    assert translation.is_file(), f"{translation.name} is missing"
    original, translated = paragraphs(dutch.read_text(encoding="utf-8")), paragraphs(translation.read_text(encoding="utf-8"))
    assert [kind for kind, _text in translated] == [kind for kind, _text in original]
    assert [re.findall(r"\d+", text) for _kind, text in translated] == [re.findall(r"\d+", text) for _kind, text in original]
