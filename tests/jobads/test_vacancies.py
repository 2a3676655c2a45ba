"""Realistic (synthetic) vacancies in each language, checked on the page in their own interface language.

The texts in ``vacancies/`` were written for these tests and say so in their second line.
"""

from pathlib import Path

import pytest

VACANCIES = Path(__file__).parent / "vacancies"


def page(client, language):
    text = (VACANCIES / f"{language}.txt").read_text(encoding="utf-8")
    response = client.post(f"/{language}/job-ad-checker/", {"text": text, "language": "auto"})
    assert response.status_code == 200
    return response.content.decode()


def marked(word, kind, number):
    return f'<mark class="jobad-{kind}">{word}<sup class="jobad-kind" aria-hidden="true">{number}</sup>'


@pytest.mark.parametrize(
    "language, found, left_alone",
    [
        (
            "nl",
            [marked("resultaatgerichte", "masculine", 1), marked("verbonden", "feminine", 1), marked("gedreven", "masculine", 3),
             marked("programmeur", "title", 2)],
            ["Als Communicatiemedewerker werkte", "Je bent vertrouwd met Microsoft 365", "elke verbinding met",
             "via ons sociaal secretariaat", "Wij moedigen iedereen aan"],
        ),
        (
            "fr",
            [marked("Développeur", "title", 2), marked("ensemble", "feminine", 3), marked("responsabilités", "feminine", 3),
             marked("collaborateurs", "title", 2)],
            ["Responsable IT, vous assurez l&#x27;ensemble des", "une vue d&#x27;ensemble sur", "Vous maîtrisez Active Directory",
             "des données sensibles", "La Ville de Namur engage un"],
        ),
        (
            "en",
            [marked("ambitious", "masculine", 1), marked("sharing", "feminine", 1), marked("shares", "feminine", 1)],
            ["maintain our SharePoint", "keep a sharp eye", "mascot is a shark"],
        ),
    ],
)
def test_a_vacancy_is_marked_with_the_kind_of_source_of_each_word_and_nothing_wider(anonymous, db, language, found, left_alone):
    html = page(anonymous, language)
    assert [mark for mark in found if mark not in html] == []
    assert [text for text in left_alone if text not in html] == []
