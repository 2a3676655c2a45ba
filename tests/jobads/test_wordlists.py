import pytest

from widmonitor.jobads.folding import fold
from widmonitor.jobads.wordlists import LANGUAGES, load, word_list
from widmonitor.problems import Problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_names_a_source_of_its_file(language):
    words = word_list(language)
    assert all(entry.origin.key in words.sources for entry in words.entries + words.titles)
    assert all(source.title and source.name for source in words.sources.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_suggested_alternative_is_itself_a_coded_word(language):
    words = word_list(language)
    coded = {entry.alternative: words.coded.search(fold(entry.alternative)) for entry in words.entries if entry.alternative}
    assert {alternative: found.group() for alternative, found in coded.items() if found} == {}


def test_a_broken_list_reports_every_problem_at_once(tmp_path):
    path = tmp_path / "nl.yaml"
    path.write_text(
        "language: fr\nsources: {a: {kind: research, name: A, title: A}, c: {kind: rumour, name: C, title: C}}\n"
        "coded:\n  - {match: x*, coding: both, source: a}\n  - {match: y*, coding: feminine, source: b}\n"
        "  - {match: z*, coding: feminine, source: a, translated: true}\n"
    )
    with pytest.raises(Problems) as problems:
        load(path, "nl")
    codes = [problem.code for problem in problems.value.problems]
    assert codes == ["wrong_language", "bad_choice", "bad_coding", "unknown_source", "unexplained_translation"]
