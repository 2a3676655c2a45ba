"""A text shown in its original language names that language in the reader's language, not in its own."""

import pytest
from django.utils import translation

from widmonitor.languages import LocalText, language_name
from widmonitor.reports.build import build_report
from widmonitor.reports.render import render_html
from widmonitor.reports.templatetags.reports import local


@pytest.mark.parametrize(
    ("reader", "expected"),
    [
        ("en", {"nl": "Dutch", "fr": "French", "en": "English"}),
        ("fr", {"nl": "néerlandais", "fr": "français", "en": "anglais"}),
        ("nl", {"nl": "Nederlands", "fr": "Frans", "en": "Engels"}),
    ],
)
def test_a_language_is_named_in_the_readers_language_as_inside_a_sentence(reader, expected):
    with translation.override(reader):
        assert {code: language_name(code) for code in expected} == expected


def test_a_language_django_does_not_know_keeps_its_configured_name(settings, tmp_path):
    from widmonitor.languages import _read_content_languages

    config = tmp_path / "languages.yaml"
    config.write_text("content_languages:\n  - {code: nl, name: Nederlands}\n  - {code: xq, name: Xiqua}\n", encoding="utf-8")
    settings.CONTENT_LANGUAGES_FILE = str(config)
    _read_content_languages.cache_clear()
    try:
        with translation.override("en"):
            assert language_name("xq") == "Xiqua"
    finally:
        _read_content_languages.cache_clear()


@pytest.mark.parametrize(
    ("reader", "notice"),
    [
        ("en", "This text exists only in Dutch, the original; no translation yet."),
        ("fr", "Ce texte n'existe qu'en néerlandais, l'original ; pas encore de traduction."),
    ],
)
def test_the_report_says_which_language_its_dutch_prose_is_in_in_the_readers_language(data, reader, notice):
    from widmonitor.reports.models import TextBlock

    TextBlock.objects.filter(year=2022, section="conclusion").exclude(language="nl").delete()  # its Dutch text alone
    html = render_html(build_report(2022), reader).replace("&#x27;", "'")
    assert f'<p class="fallback-note">{notice}</p>' in html
    assert "only in Nederlands" not in html and "qu'en Nederlands" not in html


@pytest.mark.parametrize(
    ("reader", "note"),
    [("en", "(in Dutch, the original; no translation yet)"), ("fr", "(en néerlandais, l&#x27;original ; pas encore de traduction)")],
)
def test_a_title_in_its_original_language_is_marked_in_the_readers_language(reader, note):
    with translation.override(reader):
        html = local(LocalText("Kleurrijke verhalen", "nl", fallback=True))
    assert html == f'<span lang="nl">Kleurrijke verhalen</span> <small class="fallback">{note}</small>'
