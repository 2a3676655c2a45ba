"""The table: job-ad texts per language with the coded words, gender marker and verdict expected.

Each row: (text, masculine-coded words as written, feminine-coded words as written, marker in the
title, verdict). Rows cover accented, unaccented, decomposed, elided, hyphenated, capitalised,
feminine and plural forms, words that must not match inside another word, and a text with no
coded word at all.
"""

import pytest

from widmonitor.jobads.checker import check

ENGLISH = [
    ("Software Engineer (m/f/x)\nWe want an ambitious, driven engineer.", ["ambitious", "driven"], [], True, "masculine"),
    ("Data Analyst\nYou are analytical and competitive.", ["Analyst", "analytical", "competitive"], [], False, "masculine"),
    ("Support Engineer (M/F/X)\nWe value collaboration, trust and a warm, supportive team.", [], ["Support", "collaboration", "trust", "warm", "supportive"], True, "strongly-feminine"),
    ("Team Lead\nSelf-reliant, self-confident and head-strong people wanted.", ["Lead", "Self-reliant", "self-confident", "head-strong"], [], False, "strongly-masculine"),
    ("Engineer\nSelfreliant and headstrong people wanted.", ["Selfreliant", "headstrong"], [], False, "masculine"),
    ("Engineer\nBe co-operative, cooperative, interpersonal and inter-personal.", [], ["co-operative", "cooperative", "interpersonal", "inter-personal"], False, "strongly-feminine"),
    ("Office Manager (m/f/x)\nYou will plan meetings and answer the phone.", [], [], True, "neutral"),
    ("AMBITIOUS DEVELOPER WANTED", ["AMBITIOUS"], [], False, "masculine"),
    ("Engineer\nA leader who is honest.", ["leader"], ["honest"], False, "neutral"),
    ("Designer (all genders)\nYou are creative and kind.", [], ["kind"], True, "feminine"),
    ("Designer\nWe hire (m/f/x) people who are loyal.", [], ["loyal"], False, "feminine"),
    ("Developer (m/f)\nYou are decisive.", ["decisive"], [], True, "masculine"),
    ("Analyst \u2013 you\u2019re decisive", ["Analyst", "decisive"], [], False, "masculine"),
    ("Leaders, leadership and leading", ["Leaders", "leadership", "leading"], [], False, "masculine"),
    ("Tester\nActive, adventurous, aggressive and ambitious.", ["Active", "adventurous", "aggressive", "ambitious"], [], False, "strongly-masculine"),
    ("Tester\nNothing misleading, nothing unkind.", [], [], False, "neutral"),
]

DUTCH = [
    ("Ontwikkelaar (m/v/x)\nWij zoeken een ambitieuze en competitieve collega.", ["ambitieuze", "competitieve"], [], True, "masculine"),
    ("Verkoper\nJe bent zelfstandig en stressbestendig.", ["zelfstandig", "stressbestendig"], [], False, "masculine"),
    ("Teamleider (v/m/x)\nJe bent een gedreven leider met leiderschap.", ["Teamleider", "gedreven", "leider", "leiderschap"], [], True, "strongly-masculine"),
    ("Klantvriendelijke medewerker (m/v/x)\nJe bent zorgvuldig, betrokken, creatief en nieuwsgierig.", [], ["Klantvriendelijke", "zorgvuldig", "betrokken", "creatief", "nieuwsgierig"], True, "strongly-feminine"),
    ("Boekhouder (m/v/x)\nJe maakt facturen op en beheert de kas.", [], [], True, "neutral"),
    ("Architect\nGeen hiërarchie, niets hierarchisch.", ["hiërarchie", "hierarchisch"], [], False, "masculine"),
    ("Coach\nJe wordt team-leider.", ["leider"], [], False, "masculine"),
    ("AMBITIEUS en Analytisch", ["AMBITIEUS", "Analytisch"], [], False, "masculine"),
    ("Coach\nJe bent loyaal en vastberaden.", ["vastberaden"], ["loyaal"], False, "neutral"),
    ("Coach\nUitdagingen en uitdagende projecten.", ["Uitdagingen", "uitdagende"], [], False, "masculine"),
    ("Expert data-analyse (V/M/X)\nJe werkt samen met het team.", [], [], True, "neutral"),
    ("Coach\nVerantwoordelijkheid: je bent verantwoordelijk, niet onverantwoordelijk.", [], ["verantwoordelijk"], False, "feminine"),
    ("Projectmanager M/V/X\nJe ondersteunt het team in een ondersteunende rol.", [], ["ondersteunende"], True, "feminine"),
    ("Coach\nVertrouwen en empathie.", [], ["Vertrouwen", "empathie"], False, "feminine"),
    ("Coach\nEen sociale en communicatieve collega.", [], ["sociale", "communicatieve"], False, "feminine"),
    ("Coach\nKoppige en onafhankelijke mensen.", ["Koppige", "onafhankelijke"], [], False, "masculine"),
]

FRENCH = [
    ("Développeur·euse (h/f/x)\nNous cherchons une personne ambitieuse et compétitive.", ["ambitieuse", "compétitive"], [], True, "masculine"),
    ("Comptable\nL'ambitieux, l'autonomie et le goût d\u2019analyse.", ["ambitieux", "autonomie", "analyse"], [], False, "masculine"),
    ("Comptable\nUn esprit competitif et determine.", ["competitif", "determine"], [], False, "masculine"),
    ("Comptable\nUn esprit compe\u0301titif.", ["compe\u0301titif"], [], False, "masculine"),
    ("Data-analyste (h/f/x)\nUn esprit co-opératif.", [], ["co-opératif"], True, "feminine"),
    ("AMBITIEUX, LEADER", ["AMBITIEUX", "LEADER"], [], False, "masculine"),
    ("Comptable (h/f/x)\nVous tenez la comptabilité de la société.", [], [], True, "neutral"),
    ("Comptable\nEsprit d'équipe, écoute, bienveillance, empathie et sens du partage.", [], ["bienveillance", "empathie", "partage"], False, "feminine"),
    ("Comptable\nUn homme de terrain sûr de soi.", ["homme de terrain", "sûr de soi"], [], False, "masculine"),
    ("Comptable\nConfiance en soi et confiance.", ["Confiance en soi"], ["confiance"], False, "neutral"),
    ("Comptable\nDes personnes indépendantes, dominante, hiérarchiques.", ["indépendantes", "dominante", "hiérarchiques"], [], False, "masculine"),
    ("Ingénieur·e (F/H/X)\nVous êtes curieuse ou curieux.", [], ["curieuse", "curieux"], True, "feminine"),
    ("Comptable\nUn cadre prédéfini à définir.", [], [], False, "neutral"),
    ("Comptable\nVous aimez les défis et les challenges.", ["défis", "challenges"], [], False, "masculine"),
    ("Comptable\nResponsable du soutien.", [], ["soutien"], False, "feminine"),
    ("Technicien (H/F)\nUn poste calme.", [], ["calme"], True, "feminine"),
]


def rows(language, table):
    return [pytest.param(language, *row, id=f"{language}-{index}") for index, row in enumerate(table)]


@pytest.mark.parametrize(
    "language, text, masculine, feminine, marker, verdict", rows("en", ENGLISH) + rows("nl", DUTCH) + rows("fr", FRENCH)
)
def test_it_finds_the_coded_words_the_marker_and_the_verdict(language, text, masculine, feminine, marker, verdict):
    result = check(text, language)
    assert [word.word for word in result.masculine_coded] == masculine
    assert [word.word for word in result.feminine_coded] == feminine
    assert result.gender_marker is marker
    assert result.verdict == verdict


@pytest.mark.parametrize(
    "language, text", [(language, row[0]) for language, table in (("en", ENGLISH), ("nl", DUTCH), ("fr", FRENCH)) for row in table]
)
def test_every_position_points_at_the_word_in_the_original_text(language, text):
    result = check(text, language)
    for word in result.masculine_coded + result.feminine_coded + result.masculine_only_titles:
        assert text[word.start : word.end] == word.word


def test_positions_stay_right_after_a_character_that_casefolding_lengthens():
    text = "Straße\nWir: ambitious and loyal."
    result = check(text, "en")
    assert [(w.word, w.start) for w in result.masculine_coded] == [("ambitious", text.index("ambitious"))]
    assert [(w.word, w.start) for w in result.feminine_coded] == [("loyal", text.index("loyal"))]


def test_it_reports_the_list_entry_and_an_alternative():
    word = check("Engineer\nAn ambitious person.", "en").masculine_coded[0]
    assert (word.word, word.start, word.end, word.entry, word.alternative) == ("ambitious", 12, 21, "ambitio*", "motivated")
