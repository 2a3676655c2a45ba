"""The notes of the bundled published lists are marked for translation and read in every interface language."""

import yaml
from django.conf import settings
from django.utils import translation

from widmonitor.initiatives.analysis import list_note
from widmonitor.initiatives.list_notes import NOTES


def bundled_notes():
    notes = set()
    for path in sorted((settings.DATA_DIR / "registry").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        notes |= {item["note"] for item in data.get("lists") or [] if item.get("note")}
    return notes


def test_every_note_of_the_bundled_lists_is_marked_for_translation_word_for_word():
    assert bundled_notes() == set(NOTES)


def test_every_note_reads_in_dutch_and_in_french():
    for language in ("nl", "fr"):
        with translation.override(language):
            untranslated = [note for note in NOTES if list_note(note) == note]
        assert untranslated == [], language


def test_a_note_without_a_translation_reads_as_written_and_no_note_reads_empty():
    with translation.override("nl"):
        assert list_note("A note a moderator wrote today.") == "A note a moderator wrote today."
        assert list_note("") == ""
