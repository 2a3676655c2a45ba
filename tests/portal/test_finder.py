"""The finder: answers in, ranked published initiatives out, each with its reasons; an empty result says what it left out."""

import pytest
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiatives
from widmonitor.portal import finder
from widmonitor.portal.finder import Profile, Rule

from ..search.registry import relations

# Fictional records, made up for these tests (not data), added to the fictional registry
# (girls-code, women-developers, mentoring-network, teachers-ai, an unpublished secret-draft).
MORE = [
    {
        "uid": "fictional-kids-robots",
        "title": {"en": "Robot afternoons for children"},
        "cost": "free",
        "relations": {"audiences": ["children", "age-6-12"], "regions": ["flanders"], "languages": ["nl"], "formats": ["event"], "objectives": ["1.2"]},
    },
    {
        "uid": "fictional-startup-bootcamp",
        "title": {"en": "Start-up bootcamp for women founders"},
        "cost": "paid",
        "relations": {"audiences": ["entrepreneurs", "women"], "regions": ["federal"], "languages": ["fr", "nl"], "formats": ["training"], "objectives": ["2.3"]},
    },
    {
        "uid": "fictional-hr-charter",
        "title": {"en": "Inclusive hiring charter for employers"},
        "cost": "free",
        "relations": {"audiences": ["companies", "hr-recruiters"], "regions": ["federal"], "languages": ["nl", "fr"], "formats": ["network"], "objectives": ["3.1"]},
    },
    {
        "uid": "fictional-old-hackathon",
        "title": {"en": "A past hackathon for girls"},
        "cost": "free",
        "status": "completed",
        "relations": {"audiences": ["girls", "age-12-18"], "regions": ["brussels"], "objectives": ["1.3"]},
    },
    {
        "uid": "fictional-study-choice-day",
        "title": {"en": "Study choice day for ICT"},
        "cost": "free",
        "relations": {"audiences": ["age-17-18", "students"], "regions": ["wallonia"], "languages": ["fr"], "formats": ["event"], "objectives": ["1.4"]},
    },
    {
        "uid": "fictional-reskilling",
        "title": {"en": "Evening courses in data skills"},
        "relations": {"audiences": ["employees", "women"], "regions": ["flanders"], "languages": ["nl"], "formats": ["course"], "objectives": ["3.2"]},
    },
    {
        "uid": "fictional-everyone-webinars",
        "title": {"en": "Webinars for everyone"},
        "cost": "free",
        "relations": {"audiences": ["everyone"], "languages": ["en"], "formats": ["event"], "objectives": ["3.4"]},
    },
]


@pytest.fixture
def finder_registry(fictional_registry):
    save_initiatives(
        [
            (Initiative(moderation="published", original_language="en", **{k: v for k, v in r.items() if k != "relations"}), relations(r["relations"]))
            for r in MORE
        ],
        reason="Fictional test records",
    )


def params(**answers):
    query = QueryDict(mutable=True)
    for name, value in answers.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    return query


PROFILES = [
    # (answers, the expected ranking: uids best first)
    ({"for": "child", "age": "age-12-18", "region": "brussels"}, ["girls-code", "fictional-everyone-webinars"]),
    (
        {"for": "myself", "age": "age-18-plus", "situation": "job-seeker", "region": "wallonia"},
        ["women-developers", "fictional-startup-bootcamp", "fictional-everyone-webinars"],
    ),
    ({"for": "pupils", "situation": "teacher"}, ["teachers-ai", "fictional-everyone-webinars"]),
    ({"for": "staff", "situation": "employer", "language": "nl"}, ["fictional-hr-charter"]),
    ({"situation": "entrepreneur", "language": "fr"}, ["fictional-startup-bootcamp"]),
    (
        {"for": "child", "age": "age-6-12", "region": "flanders", "interest": "format:event"},
        ["fictional-kids-robots", "fictional-everyone-webinars"],
    ),
    (
        {"for": "myself", "age": "age-17-18", "situation": "student", "region": "wallonia", "language": "fr", "free": "1"},
        ["fictional-study-choice-day"],
    ),
    (
        {"age": "age-18-plus", "situation": "employee", "region": "flanders", "interest": "sub_objective:3.2"},
        ["fictional-reskilling", "mentoring-network", "fictional-startup-bootcamp", "fictional-everyone-webinars"],
    ),
    (  # every free one scores 1: the tie is broken by title
        {"free": "1"},
        ["girls-code", "fictional-hr-charter", "fictional-kids-robots", "fictional-study-choice-day", "teachers-ai", "fictional-everyone-webinars"],
    ),
    (  # a mentoring interest lifts nothing out of its audience
        {"for": "myself", "age": "age-18-plus", "interest": ["format:mentoring", "sub_objective:3.4"]},
        ["mentoring-network", "fictional-everyone-webinars", "fictional-reskilling", "fictional-startup-bootcamp", "women-developers"],
    ),
]


def found_for(answers, language="en"):
    with translation.override(language):
        profile = finder.profile_from(params(**answers), finder.choices())
        return finder.find(profile, language)


@pytest.mark.parametrize(("answers", "expected"), PROFILES)
def test_a_profile_gets_the_initiatives_that_fit_best_first(finder_registry, answers, expected):
    found = found_for(answers)
    assert [match.uid for match in found.matches] == expected
    assert found.relaxed == [] and found.total == len(expected)


def test_each_result_says_why_it_matches(finder_registry):
    found = found_for({"for": "child", "age": "age-12-18", "region": "brussels", "language": "nl"})
    reasons = {match.uid: [str(reason) for reason in match.reasons] for match in found.matches}
    assert reasons["girls-code"] == ["for girls, 12 to 18", "in Brussels-Capital Region", "free"]
    found = found_for({"situation": "employer", "region": "brussels", "language": "nl"})
    assert [str(r) for r in found.matches[0].reasons] == ["for companies, HR and recruiters", "open to all regions", "in Dutch", "free"]
    found = found_for({"age": "age-18-plus", "interest": ["sub_objective:3.2", "format:course"]})
    assert [str(r) for r in found.matches[0].reasons] == [
        "for women",
        "your interest: course",
        "your interest: 3.2 Lifelong learning",
    ]


def test_completed_and_unpublished_initiatives_are_never_proposed(finder_registry):
    found = found_for({"for": "child", "age": "age-12-18"})
    assert {"fictional-old-hackathon", "secret-draft"}.isdisjoint(match.uid for match in found.matches)


def test_an_initiative_whose_end_has_passed_is_never_proposed_whatever_its_record_says(finder_registry):
    ended = Initiative.objects.get(uid="girls-code")
    ended.status, ended.starts, ended.ends = "ongoing", "2019", "2021"  # made up: a record never updated after its end
    save_initiatives([(ended, {})])
    found = found_for({"for": "child", "age": "age-12-18", "region": "brussels"})
    assert "girls-code" not in [match.uid for match in found.matches]


def test_when_nothing_fits_it_leaves_out_constraints_in_order_and_says_which(finder_registry):
    found = found_for({"situation": "entrepreneur", "language": "nl", "free": "1"})
    assert [rule.name for rule in found.relaxed] == ["free"]
    assert [m.uid for m in found.matches] == ["fictional-startup-bootcamp"]
    found = found_for({"situation": "entrepreneur", "language": "de", "free": "1"})
    assert [rule.name for rule in found.relaxed] == ["free", "language"]
    assert [m.uid for m in found.matches] == ["fictional-startup-bootcamp", "fictional-everyone-webinars"]
    with translation.override("en"):
        assert [str(said) for said in finder.relaxed_labels(found)] == ["free of charge only", "in German"]


def test_the_empty_state_names_what_was_left_out(anonymous, finder_registry):
    html = anonymous.get("/en/finder/?situation=entrepreneur&language=de&free=1").content.decode()
    assert "Nothing matches all of your answers. These initiatives match once we leave out:" in html
    assert "<li>free of charge only</li><li>in German</li>" in html
    assert '<h2 id="finder-results-title" aria-live="polite">2 initiatives fit</h2>' in html


@pytest.mark.parametrize(
    ("tokens", "rule", "passes"),
    [
        ({"region:flanders"}, Rule("region", "region", frozenset({"brussels", "federal"})), False),
        ({"region:federal"}, Rule("region", "region", frozenset({"brussels", "federal"})), True),
        ({"audience:women"}, Rule("region", "region", frozenset({"brussels"})), True),  # says no region: not left out
        ({"cost:unknown"}, Rule("free", "cost", frozenset({"free"}), strict=True), False),
        (set(), Rule("free", "cost", frozenset({"free"}), strict=True), False),
        ({"cost:free"}, Rule("free", "cost", frozenset({"free"}), strict=True), True),
    ],
)
def test_a_rule_leaves_an_initiative_out_only_for_what_it_says(tokens, rule, passes):
    assert rule.passes(frozenset(tokens)) is passes


def test_ties_are_broken_by_title_then_uid():
    entries = [(3, "b", "Same", frozenset()), (1, "c", "same", frozenset()), (2, "a", "Same", frozenset()), (4, "z", "Alpha", frozenset())]
    assert [m.uid for m in finder.rank(entries, [], {})] == ["z", "a", "b", "c"]


def test_unknown_answers_are_ignored(finder_registry):
    with translation.override("en"):
        profile = finder.profile_from(params(age="age-99", region="mars", interest=["format:mentoring", "objective:1", "sub_objective:9.9"], free="yes"), finder.choices())
    assert profile == Profile(interests=("format:mentoring",))


def test_the_form_is_grouped_labelled_and_keeps_the_answers(anonymous, finder_registry):
    html = anonymous.get("/en/finder/?for=child&age=age-12-18&interest=format:event&free=1").content.decode()
    assert html.count("<fieldset>") >= 6 and "<legend>Who are you looking for?</legend>" in html
    assert '<input type="radio" id="finder-for-child" name="for" value="child" checked> <label for="finder-for-child">My daughter or son</label>' in html
    assert '<input type="checkbox" id="finder-formatevent" name="interest" value="format:event" checked>' in html
    assert '<input type="checkbox" id="finder-free" name="free" value="1" checked>' in html
    assert '<label for="finder-region">Region</label>' in html


def test_without_answers_the_page_shows_only_the_form(anonymous, finder_registry):
    html = anonymous.get("/en/finder/").content.decode()
    assert "<form" in html and "finder-results-title" not in html


def test_results_announce_their_count_and_reasons(anonymous, finder_registry):
    html = anonymous.get("/en/finder/?for=child&age=age-12-18&region=brussels").content.decode()
    assert '<h2 id="finder-results-title" aria-live="polite">2 initiatives fit</h2>' in html
    assert '<a href="/en/initiatives/girls-code/"><span lang="en">Girls learn to code</span></a>' in html
    assert "<li>for girls, 12 to 18</li><li>in Brussels-Capital Region</li><li>free</li>" in html


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_page_answers_in_every_language(anonymous, finder_registry, language):
    response = anonymous.get(f"/{language}/finder/?for=staff&situation=employer&region=brussels&language=nl&interest=sub_objective:3.1")
    html = response.content.decode()
    assert response.status_code == 200 and f'<html lang="{language}">' in html
    assert f'href="/{language}/initiatives/fictional-hr-charter/"' in html
    with translation.override(language):
        assert f'aria-current="page">{gettext("Finder")}</a>' in html


def add(*records):
    """Fictional records, made up for one test (not data), published."""
    save_initiatives(
        [
            (Initiative(moderation="published", original_language="en", **{k: v for k, v in r.items() if k != "relations"}), relations(r["relations"]))
            for r in records
        ],
        reason="Fictional test records",
    )


def test_a_pupil_never_gets_an_initiative_for_teachers_first(finder_registry):
    add(
        {  # names many of a pupil's audiences too, so that its score alone would put it first
            "uid": "fictional-teachers-girls-coding-kit",
            "title": {"en": "A coding kit for teachers of girls aged 12 to 18"},
            "cost": "free",
            "relations": {"audiences": ["teachers", "girls", "age-12-18", "young-people"], "regions": ["brussels"], "objectives": ["1.3"]},
        },
    )
    found = found_for({"for": "myself", "age": "age-12-18", "situation": "pupil", "region": "brussels"})
    uids = [match.uid for match in found.matches]
    assert uids[0] == "girls-code"
    assert uids[-1] == "fictional-teachers-girls-coding-kit"  # still proposed, after everything that is for her
    found = found_for({"for": "pupils", "situation": "teacher", "age": "age-12-18", "region": "brussels"})
    assert found.matches[0].uid == "fictional-teachers-girls-coding-kit"  # first for her teacher


def test_a_record_stating_no_audience_is_proposed_for_what_its_sub_objective_implies_and_says_so(finder_registry):
    add(
        {"uid": "fictional-silent-club", "title": {"en": "Saturday coding club"}, "relations": {"objectives": ["1.3"]}},
        {"uid": "fictional-teachers-only", "title": {"en": "Training for ICT teachers"}, "relations": {"audiences": ["teachers"], "objectives": ["1.3"]}},
    )
    found = found_for({"for": "myself", "age": "age-12-18", "situation": "pupil"})
    by_uid = {match.uid: match for match in found.matches}
    assert "fictional-teachers-only" not in by_uid  # its record says for whom: the strategy's girls do not override it
    with translation.override("en"):
        assert [str(reason) for reason in by_uid["fictional-silent-club"].reasons] == ["for girls, 12 to 18, as the strategy implies"]
    assert by_uid["fictional-silent-club"].score < by_uid["girls-code"].score  # stated audiences count more


def test_the_finder_offers_online_and_finds_what_is_followed_from_anywhere(finder_registry):
    add(
        {"uid": "fictional-online-course", "title": {"en": "Online Python course"}, "relations": {"audiences": ["women"], "regions": ["online"], "objectives": ["2.2"]}},
    )
    with translation.override("en"):
        assert ("online", "online") in finder.choices()["region"]
    found = found_for({"age": "age-18-plus", "region": "online"})
    online = [match.uid for match in found.matches]
    assert online[0] == "fictional-online-course"
    with translation.override("en"):
        assert "online, from anywhere" in [str(reason) for reason in found.matches[0].reasons]
    assert "women-developers" not in online and "mentoring-network" not in online  # only in Wallonia, only in Flanders
    in_wallonia = [match.uid for match in found_for({"age": "age-18-plus", "region": "wallonia"}).matches]
    assert {"women-developers", "fictional-online-course"} <= set(in_wallonia)  # online fits every region
