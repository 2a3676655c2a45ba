import pytest

from widmonitor.jobads.folding import fold
from widmonitor.jobads.wordlists import LANGUAGES, load, word_list
from widmonitor.problems import Problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_names_a_source_of_its_file(language):
    words = word_list(language)
    assert all(entry.source in words.sources for entry in words.entries + words.titles)
    assert all(source.get("title") for source in words.sources.values())


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_an_entry_translated_from_an_english_stem_says_so(language):
    translated = [entry for entry in word_list(language).entries if entry.source == "gfk"]
    assert translated and all(entry.note.startswith("widmonitor's translation of GFK stem") for entry in translated)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_suggested_alternative_is_itself_a_coded_word(language):
    words = word_list(language)
    coded = {entry.alternative: words.coded.search(fold(entry.alternative)) for entry in words.entries if entry.alternative}
    assert {alternative: found.group() for alternative, found in coded.items() if found} == {}


def test_a_broken_list_reports_every_problem_at_once(tmp_path):
    path = tmp_path / "nl.yaml"
    path.write_text("language: fr\nsources: {a: {title: A}}\ncoded:\n  - {match: x*, coding: both, source: a}\n  - {match: y*, coding: feminine, source: b}\n")
    with pytest.raises(Problems) as problems:
        load(path, "nl")
    assert [problem.code for problem in problems.value.problems] == ["wrong_language", "bad_coding", "unknown_source"]
