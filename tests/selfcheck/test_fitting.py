"""Initiatives that fit a result: tagged with her areas to improve first, ranked and relaxed as the finder does."""

import pytest

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiatives
from widmonitor.selfcheck.answers import NOT_YET, YES, Answers
from widmonitor.selfcheck.fitting import Wishes, choices, initiatives_that_fit
from widmonitor.selfcheck.framework import framework
from widmonitor.selfcheck.scoring import score

from ..search.registry import relations

# Fictional records made up for these tests (not data): what each develops is part of the fiction.
TAGGED = [
    {
        "uid": "fictional-safety-workshop",
        "title": {"en": "Safe online: a workshop"},
        "cost": "free",
        "relations": {"digcomp": ["4.1", "4.2"], "formats": ["training"], "languages": ["nl"], "regions": ["flanders"], "audiences": ["women"]},
    },
    {
        "uid": "fictional-coding-club",
        "title": {"en": "Coding club for girls"},
        "cost": "free",
        "relations": {"digcomp": ["3.4"], "formats": ["course"], "languages": ["fr"], "regions": ["wallonia"], "audiences": ["girls", "age-12-18"]},
    },
    {
        "uid": "fictional-online-communication",
        "title": {"en": "Communicating online"},
        "cost": "paid",
        "relations": {"digcomp": ["2"], "formats": ["course"], "languages": ["nl", "fr", "en"], "regions": ["online"], "audiences": ["women"]},
    },
    {
        "uid": "fictional-untagged-course",
        "title": {"en": "An evening course"},
        "relations": {"formats": ["course"], "languages": ["nl"]},
    },
    {
        "uid": "fictional-safety-campaign",
        "title": {"en": "Poster campaign on passwords"},
        "cost": "free",
        "relations": {"digcomp": ["4"], "formats": ["campaign"], "languages": ["nl", "fr", "en"]},
    },
]


@pytest.fixture
def tagged_registry(strategy):
    save_initiatives(
        [(Initiative(moderation="published", original_language="en", **{k: v for k, v in r.items() if k != "relations"}), relations(r["relations"])) for r in TAGGED],
        reason="Fictional test records",
    )


def result_with(**levels):
    """A result at "advanced" everywhere but ``levels``: ``a4=0`` puts each competence of area 4 at level 0."""
    given = {}
    for area in framework().areas:
        level = levels.get(f"a{area.code}", 3)
        for competence in area.competences:
            for index in range(level):
                given[(competence.code, index)] = YES
            if level < 3:
                given[(competence.code, level)] = NOT_YET
    return score(Answers(framework(), given))


DEVELOPS_4 = "develops what you can improve: 4.1 Protecting devices; 4.2 Protecting personal data and privacy"
NOT_DEVELOPED = "developing the areas you can improve (no initiative that fits the rest says it does)"


@pytest.mark.parametrize(
    ("levels", "wishes", "ranked", "relaxed"),
    [
        ({"a4": 0}, Wishes(language="nl"), ["fictional-safety-workshop"], []),  # the campaign develops area 4 but does not teach
        ({"a3": 0, "a4": 1}, Wishes(), ["fictional-coding-club", "fictional-safety-workshop"], []),  # area 3 is lower: it comes first
        ({"a3": 1, "a4": 0}, Wishes(), ["fictional-safety-workshop", "fictional-coding-club"], []),
        ({"a3": 0, "a4": 1}, Wishes(format="training"), ["fictional-safety-workshop"], []),
        ({"a3": 0, "a4": 1}, Wishes(format="campaign"), ["fictional-safety-campaign"], []),
        ({"a3": 0, "a4": 0}, Wishes(age="age-12-18", free_only=True), ["fictional-coding-club"], []),
        ({"a1": 0}, Wishes(language="en"), ["fictional-online-communication"], [NOT_DEVELOPED]),  # nothing develops area 1
        ({"a3": 0, "a4": 0}, Wishes(region="brussels"), ["fictional-online-communication", "fictional-untagged-course"], [NOT_DEVELOPED]),
        # nothing in German: her areas and the ways to learn are left out before the language, then put back
        ({"a4": 0}, Wishes(language="de"), ["fictional-safety-workshop"], ["in German"]),
        # free in Brussels: only the campaign (no region, free) develops area 4; the ways to learn stay left out
        ({"a3": 0, "a4": 0}, Wishes(region="brussels", free_only=True), ["fictional-safety-campaign"], ["training, courses and mentoring only"]),
        ({}, Wishes(language="fr", format="mentoring"), ["fictional-coding-club", "fictional-safety-campaign", "fictional-online-communication"], ["mentoring only"]),  # nothing to improve
    ],
)
def test_a_result_ranks_the_initiatives_that_develop_her_areas_to_improve_and_says_what_it_left_out(tagged_registry, levels, wishes, ranked, relaxed):
    fitting = initiatives_that_fit(result_with(**levels), wishes, "en")
    assert [match.uid for match in fitting.matches] == ranked
    assert [str(sentence) for sentence in fitting.relaxed] == relaxed


@pytest.mark.parametrize(
    ("levels", "wishes", "uid", "reasons"),
    [
        ({"a4": 0}, Wishes(language="nl"), "fictional-safety-workshop", [DEVELOPS_4, "a way to learn: training", "in Dutch", "free"]),
        ({"a4": 2}, Wishes(region="flanders"), "fictional-safety-workshop", [DEVELOPS_4, "a way to learn: training", "in Flanders", "free"]),
        ({"a3": 0}, Wishes(age="age-12-18"), "fictional-coding-club", ["develops what you can improve: 3.4 Programming", "a way to learn: course", "for girls, 12 to 18", "free"]),
        ({"a2": 1}, Wishes(format="course"), "fictional-online-communication", ["develops what you can improve: 2 Communication and collaboration", "your interest: course"]),
    ],
)
def test_each_initiative_that_fits_says_why(tagged_registry, levels, wishes, uid, reasons):
    [match] = [m for m in initiatives_that_fit(result_with(**levels), wishes, "en").matches if m.uid == uid]
    assert [str(reason) for reason in match.reasons] == reasons


def test_a_competence_she_reached_is_not_named_as_one_to_improve(tagged_registry):
    result = result_with(a4=0)
    given = {(c.competence.code, i): YES for a in result.areas for c in a.competences for i in range(c.level)}
    given |= {(c.competence.code, c.level): NOT_YET for a in result.areas for c in a.competences if c.level < 3}
    given |= {("4.1", 0): YES, ("4.1", 1): YES, ("4.1", 2): YES}  # 4.1 advanced, the rest of area 4 not yet
    fitting = initiatives_that_fit(score(Answers(framework(), given)), Wishes(language="nl"), "en")
    assert fitting.matches[0].reasons[0] == "develops what you can improve: 4.2 Protecting personal data and privacy"


@pytest.mark.parametrize(
    ("posted", "wishes"),
    [
        ({}, Wishes(language="fr")),  # before she sends the form: her interface language
        ({"fit": "1"}, Wishes()),  # she chose "any language"
        ({"fit": "1", "age": "age-18-plus", "region": "wallonia", "language": "nl", "format": "format:mentoring", "free": "1"}, Wishes("age-18-plus", "wallonia", "nl", "mentoring", True)),
        ({"fit": "1", "age": "age-99", "region": "mars", "language": "xx", "format": "format:award", "free": "yes"}, Wishes()),  # nothing offered
    ],
)
def test_her_choices_are_read_from_the_form_keeping_only_what_it_offers(vocabularies, posted, wishes):
    assert Wishes.from_form(posted, choices(), "fr") == wishes


def test_in_the_bundled_registry_the_coding_schools_come_first_for_someone_to_improve_in_content_creation(registry):
    fitting = initiatives_that_fit(result_with(a3=0, a1=2), Wishes(), "en")
    assert fitting.relaxed == []
    assert {m.uid for m in fitting.matches} <= {"becode-coding-school", "coderdojo-leren-programmeren", "molengeek-coding-school-and-coworking", "python-online-tutorial"}
    assert fitting.matches and all(m.reasons[0] == "develops what you can improve: 3.4 Programming" for m in fitting.matches)
