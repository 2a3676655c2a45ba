"""Matching mentees with mentors: a score per pair from stated criteria, an optimal assignment
that respects every mentor's capacity, and the reasons for each pair and for each mentee left out.

Pure Python, numpy and scipy: no models, no database. The app turns its profiles into
``Candidate`` objects (keys are the app's ids) and shows the ``Proposal``.

**Score.** A pair is allowed only if mentee and mentor share at least one language. Its score
is the sum of four criteria, each with the programme's weight (0–10):

- topics: the share of the mentee's topics that the mentor also has × weight;
- goals: the share of the mentee's goals that the mentor also has × weight;
- place: the full weight when both accept online mentoring, or both accept meeting on site and
  are in the same region (the reason then names the municipality if they share it), else 0;
- availability: the share of the mentee's time slots that the mentor also has × weight.

With the default weights a pair scores between 0 and 12. Scores are computed in exact integer
thousandths of a point (rounded half up), so the vectorised scores of ``score_matrix`` equal
``score()`` exactly and ties are real ties, not floating-point noise.

**Assignment.** Each mentor is expanded into as many slots as her capacity (minus her fixed
pairs) and ``scipy.optimize.linear_sum_assignment`` finds the assignment of mentees to slots
with the **largest total score**. Among assignments with the same total score it takes one with
the **most pairs**: a pair with score 0 but a shared language is still proposed when a slot is
free, because a mentor who shares a language is better than none, and the matcher can exclude
the pair. (Each allowed pair is worth ``score × K + 1`` with ``K`` larger than the number of
mentees, so an extra pair never outweighs a thousandth of a point.) A programme that would
rather match as many mentees as possible passes ``most_pairs_first=True``: then the number of
pairs comes first and the total score second, which may give a lower total than greedy's.

**Ties.** Mentees and mentors are sorted by key before the matrix is built, so the same
candidates in any order give the same proposal. When several assignments have the same total
score and number of pairs, the proposal is the one scipy's solver returns on that key-sorted
matrix: deterministic, though not "first key wins" in any simpler sense.

**Fixed and excluded pairs.** Fixed pairs are kept as they are (they use their mentor's
capacity) and the rest is matched around them; excluded pairs are never proposed. A fixed pair
that cannot be kept raises ``MatchingError`` and nothing is proposed.

**Reasons** of a pair say what they share (languages, topics, goals, municipality or region,
both online, time slots), in that order, for each criterion whose weight is not 0; then the
caveats (``Reason.caveat``): no common way to meet, no time slot in common. Only a shared
language is required: a pair that cannot meet on site gets 0 for place, not a ban.

**Unmatched mentees** are listed with why: no mentor speaks any of her languages; every mentor
who does was excluded for her; or every such mentor is full (an optimal assignment never leaves
a mentee out while a mentor she may have has a free slot).

``greedy`` is the baseline the benchmark compares with: it takes the best remaining pair first.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import get_language_info, gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from scipy.optimize import linear_sum_assignment

from widmonitor.mentoring.score_matrix import MILLI, allowed_values

MAX_WEIGHT = 10
CRITERIA = {
    "topics": pgettext_lazy("matching criterion", "topics"),
    "goals": pgettext_lazy("matching criterion", "goals"),
    "place": pgettext_lazy("matching criterion", "place"),
    "availability": pgettext_lazy("matching criterion", "availability"),
}
CAVEATS = frozenset({"no_common_way_to_meet", "no_common_time"})
# Names of spoken languages as they read mid-sentence ("both speak French"); other codes fall
# back to Django's language names.
LANGUAGE_NAMES = {
    "nl": pgettext_lazy("spoken language, mid-sentence", "Dutch"),
    "fr": pgettext_lazy("spoken language, mid-sentence", "French"),
    "en": pgettext_lazy("spoken language, mid-sentence", "English"),
    "de": pgettext_lazy("spoken language, mid-sentence", "German"),
}


@dataclass(frozen=True)
class Candidate:
    """A mentee, or a mentor when capacity > 0."""

    key: str
    languages: frozenset[str]
    topics: frozenset[str]
    goals: frozenset[str]
    region: str | None
    municipality: str | None = None
    online: bool = True
    on_site: bool = True
    availability: frozenset[str] = frozenset()
    capacity: int = 0
    label: str = ""  # a display name for her municipality, used by the "both in Liège" reason

    def __post_init__(self):
        """Codes may come as any collection (a JSON list); an empty region or municipality is not said."""
        for name in ("languages", "topics", "goals", "availability"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise TypeError(f"Candidate {self.key}: {name} must be a collection of codes, not the text {value!r}")
            object.__setattr__(self, name, frozenset(value))
        for name in ("region", "municipality"):
            if getattr(self, name) == "":
                object.__setattr__(self, name, None)


@dataclass(frozen=True)
class Weights:
    """Each criterion's weight, set per programme, 0–10."""

    topics: int = 5
    goals: int = 3
    place: int = 2
    availability: int = 2

    def __post_init__(self):
        for name in CRITERIA:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_WEIGHT:
                raise MatchingError(
                    "bad_weight",
                    _("The weight of %(criterion)s must be a whole number from 0 to %(maximum)s, not %(value)s."),
                    criterion=CRITERIA[name], maximum=MAX_WEIGHT, value=value,
                )


class MatchingError(ValueError):
    """A matching request that cannot be carried out; nothing is proposed."""

    def __init__(self, code, message, **params):
        self.code = code
        self.message = message
        self.params = params
        super().__init__(code)

    def __str__(self):
        return str(self.message) % self.params


@dataclass(frozen=True)
class Reason:
    """Why a pair was proposed or a mentee left out: a stable code and its parameters.

    ``str(reason)`` gives the sentence in the active language; ``describe(reason, labels)``
    also turns topic, goal, availability and region codes into labels.
    """

    code: str
    params: dict = field(default_factory=dict)

    def __str__(self):
        return describe(self)

    @property
    def caveat(self):
        """True for a warning about a proposed pair (they cannot meet, no time in common)."""
        return self.code in CAVEATS


@dataclass(frozen=True)
class Pair:
    mentee: str
    mentor: str
    score: float
    reasons: tuple[Reason, ...]
    fixed: bool = False


@dataclass(frozen=True)
class Unmatched:
    mentee: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Proposal:
    pairs: tuple[Pair, ...]
    unmatched: tuple[Unmatched, ...]
    total_score: float


# --- the score of one pair ------------------------------------------------------------------


def share_milli(weight, shared, wanted):
    """weight × shared / wanted in thousandths, rounded half up (integers only, like numpy's)."""
    if wanted == 0:
        return 0
    return (2 * MILLI * weight * shared + wanted) // (2 * wanted)


def place_fits(mentee, mentor):
    """True when they can meet: both online, or both on site in the same region."""
    return (mentee.online and mentor.online) or (
        mentee.on_site and mentor.on_site and mentee.region is not None and mentee.region == mentor.region
    )


def score_milli(mentee, mentor, weights):
    """The pair's score in thousandths, or None when they share no language."""
    if not mentee.languages & mentor.languages:
        return None
    return (
        share_milli(weights.topics, len(mentee.topics & mentor.topics), len(mentee.topics))
        + share_milli(weights.goals, len(mentee.goals & mentor.goals), len(mentee.goals))
        + (MILLI * weights.place if place_fits(mentee, mentor) else 0)
        + share_milli(weights.availability, len(mentee.availability & mentor.availability), len(mentee.availability))
    )


def score(mentee: Candidate, mentor: Candidate, weights: Weights) -> tuple[float, tuple[Reason, ...]] | None:
    """The pair's score and its reasons, or None when they share no language (not allowed)."""
    milli = score_milli(mentee, mentor, weights)
    if milli is None:
        return None
    return milli / MILLI, pair_reasons(mentee, mentor, weights)


def pair_reasons(mentee, mentor, weights):
    """What they share, criterion by criterion, then the caveats a matcher should see."""
    reasons = [Reason("shared_languages", {"languages": tuple(sorted(mentee.languages & mentor.languages))})]
    caveats = []
    if weights.topics and mentee.topics & mentor.topics:
        reasons.append(Reason("shared_topics", {"topics": tuple(sorted(mentee.topics & mentor.topics))}))
    if weights.goals and mentee.goals & mentor.goals:
        reasons.append(Reason("shared_goals", {"goals": tuple(sorted(mentee.goals & mentor.goals))}))
    if weights.place:
        same_region = mentee.on_site and mentor.on_site and mentee.region is not None \
            and mentee.region == mentor.region
        if same_region and mentee.municipality is not None and mentee.municipality == mentor.municipality:
            reasons.append(Reason("same_municipality", {"municipality": mentee.municipality,
                                                        "label": mentee.label or mentee.municipality}))
        elif same_region:
            reasons.append(Reason("same_region", {"region": mentee.region}))
        if mentee.online and mentor.online:
            reasons.append(Reason("both_online", {}))
        if not place_fits(mentee, mentor):
            caveats.append(Reason("no_common_way_to_meet", {}))
    if weights.availability and mentee.availability and mentor.availability:
        common = mentee.availability & mentor.availability
        if common:
            reasons.append(Reason("shared_availability", {"availability": tuple(sorted(common))}))
        else:
            caveats.append(Reason("no_common_time", {}))
    return tuple(reasons + caveats)


# --- the sentences ----------------------------------------------------------------------------


def describe(reason: Reason, labels: Mapping[str, str] | None = None) -> str:
    """The reason as a sentence in the active language; ``labels`` maps codes to display labels."""
    labels = labels or {}
    params = reason.params

    def named(codes):
        return ", ".join(str(labels.get(code, code)) for code in codes)

    code = reason.code
    if code == "shared_languages":
        return gettext("both speak %(languages)s") % {"languages": language_names(params["languages"])}
    if code == "shared_topics":
        return gettext("shared topics: %(topics)s") % {"topics": named(params["topics"])}
    if code == "shared_goals":
        return gettext("shared goals: %(goals)s") % {"goals": named(params["goals"])}
    if code == "same_municipality":
        return gettext("both in %(place)s") % {"place": labels.get(params["municipality"], params["label"])}
    if code == "same_region":
        return gettext("same region: %(place)s") % {"place": labels.get(params["region"], params["region"])}
    if code == "both_online":
        return gettext("both online")
    if code == "shared_availability":
        return gettext("same availability: %(times)s") % {"times": named(params["availability"])}
    if code == "no_common_way_to_meet":
        return gettext("no common way to meet (online, or on site in the same region)")
    if code == "no_common_time":
        return gettext("no time slot in common")
    if code == "no_shared_language":
        return gettext("no mentor speaks %(languages)s") % {"languages": language_names(params["languages"], "or")}
    if code == "all_excluded":
        return gettext("every mentor who speaks her language was excluded for her")
    if code == "mentors_full":
        count = params["mentors"]
        return ngettext(
            "%(count)s mentor speaks her language and has no free place",
            "%(count)s mentors speak her language and have no free place",
            count,
        ) % {"count": count}
    if code == "no_mentors":
        return gettext("no mentor has a place in this cycle")
    raise ValueError(f"unknown reason code {code!r}")


def language_name(code):
    if code in LANGUAGE_NAMES:
        return str(LANGUAGE_NAMES[code])
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_names(codes, conjunction="and"):
    names = [language_name(code) for code in codes]
    if len(names) == 1:
        return names[0]
    last = names.pop()
    joined = ", ".join(names)
    if conjunction == "or":
        return gettext("%(first)s or %(last)s") % {"first": joined, "last": last}
    return gettext("%(first)s and %(last)s") % {"first": joined, "last": last}


# --- the assignment ---------------------------------------------------------------------------


def match(mentees: Iterable[Candidate], mentors: Iterable[Candidate], weights: Weights, *,
          fixed: Iterable[tuple[str, str]] = (), excluded: Iterable[tuple[str, str]] = (),
          most_pairs_first: bool = False) -> Proposal:
    """The optimal proposal around the fixed pairs: largest total score, then most pairs (or,
    with ``most_pairs_first``, most pairs, then largest total score)."""
    mentees, mentors = sorted_candidates(mentees), sorted_candidates(mentors)
    excluded = checked_pairs(excluded, mentees, mentors)
    fixed = checked_pairs(fixed, mentees, mentors)
    fixed_pairs = kept_pairs(fixed, excluded, mentees, mentors, weights)

    fixed_mentees = {pair.mentee for pair in fixed_pairs}
    free = [mentee for mentee in mentees if mentee.key not in fixed_mentees]
    capacity = {mentor.key: mentor.capacity for mentor in mentors}
    for pair in fixed_pairs:
        capacity[pair.mentor] -= 1

    values = allowed_values(free, mentors, weights, excluded, most_pairs_first)  # (mentees × mentors), 0 = not allowed
    slots = np.array([capacity[mentor.key] for mentor in mentors], dtype=np.int64)
    chosen = {}
    if free and slots.sum() > 0:
        slot_owner = np.repeat(np.arange(len(mentors)), slots)
        rows, columns = linear_sum_assignment(values[:, slot_owner], maximize=True)
        for row, column in zip(rows, columns):
            if values[row, slot_owner[column]] > 0:
                chosen[row] = slot_owner[column]
    pairs = list(fixed_pairs) + [
        new_pair(free[row], mentors[column], weights) for row, column in chosen.items()
    ]
    return proposal(pairs, free, mentors, weights, excluded)


def greedy(mentees: Iterable[Candidate], mentors: Iterable[Candidate], weights: Weights) -> Proposal:
    """The baseline: take the allowed pair with the highest score first (ties by mentee key,
    then mentor key) while both are free; no look-ahead, so not optimal."""
    mentees, mentors = sorted_candidates(mentees), sorted_candidates(mentors)
    values = allowed_values(mentees, mentors, weights, frozenset())
    flat = values.ravel()
    allowed = np.flatnonzero(flat)
    order = allowed[np.argsort(-flat[allowed], kind="stable")]  # row-major: ties by mentee, then mentor
    capacity = np.array([mentor.capacity for mentor in mentors], dtype=np.int64)
    taken = np.zeros(len(mentees), dtype=bool)
    pairs = []
    width = len(mentors)
    for index in order:
        row, column = divmod(int(index), width)
        if not taken[row] and capacity[column] > 0:
            taken[row] = True
            capacity[column] -= 1
            pairs.append(new_pair(mentees[row], mentors[column], weights))
            if taken.all() or not capacity.any():
                break
    return proposal(pairs, mentees, mentors, weights, frozenset())


def sorted_candidates(candidates):
    candidates = sorted(candidates, key=lambda candidate: candidate.key)
    for before, after in zip(candidates, candidates[1:]):
        if before.key == after.key:
            raise MatchingError("duplicate_key", _("%(key)s is listed twice."), key=after.key)
    for candidate in candidates:
        if candidate.capacity < 0:
            raise MatchingError("bad_capacity", _("The capacity of %(key)s cannot be negative."), key=candidate.key)
    return candidates


def checked_pairs(pairs, mentees, mentors):
    mentee_keys = {mentee.key for mentee in mentees}
    mentor_keys = {mentor.key for mentor in mentors}
    checked = []
    for mentee_key, mentor_key in pairs:
        if mentee_key not in mentee_keys:
            raise MatchingError("unknown_mentee", _("There is no mentee %(key)s in this cycle."), key=mentee_key)
        if mentor_key not in mentor_keys:
            raise MatchingError("unknown_mentor", _("There is no mentor %(key)s in this cycle."), key=mentor_key)
        checked.append((mentee_key, mentor_key))
    return checked


def kept_pairs(fixed, excluded, mentees, mentors, weights):
    """The fixed pairs as Pair objects, after checking each can be kept."""
    by_key = {candidate.key: candidate for candidate in [*mentees, *mentors]}
    excluded = set(excluded)
    places = {mentor.key: mentor.capacity for mentor in mentors}
    seen = set()
    pairs = []
    for mentee_key, mentor_key in sorted(set(fixed)):
        params = {"mentee": mentee_key, "mentor": mentor_key}
        if mentee_key in seen:
            raise MatchingError("fixed_twice", _("%(mentee)s is fixed with two mentors; keep one pair."), **params)
        if (mentee_key, mentor_key) in excluded:
            raise MatchingError("fixed_and_excluded",
                                _("The pair %(mentee)s and %(mentor)s is both fixed and excluded."), **params)
        if score_milli(by_key[mentee_key], by_key[mentor_key], weights) is None:
            raise MatchingError("fixed_without_language",
                                _("%(mentee)s and %(mentor)s share no language, so they cannot be fixed as a pair."),
                                **params)
        places[mentor_key] -= 1
        if places[mentor_key] < 0:
            raise MatchingError("fixed_beyond_capacity",
                                _("%(mentor)s is fixed with more mentees than her capacity of %(capacity)s."),
                                mentor=mentor_key, capacity=by_key[mentor_key].capacity)
        seen.add(mentee_key)
        pairs.append(new_pair(by_key[mentee_key], by_key[mentor_key], weights, fixed=True))
    return pairs


def new_pair(mentee, mentor, weights, fixed=False):
    milli = score_milli(mentee, mentor, weights)
    return Pair(mentee.key, mentor.key, milli / MILLI, pair_reasons(mentee, mentor, weights), fixed=fixed)


def proposal(pairs, free_mentees, mentors, weights, excluded):
    matched = {pair.mentee for pair in pairs}
    load = {}
    for pair in pairs:
        load[pair.mentor] = load.get(pair.mentor, 0) + 1
    excluded = set(excluded)
    unmatched = [
        Unmatched(mentee.key, (why_unmatched(mentee, mentors, load, excluded),))
        for mentee in free_mentees if mentee.key not in matched
    ]
    pairs = sorted(pairs, key=lambda pair: (pair.mentee, pair.mentor))
    total = sum(round(pair.score * MILLI) for pair in pairs) / MILLI
    return Proposal(tuple(pairs), tuple(unmatched), total)


def why_unmatched(mentee, mentors, load, excluded):
    speaking = [mentor for mentor in mentors if mentee.languages & mentor.languages]
    if not speaking:
        if not any(mentor.capacity > 0 for mentor in mentors):
            return Reason("no_mentors", {})
        return Reason("no_shared_language", {"languages": tuple(sorted(mentee.languages))})
    possible = [mentor for mentor in speaking if (mentee.key, mentor.key) not in excluded]
    if not possible:
        return Reason("all_excluded", {})
    # An optimal (or greedy) assignment never leaves her out while one of these has a free place.
    return Reason("mentors_full", {"mentors": len(possible)})
