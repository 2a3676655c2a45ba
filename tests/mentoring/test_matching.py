"""The matching engine: scores, the optimal assignment with capacities, fixed and excluded pairs,
unmatched mentees and why, ties, the greedy baseline, and the reasons as sentences."""

import random

import pytest
from django.utils import translation

from widmonitor.mentoring.matching import (
    Candidate, MatchingError, Reason, Weights, describe, greedy, match, score,
)
from widmonitor.mentoring.score_matrix import score_milli_matrix

ONLY_TOPICS = Weights(topics=10, goals=0, place=0, availability=0)


def person(key, languages="fr", topics="", goals="", region=None, municipality=None, online=True,
           on_site=True, availability="", capacity=0, label=""):
    def codes(text):
        return frozenset(text.split())

    return Candidate(key, codes(languages), codes(topics), codes(goals), region, municipality, online, on_site,
                     codes(availability), capacity, label)


def pairs_of(proposal):
    return sorted((pair.mentee, pair.mentor) for pair in proposal.pairs)


# --- the score of one pair ---------------------------------------------------------------------


@pytest.mark.parametrize(("mentee", "mentor", "expected"), [
    # topics 5 × share of hers, goals 3 × share, place 2 if they can meet, availability 2 × share
    (person("e", topics="ai cyber"), person("m", topics="cyber", capacity=1), 2.5 + 2),
    (person("e", topics="ai cyber", online=False), person("m", topics="ai cyber", capacity=1), 5),
    (person("e", online=False, region="BE-WLG"), person("m", region="BE-WLG", capacity=1), 2),
    (person("e", online=False, region=None), person("m", region=None, capacity=1), 0),
    (person("e", goals="a b c", online=False), person("m", goals="a", capacity=1), 1),
    (person("e", availability="weekend weekday-evening", on_site=False),
     person("m", availability="weekend", on_site=False, capacity=1), 2 + 1),
    (person("e", topics="a b c", online=False), person("m", topics="a", capacity=1), 1.667),  # 5/3 rounded half up
])
def test_a_pair_scores_each_weighted_criterion(mentee, mentor, expected):
    assert score(mentee, mentor, Weights())[0] == expected


def test_codes_given_as_lists_and_an_empty_region_are_taken_as_sets_and_not_said():
    mentee = Candidate("e", ["fr", "fr"], ["ai"], [], "", online=False)
    mentor = Candidate("m", ["fr"], ["ai"], [], "", online=False, capacity=1)

    assert mentee.languages == frozenset({"fr"}) and mentee.region is None
    assert score(mentee, mentor, Weights()) == (5, (Reason("shared_languages", {"languages": ("fr",)}),
                                                    Reason("shared_topics", {"topics": ("ai",)}),
                                                    Reason("no_common_way_to_meet", {})))


def test_codes_given_as_one_text_are_refused():
    with pytest.raises(TypeError, match="languages must be a collection of codes"):
        Candidate("e", "fr", [], [], None)


def test_a_pair_without_a_shared_language_is_not_allowed():
    assert score(person("e", languages="nl"), person("m", languages="fr de", capacity=1), Weights()) is None


def test_vectorised_scores_equal_the_one_pair_score_on_a_random_sample():
    rng = random.Random(5)
    vocabulary = "a b c d e f g".split()

    def random_person(key, capacity):
        return person(key, languages=" ".join(rng.sample(["nl", "fr", "en", "de"], rng.randint(1, 2))),
                      topics=" ".join(rng.sample(vocabulary, rng.randint(0, 4))),
                      goals=" ".join(rng.sample(vocabulary, rng.randint(0, 3))),
                      region=rng.choice([None, "BE-WLG", "BE-VAN"]), online=rng.random() < 0.5,
                      on_site=rng.random() < 0.7, availability=" ".join(rng.sample(vocabulary[:3], rng.randint(0, 3))),
                      capacity=capacity)

    mentees = [random_person(f"e{index}", 0) for index in range(60)]
    mentors = [random_person(f"m{index}", 2) for index in range(40)]
    weights = Weights(topics=7, goals=3, place=4, availability=9)
    milli, allowed = score_milli_matrix(mentees, mentors, weights)
    for row, column in rng.sample([(r, c) for r in range(60) for c in range(40)], 300):
        one = score(mentees[row], mentors[column], weights)
        assert (one is None) == (not allowed[row, column])
        if one is not None:
            assert round(one[0] * 1000) == milli[row, column]
    assert allowed.any() and not allowed.all()


def test_a_pair_with_score_zero_but_a_shared_language_is_still_proposed():
    mentee = person("e", topics="ai", online=False)
    mentor = person("m", topics="cyber", online=False, capacity=1)

    proposal = match([mentee], [mentor], Weights())

    assert pairs_of(proposal) == [("e", "m")]
    assert proposal.pairs[0].score == 0


def test_by_default_a_higher_total_score_wins_over_one_more_pair_and_most_pairs_first_turns_that_around():
    # One place each at A and B; weights topics 10, goals 1. x (nl; topics a b; goal g): x–A = 10 + 1 = 11,
    # x–B = 5. y (fr; topics a c): y–A = 5, y–B not allowed. Score first: {x–A} = 11 beats {x–B, y–A} = 10,
    # so y is left out; most pairs first: {x–B, y–A} is the only assignment with two pairs.
    weights = Weights(topics=10, goals=1, place=0, availability=0)
    mentors = [person("A", languages="fr nl", topics="a b", goals="g", capacity=1),
               person("B", languages="nl", topics="a", capacity=1)]
    mentees = [person("x", languages="nl", topics="a b", goals="g"), person("y", languages="fr", topics="a c")]

    by_score = match(mentees, mentors, weights)
    by_pairs = match(mentees, mentors, weights, most_pairs_first=True)

    assert (pairs_of(by_score), by_score.total_score) == ([("x", "A")], 11)
    assert (pairs_of(by_pairs), by_pairs.total_score) == ([("x", "B"), ("y", "A")], 10)


# --- capacities and unmatched mentees -----------------------------------------------------------


@pytest.mark.parametrize(("capacities", "mentees", "pairs"), [
    ((1,), 3, 1),
    ((1, 2), 5, 3),
    ((5, 1, 1), 4, 4),
    ((3, 3), 6, 6),
    ((0, 2), 3, 2),
])
def test_no_mentor_gets_more_mentees_than_her_capacity(capacities, mentees, pairs):
    mentors = [person(f"m{index}", topics="ai", capacity=capacity) for index, capacity in enumerate(capacities)]
    everyone = [person(f"e{index}", topics="ai") for index in range(mentees)]

    proposal = match(everyone, mentors, Weights())

    loads = [sum(pair.mentor == mentor.key for pair in proposal.pairs) for mentor in mentors]
    assert all(load <= capacity for load, capacity in zip(loads, capacities))
    assert len(proposal.pairs) == pairs
    assert len(proposal.unmatched) == mentees - pairs


def test_a_mentee_whose_language_no_mentor_speaks_is_listed_unmatched_with_that_reason():
    proposal = match([person("e-de", languages="de"), person("e-fr")], [person("m", languages="fr nl", capacity=2)],
                     Weights())

    assert pairs_of(proposal) == [("e-fr", "m")]
    assert [unmatched.mentee for unmatched in proposal.unmatched] == ["e-de"]
    assert proposal.unmatched[0].reasons == (Reason("no_shared_language", {"languages": ("de",)}),)
    assert str(proposal.unmatched[0].reasons[0]) == "no mentor speaks German"


def test_when_mentees_outnumber_places_the_worst_fitting_are_left_because_the_mentors_are_full():
    mentors = [person("m1", topics="ai cyber", capacity=1), person("m2", topics="ai", capacity=1)]
    mentees = [person("e-ai", topics="ai"), person("e-cyber", topics="cyber"), person("e-data", topics="data")]

    proposal = match(mentees, mentors, ONLY_TOPICS)

    assert pairs_of(proposal) == [("e-ai", "m2"), ("e-cyber", "m1")]
    assert proposal.unmatched[0].mentee == "e-data"
    assert proposal.unmatched[0].reasons == (Reason("mentors_full", {"mentors": 2}),)
    assert str(proposal.unmatched[0].reasons[0]) == "2 mentors speak her language and have no free place"


def test_a_mentee_excluded_from_every_mentor_who_speaks_her_language_is_told_so():
    proposal = match([person("e")], [person("m1", capacity=1), person("m2", capacity=1)], Weights(),
                     excluded=[("e", "m1"), ("e", "m2")])

    assert proposal.pairs == ()
    assert proposal.unmatched[0].reasons == (Reason("all_excluded", {}),)


def test_without_any_mentor_every_mentee_is_unmatched_for_that_reason():
    proposal = match([person("e1"), person("e2")], [], Weights())

    assert [u.reasons for u in proposal.unmatched] == [(Reason("no_mentors", {}),)] * 2


# --- ties ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_the_same_candidates_in_any_order_give_the_same_proposal(seed):
    # everyone ties: 7 identical mentees for 4 places with 3 identical mentors
    mentees = [person(f"e{index}", topics="ai") for index in range(7)]
    mentors = [person("m1", topics="ai", capacity=2), person("m2", topics="ai", capacity=1),
               person("m3", topics="ai", capacity=1)]
    reference = match(mentees, mentors, Weights())
    rng = random.Random(seed)
    rng.shuffle(mentees)
    rng.shuffle(mentors)

    assert match(mentees, mentors, Weights()) == reference
    assert greedy(mentees, mentors, Weights()) == greedy(sorted(mentees, key=lambda c: c.key), mentors, Weights())


# --- fixed and excluded pairs -------------------------------------------------------------------


def test_a_fixed_pair_is_kept_and_the_others_are_matched_around_it():
    mentors = [person("m-ai", topics="ai", capacity=1), person("m-cyber", topics="cyber", capacity=1)]
    mentees = [person("e-ai", topics="ai"), person("e-cyber", topics="cyber")]
    assert pairs_of(match(mentees, mentors, ONLY_TOPICS)) == [("e-ai", "m-ai"), ("e-cyber", "m-cyber")]

    proposal = match(mentees, mentors, ONLY_TOPICS, fixed=[("e-ai", "m-cyber")])

    assert pairs_of(proposal) == [("e-ai", "m-cyber"), ("e-cyber", "m-ai")]
    assert [pair.fixed for pair in proposal.pairs] == [True, False]
    assert proposal.total_score == 0


def test_a_fixed_pair_uses_one_of_its_mentors_places():
    mentors = [person("m", topics="ai", capacity=2)]
    mentees = [person("e1", topics="ai"), person("e2", topics="ai"), person("e3", topics="ai")]

    proposal = match(mentees, mentors, ONLY_TOPICS, fixed=[("e3", "m")])

    assert pairs_of(proposal) == [("e1", "m"), ("e3", "m")]
    assert [u.mentee for u in proposal.unmatched] == ["e2"]


@pytest.mark.parametrize("on_site", [True, False])
def test_a_cycle_whose_mentees_are_all_fixed_or_none_is_matched_without_error(on_site):
    mentors = [person("m", region="BE-WLG", on_site=on_site, capacity=2), person("n", on_site=on_site, capacity=1)]
    mentees = [person("e1", region="BE-WLG", on_site=on_site), person("e2", on_site=on_site)]

    everyone_fixed = match(mentees, mentors, Weights(), fixed=[("e1", "m"), ("e2", "m")])
    nobody = match([], mentors, Weights())

    assert pairs_of(everyone_fixed) == [("e1", "m"), ("e2", "m")] and not everyone_fixed.unmatched
    assert (nobody.pairs, nobody.unmatched, nobody.total_score) == ((), (), 0)


def test_an_excluded_pair_is_never_proposed_even_when_it_fits_best():
    mentors = [person("m-ai", topics="ai", capacity=1), person("m-other", topics="other", capacity=1)]

    proposal = match([person("e", topics="ai")], mentors, ONLY_TOPICS, excluded=[("e", "m-ai")])

    assert pairs_of(proposal) == [("e", "m-other")]


@pytest.mark.parametrize(("fixed", "excluded", "code"), [
    ([("e1", "m"), ("e2", "m")], [], "fixed_beyond_capacity"),
    ([("e-nl", "m")], [], "fixed_without_language"),
    ([("e1", "m"), ("e1", "m2")], [], "fixed_twice"),
    ([("e1", "m")], [("e1", "m")], "fixed_and_excluded"),
    ([("nobody", "m")], [], "unknown_mentee"),
    ([], [("e1", "nobody")], "unknown_mentor"),
])
def test_a_fixed_or_excluded_pair_that_cannot_be_kept_raises_a_precise_error(fixed, excluded, code):
    mentees = [person("e1"), person("e2"), person("e-nl", languages="nl")]
    mentors = [person("m", capacity=1), person("m2", capacity=1)]

    with pytest.raises(MatchingError) as raised:
        match(mentees, mentors, Weights(), fixed=fixed, excluded=excluded)

    assert raised.value.code == code


def test_a_mentor_fixed_beyond_her_capacity_is_named_in_the_error():
    with pytest.raises(MatchingError) as raised:
        match([person("e1"), person("e2")], [person("m-7", capacity=1)], Weights(), fixed=[("e1", "m-7"), ("e2", "m-7")])

    assert str(raised.value) == "m-7 is fixed with more mentees than her capacity of 1."


@pytest.mark.parametrize(("make", "code"), [
    (lambda: match([person("e"), person("e")], [person("m", capacity=1)], Weights()), "duplicate_key"),
    (lambda: match([person("e")], [person("m", capacity=-1)], Weights()), "bad_capacity"),
    (lambda: Weights(topics=11), "bad_weight"),
    (lambda: Weights(goals=-1), "bad_weight"),
])
def test_bad_input_raises_a_matching_error(make, code):
    with pytest.raises(MatchingError) as raised:
        make()

    assert raised.value.code == code


# --- optimal against greedy ---------------------------------------------------------------------


def test_the_optimal_assignment_beats_greedy_where_greedy_takes_the_best_pair_too_early():
    # Weights: topics 10, goals 1. Mentors A (fr nl, topics a b, goal g) and B (nl, topic a), one place each.
    # Mentee x (nl, topics a b, goal g): x–A = 10 + 1 = 11, x–B = 5.  Mentee y (fr, topic a): y–A = 10, y–B not
    # allowed (no shared language). Greedy takes the best pair x–A (11) first; y's only mentor A is then full,
    # so greedy ends with 11. The only other assignments are {x–B, y–A} = 5 + 10 = 15, {x–B} = 5, {y–A} = 10:
    # the optimum is 15, and it matches both mentees.
    weights = Weights(topics=10, goals=1, place=0, availability=0)
    mentors = [person("A", languages="fr nl", topics="a b", goals="g", capacity=1),
               person("B", languages="nl", topics="a", capacity=1)]
    mentees = [person("x", languages="nl", topics="a b", goals="g"), person("y", languages="fr", topics="a")]

    baseline, optimal = greedy(mentees, mentors, weights), match(mentees, mentors, weights)

    assert (pairs_of(baseline), baseline.total_score) == ([("x", "A")], 11)
    assert (pairs_of(optimal), optimal.total_score) == ([("x", "B"), ("y", "A")], 15)
    assert baseline.unmatched[0].reasons == (Reason("mentors_full", {"mentors": 1}),)


def random_cycle(rng):
    mentors = [person(f"m{i}", languages=rng.choice(["fr", "nl", "fr nl"]), topics=" ".join(rng.sample("abcdef", 2)),
                      capacity=rng.randint(0, 3)) for i in range(6)]
    mentees = [person(f"e{i}", languages=rng.choice(["fr", "nl", "de"]), topics=" ".join(rng.sample("abcdef", 2)))
               for i in range(14)]
    return mentees, mentors


def test_the_optimal_total_is_never_below_greedy_on_random_cycles():
    rng = random.Random(11)
    for _ in range(15):
        mentees, mentors = random_cycle(rng)
        assert match(mentees, mentors, Weights()).total_score >= greedy(mentees, mentors, Weights()).total_score


@pytest.mark.parametrize("seed", range(5))
def test_every_mentee_is_either_paired_once_or_unmatched_and_a_full_mentor_really_is_full(seed):
    mentees, mentors = random_cycle(random.Random(seed))
    excluded = [("e0", "m0"), ("e1", "m1")]

    proposal = match(mentees, mentors, Weights(), fixed=[("e2", "m2")] if mentors[2].capacity and
                     score(mentees[2], mentors[2], Weights()) else [], excluded=excluded)

    paired = [pair.mentee for pair in proposal.pairs]
    assert sorted(paired + [u.mentee for u in proposal.unmatched]) == sorted(m.key for m in mentees)
    assert len(set(paired)) == len(paired)
    load = {mentor.key: sum(pair.mentor == mentor.key for pair in proposal.pairs) for mentor in mentors}
    for unmatched in proposal.unmatched:
        mentee = next(m for m in mentees if m.key == unmatched.mentee)
        could = [m for m in mentors if m.languages & mentee.languages and (mentee.key, m.key) not in excluded]
        assert all(load[m.key] == m.capacity for m in could)


# --- reasons as sentences -----------------------------------------------------------------------


def test_a_pair_gives_its_reasons_in_order_with_codes_and_parameters():
    mentee = person("e", languages="fr en", topics="cybersecurity ai", region="BE-WLG", municipality="62063",
                    label="Liège", availability="weekend")
    mentor = person("m", languages="fr nl", topics="cybersecurity", region="BE-WLG", municipality="62063",
                    availability="weekend", capacity=1)

    (pair,) = match([mentee], [mentor], Weights()).pairs

    assert [reason.code for reason in pair.reasons] == [
        "shared_languages", "shared_topics", "same_municipality", "both_online", "shared_availability"]
    assert pair.reasons[1].params == {"topics": ("cybersecurity",)}


@pytest.mark.parametrize(("mentee", "mentor", "codes"), [
    (person("e", region=None, on_site=False), person("m", region=None, capacity=1), ["shared_languages", "both_online"]),
    (person("e", region="BE-WHT", online=False), person("m", region="BE-WHT", capacity=1),
     ["shared_languages", "same_region"]),
    (person("e", region="BE-WHT", municipality="53053", online=False),
     person("m", region="BE-WHT", municipality="53053", capacity=1), ["shared_languages", "same_municipality"]),
    (person("e", region="BE-WHT", online=False), person("m", region="BE-WLG", capacity=1),
     ["shared_languages", "no_common_way_to_meet"]),
    (person("e", on_site=False, availability="weekend"), person("m", availability="weekday-evening", capacity=1),
     ["shared_languages", "both_online", "no_common_time"]),
    (person("e", on_site=False, availability="weekend"), person("m", capacity=1), ["shared_languages", "both_online"]),
])
def test_a_pair_names_only_the_places_they_really_share_and_warns_when_they_cannot_meet(mentee, mentor, codes):
    reasons = score(mentee, mentor, Weights())[1]

    assert [reason.code for reason in reasons] == codes
    assert [reason.caveat for reason in reasons] == [code.startswith("no_") for code in codes]


def test_a_criterion_weighted_zero_gives_no_reason():
    mentee, mentor = person("e", topics="ai", goals="g"), person("m", topics="ai", goals="g", capacity=1)

    assert [reason.code for reason in score(mentee, mentor, ONLY_TOPICS)[1]] == ["shared_languages", "shared_topics"]


REASONS = [
    Reason("shared_languages", {"languages": ("fr",)}),
    Reason("shared_languages", {"languages": ("fr", "nl")}),
    Reason("shared_topics", {"topics": ("cybersecurity", "ai")}),
    Reason("shared_goals", {"goals": ("career-switch",)}),
    Reason("same_municipality", {"municipality": "62063", "label": "Liège"}),
    Reason("same_region", {"region": "BE-WHT"}),
    Reason("both_online", {}),
    Reason("shared_availability", {"availability": ("weekend",)}),
    Reason("no_shared_language", {"languages": ("de", "en")}),
    Reason("all_excluded", {}),
    Reason("mentors_full", {"mentors": 1}),
    Reason("mentors_full", {"mentors": 3}),
    Reason("no_mentors", {}),
    Reason("no_common_way_to_meet", {}),
    Reason("no_common_time", {}),
]
LABELS = {"cybersecurity": "cybersecurity", "ai": "AI", "career-switch": "a career switch", "weekend": "weekends",
          "BE-WHT": "Hainaut"}


@pytest.mark.parametrize(("language", "sentences"), [
    ("en", ["both speak French", "both speak French and Dutch", "shared topics: cybersecurity, AI",
            "shared goals: a career switch", "both in Liège", "same region: Hainaut", "both online",
            "same availability: weekends", "no mentor speaks German or English",
            "every mentor who speaks her language was excluded for her",
            "1 mentor speaks her language and has no free place",
            "3 mentors speak her language and have no free place", "no mentor has a place in this cycle",
            "no common way to meet (online, or on site in the same region)", "no time slot in common"]),
    ("nl", ["beiden spreken Frans", "beiden spreken Frans en Nederlands", "gedeelde onderwerpen: cybersecurity, AI",
            "gedeelde doelen: a career switch", "beiden in Liège", "zelfde regio: Hainaut", "beiden online",
            "zelfde beschikbaarheid: weekends", "geen enkele mentor spreekt Duits of Engels",
            "elke mentor die haar taal spreekt, werd voor haar uitgesloten",
            "1 mentor spreekt haar taal en heeft geen vrije plaats",
            "3 mentoren spreken haar taal en hebben geen vrije plaats",
            "geen enkele mentor heeft een plaats in deze ronde",
            "geen gemeenschappelijke manier om af te spreken (online, of ter plaatse in dezelfde regio)",
            "geen gemeenschappelijk tijdslot"]),
    ("fr", ["les deux parlent français", "les deux parlent français et néerlandais",
            "thèmes communs : cybersecurity, AI", "objectifs communs : a career switch", "les deux à Liège",
            "même région : Hainaut", "les deux en ligne", "mêmes disponibilités : weekends",
            "aucun·e mentor·e ne parle allemand ou anglais",
            "chaque mentor·e qui parle sa langue a été exclu·e pour cette personne",
            "1 mentor·e parle sa langue et n'a plus de place", "3 mentor·es parlent sa langue et n'ont plus de place",
            "aucun·e mentor·e n'a de place dans ce cycle",
            "aucun moyen commun de se rencontrer (en ligne, ou sur place dans la même région)",
            "aucun créneau en commun"]),
])
def test_reasons_read_as_sentences_in_each_interface_language(language, sentences):
    with translation.override(language):
        assert [describe(reason, LABELS) for reason in REASONS] == sentences


def test_a_reason_without_labels_shows_its_codes():
    with translation.override("en"):
        assert str(Reason("shared_topics", {"topics": ("cybersecurity",)})) == "shared topics: cybersecurity"


def test_an_unknown_reason_code_is_refused():
    with pytest.raises(ValueError):
        describe(Reason("made_up", {}))
