import pytest

from widmonitor.jobads.checker import MAX_LENGTH, JobAdRefused, check, verdict

SAMPLES = {
    "nl": "Wij zoeken een collega voor ons team in Gent. Je werkt met de klanten en je bent graag bij ons.",
    "fr": "Nous cherchons une personne pour notre équipe à Liège. Vous travaillez avec les clients et vous aimez le contact.",
    "en": "We are looking for a colleague to join our team in Ghent. You will work with the customers and you like it.",
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_it_detects_the_language_and_says_how_sure_it_is(language):
    result = check(SAMPLES[language])
    assert (result.language, result.language_detected) == (language, True)
    assert result.language_confidence >= 0.8


def test_a_given_language_is_not_detected():
    result = check(SAMPLES["nl"], "fr")
    assert (result.language, result.language_detected, result.language_confidence) == ("fr", False, None)


@pytest.mark.parametrize(
    "text, language, code, sentence",
    [
        ("", "auto", "empty", "The text is empty: paste the text of a vacancy."),
        ("  \n\t ", "en", "empty", "The text is empty: paste the text of a vacancy."),
        (SAMPLES["en"], "de", "unsupported_language", '"de" is not a language the checker supports (expected auto, nl, fr or en).'),
        (
            "Wir suchen eine Kollegin oder einen Kollegen für unser Team in Eupen, die mit uns arbeitet und auch gerne reist.",
            "auto",
            "unsupported_language",
            "The text looks like German, which the checker does not support (it checks Dutch, French and English).",
        ),
        ("Python Django SQL", "auto", "unknown_language", "Could not tell which language the text is in (too few common words): choose Dutch, French or English."),
        ("a" * (MAX_LENGTH + 1), "en", "too_long", f"The text has {MAX_LENGTH + 1} characters; the checker takes at most {MAX_LENGTH}."),
    ],
)
def test_it_refuses_a_text_it_cannot_check_and_says_why(text, language, code, sentence):
    with pytest.raises(JobAdRefused) as refused:
        check(text, language)
    assert (refused.value.code, refused.value.text) == (code, sentence)


@pytest.mark.parametrize(
    "masculine, feminine, expected",
    [(0, 0, "neutral"), (2, 2, "neutral"), (1, 0, "masculine"), (3, 0, "masculine"), (4, 0, "strongly-masculine"),
     (5, 2, "masculine"), (0, 3, "feminine"), (0, 4, "strongly-feminine"), (1, 6, "strongly-feminine")],
)
def test_the_verdict_is_the_balance_with_gender_decoders_thresholds(masculine, feminine, expected):
    assert verdict(masculine, feminine) == expected


def test_the_json_shape_has_the_documented_fields():
    data = check("Engineer (m/f/x)\nAn ambitious person.", "en").as_dict()
    assert set(data) >= {"language", "verdict", "masculine_coded", "feminine_coded", "gender_marker", "masculine_only_titles", "suggestions"}
    word = data["masculine_coded"][0]
    assert {key: word[key] for key in ("word", "start", "end", "entry", "alternative", "note")} == {
        "word": "ambitious", "start": 20, "end": 29, "entry": "ambitio*", "alternative": "motivated", "note": "as the source gives it"
    }
    assert (word["source"]["kind"], word["source"]["key"]) == ("research", "gfk")
