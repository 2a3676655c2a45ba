"""Where the words of each list come from, and patterns no wider than the word their source gives.

The English list is gender-decoder's current one (``share``/``sharin`` instead of ``shar``, and its
exception for SharePoint). A Dutch or French entry copied from a research list or public guidance
names a word that source lists, in its inflected forms only: no wildcard that would also catch a job
title ("Communicatiemedewerker") or another word ("verbinding", "l'ensemble des").
"""

import pytest

from widmonitor.jobads.checker import check
from widmonitor.jobads.folding import fold
from widmonitor.jobads.wordlists import KINDS, LANGUAGES, word_list


def feminine(text, language):
    return [word.word for word in check(text, language).feminine_coded]


def masculine(text, language):
    return [word.word for word in check(text, language).masculine_coded]


def test_share_and_sharing_are_feminine_coded_but_not_sharp_sharks_or_sharepoint():
    text = "Engineer\nA sharp mind who swims with sharks, runs SharePoint, shares knowledge and enjoys sharing."
    assert feminine(text, "en") == ["shares", "sharing"]


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("nl", "Communicatiemedewerker (m/v/x)\nJe bent communicatief en zorgt voor de communicatie.", ["communicatief"]),
        ("nl", "Netwerkbeheerder (m/v/x)\nJe bewaakt elke verbinding en voelt je verbonden met het team.", ["verbonden"]),
        ("nl", "Ontwikkelaar (m/v/x)\nJe bent vertrouwd met Python en wekt vertrouwen.", ["vertrouwen"]),
        ("fr", "Responsable IT (h/f/x)\nVous êtes responsable du parc et aimez les responsabilités.", ["responsabilités"]),
        ("fr", "Comptable (h/f/x)\nVous suivez l'ensemble des dossiers et une vue d'ensemble ; nous travaillons ensemble.", ["ensemble"]),
        ("fr", "Comptable (h/f/x)\nNos collaborateurs aiment la collaboration.", ["collaboration"]),
    ],
)
def test_a_job_title_or_another_word_is_not_flagged_while_the_source_word_still_is(language, text, expected):
    assert feminine(text, language) == expected


def test_the_ensemble_flagged_is_the_adverb_at_the_end():
    text = "Comptable (h/f/x)\nVous suivez l'ensemble des dossiers ; nous travaillons ensemble."
    assert [word.start for word in check(text, "fr").feminine_coded] == [text.rindex("ensemble")]


def test_resultaatgedreven_which_no_cited_source_lists_is_not_flagged():
    assert masculine("Boekhouder (m/v/x)\nJe bent resultaatgedreven en resultaatgericht.", "nl") == ["resultaatgericht"]


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_an_entry_copied_from_a_source_is_a_word_that_source_lists_in_its_inflected_forms(language):
    words = word_list(language)
    wider = []
    for entry in words.entries:
        if entry.origin.kind == "translation":
            continue
        listed = {fold(word) for word in words.sources[entry.origin.key].words[entry.coding]}
        forms = entry.match.split("|")
        if any("*" in form for form in forms) or fold(forms[0]).replace("-", "") not in listed:
            wider.append(entry.match)
    assert wider == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_and_title_says_which_kind_of_source_it_comes_from_and_how(language):
    words = word_list(language)
    for item in words.entries + words.titles:
        assert item.origin.kind in KINDS and item.origin.name and item.origin.title
        assert item.note


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_word_taken_from_an_english_stem_is_marked_as_widmonitors_translation(language):
    from_english = [entry for entry in word_list(language).entries if entry.origin.key == "gfk"]
    assert from_english and all(entry.origin.kind == "translation" for entry in from_english)
    assert all(entry.note.startswith("widmonitor's translation of GFK stem") for entry in from_english)
