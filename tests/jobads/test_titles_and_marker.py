import pytest

from widmonitor.jobads.checker import check


@pytest.mark.parametrize(
    "language, text, titles",
    [
        ("fr", "Développeur Java (H/F)\nLe développeur rejoindra l'équipe.", ["Développeur", "développeur"]),
        ("fr", "Comptable\nNous cherchons un développeur.", ["développeur"]),
        ("fr", "Comptable\nNous cherchons un·e développeur·euse.", []),
        ("fr", "Comptable\nUn développeur ou une développeuse.", []),
        ("fr", "Comptable\nUn ingénieur(e) et un directeur·rice.", []),
        ("fr", "Comptable\nDes développeurs·euses.", []),
        ("fr", "Comptable\nUn ingénieur. En plus, un technicien.", ["ingénieur", "technicien"]),
        ("fr", "Comptable\nUn Developpeur sans accent.", ["Developpeur"]),
        ("nl", "Verkoper gezocht\nJe verkoopt.", ["Verkoper"]),
        ("nl", "Verkoper/verkoopster\nJe verkoopt.", []),
        ("nl", "Verkoper (m/v/x)\nDe verkoper verkoopt.", []),
        ("nl", "Coach\nOnze brandweerman.", ["brandweerman"]),
        ("en", "Chairman\nYou chair meetings.", []),
    ],
)
def test_it_lists_job_titles_given_only_in_the_masculine(language, text, titles):
    assert [title.word for title in check(text, language).masculine_only_titles] == titles


def test_a_masculine_only_title_comes_with_an_inclusive_form():
    title = check("Coach\nWij zoeken een verkoper.", "nl").masculine_only_titles[0]
    assert title.inclusive == "verkoper/verkoopster (v/m/x)"


@pytest.mark.parametrize(
    "masculine, doublet",
    [("développeur", "développeur ou développeuse"), ("mécanicien", "mécanicien ou mécanicienne"), ("ingénieur", "ingénieur ou ingénieure")],
)
def test_a_french_title_gets_the_full_doublet_the_federation_wallonie_bruxelles_recommends(masculine, doublet):
    result = check(f"Comptable\nNous cherchons un {masculine}.", "fr")
    assert result.masculine_only_titles[0].inclusive == doublet
    assert result.masculine_only_titles[0].source.url == "http://www.languefrancaise.cfwb.be/index.php?id=3220"
    assert f'"{masculine}" is only in the masculine: write an inclusive form, such as "{doublet}".' in result.suggestions


def test_a_french_masculine_title_followed_by_a_marker_only_is_still_masculine_only():
    result = check("Mécanicien (H/F/X)\nVous entretenez le parc.", "fr")
    assert [title.word for title in result.masculine_only_titles] == ["Mécanicien"]
    assert result.suggestions[0] == (
        'A gender marker such as "(H/F/X)" does not replace the feminine form of a job title: write both forms in full, '
        "as the Fédération Wallonie-Bruxelles recommends for job offers."
    )


@pytest.mark.parametrize(
    "text, in_title, written",
    [
        ("Developer (m/f/x)\nText.", True, "(m/f/x)"),
        ("Ontwikkelaar (V/M/X)\nTekst.", True, "(V/M/X)"),
        ("Développeur H/F\nTexte.", True, "H/F"),
        ("Designer (all genders)\nText.", True, "(all genders)"),
        ("Developer (m/w/d)\nText.", True, "(m/w/d)"),
        ("Developer\n(m/f/x)", False, "(m/f/x)"),
        ("Developer (m/m)\nText.", False, ""),
        ("Developer\nText.", False, ""),
    ],
)
def test_it_finds_the_gender_marker_of_the_title(text, in_title, written):
    result = check(text, "en")
    assert (result.gender_marker, result.gender_marker_text) == (in_title, written)


def test_a_marker_without_x_gets_a_suggestion_naming_non_binary_people():
    assert 'The marker "(H/F)" leaves out non-binary people: write "(h/f/x)".' in check("Comptable (H/F)\nTexte.", "fr").suggestions


def test_a_marker_only_further_down_is_asked_for_in_the_title():
    assert 'Put the gender marker "(m/v/x)" in the job title, not only further down.' in check("Coach\nWij zoeken (m/v/x).", "nl").suggestions


def test_a_missing_marker_gets_the_languages_marker_suggested():
    assert check("Coach\nTekst.", "nl").suggestions == ('Add a gender marker such as "(m/v/x)" to the job title.',)
