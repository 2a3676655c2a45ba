"""The finder: a visitor's answers (a profile) become rules over SearchEntry tokens, and ranked initiatives.

The rules, in order:

1. **Who.** "For whom", the age band and the situation each name audience codes
   (``FOR_WHOM``, ``AGES``, ``SITUATIONS``); ``everyone`` always fits. An initiative's audiences
   are those its record states; a record that states none is for the audiences the strategy
   implies for what it serves (``search.facets``: objective 1 implies girls), which count
   less (``implied``) and are said to be implied.
2. **Constraints** (``Rule``) leave an initiative out only for what it says: it is for other
   audiences only, only in other regions (the visitor's region, ``federal``, ``eu`` and
   ``online`` fit; a visitor who chooses "online" gets what is online), only in other
   languages. An initiative that leaves a facet blank is not left out for it.
   "Free of charge only" is strict: the initiative must say it is free. Completed
   initiatives (the status shown today, ``search.facets.status_token``) are never proposed.
3. **Score** (``PREFERENCES``): each token of the initiative the profile prefers adds its
   weight: an audience of the situation or "for whom" 4, of the age band 3, ``everyone`` 1,
   an implied one 2; the visitor's region 3, federal, EU-wide or online 1; her language 2;
   each interest 3; free 1.
4. **Order**: an initiative naming people who act for others (``FOR_OTHERS``: teachers, schools,
   parents, employers, ...) comes after every other one when the visitor said who she is and is
   none of them: a pupil never gets a teachers' initiative first, whatever girls, ages or pupils
   it also names. Then score (highest first), then title in the
   visitor's language (case-folded), then uid, so that the same answers always give the same list.
5. **Empty**: when nothing passes, constraints are left out one at a time, in the order of
   ``RELAX_ORDER`` (free of charge, language, region, audience), until something does; the
   page says which were left out.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from widmonitor.search.cards import cards
from widmonitor.search.facets import IMPLIED, stated_audiences, status_token
from widmonitor.search.models import SearchEntry
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.models import Term

SHOWN = 20
INTEREST_FORMATS = ("training", "course", "mentoring", "event", "network", "hackathon-competition", "platform-tool")
NEVER = frozenset({"status:completed"})
ONLINE = "online"
REGION_WIDE = ("federal", "eu", ONLINE)  # open to a visitor of any region
FOR_OTHERS = frozenset(  # audiences who act for others: a pupil is not served first by what is for her teachers
    {"teachers", "schools", "parents", "companies", "hr-recruiters", "organisations", "public-bodies", "non-profits", "journalists-media"}
)

FOR_WHOM = {
    "myself": (_("myself"), ()),
    "child": (_("my daughter or son"), ("parents",)),
    "pupils": (_("my pupils"), ("teachers", "schools")),
    "staff": (_("my staff"), ("companies", "hr-recruiters", "managers", "organisations")),
}
AGES = {  # an age band also fits the codes of the people that age
    "age-lt6": ("age-lt6", "children"),
    "age-6-12": ("age-6-12", "children", "girls"),
    "age-12-18": ("age-12-18", "age-17-18", "young-people", "girls"),
    "age-17-18": ("age-17-18", "age-12-18", "young-people", "girls"),
    "age-18-plus": ("age-18-plus", "women"),
}
SITUATIONS = {
    "pupil": (_("pupil"), ("students", "young-people")),
    "student": (_("student"), ("students", "young-people")),
    "job-seeker": (_("job seeker"), ("job-seekers",)),
    "employee": (_("employee"), ("employees",)),
    "entrepreneur": (_("entrepreneur"), ("entrepreneurs",)),
    "teacher": (_("teacher"), ("teachers", "schools")),
    "employer": (_("employer"), ("companies", "hr-recruiters", "managers", "organisations")),
}
WEIGHTS = {"who": 4, "age": 3, "everyone": 1, "implied": 2, "region": 3, "region_wide": 1, "language": 2, "interest": 3, "free": 1}
RELAX_ORDER = ("free", "language", "region", "audience")


@dataclass(frozen=True)
class Profile:
    for_whom: str = ""
    age: str = ""
    situation: str = ""
    region: str = ""
    language: str = ""
    interests: tuple = ()  # "sub_objective:1.2" or "format:mentoring" tokens
    free_only: bool = False

    @classmethod
    def from_params(cls, params, regions=(), languages=(), sub_objectives=()):
        """From GET parameters; a value not on offer is left out (the known codes are passed in)."""

        def one(name, allowed):
            value = params.get(name, "")
            return value if value in allowed else ""

        allowed = {f"format:{code}" for code in INTEREST_FORMATS} | {f"sub_objective:{code}" for code in sub_objectives}
        return cls(
            for_whom=one("for", FOR_WHOM),
            age=one("age", AGES),
            situation=one("situation", SITUATIONS),
            region=one("region", regions),
            language=one("language", languages),
            interests=tuple(sorted({token for token in params.getlist("interest") if token in allowed})),
            free_only=params.get("free") == "1",
        )

    @property
    def chooses_topics(self):
        return any(token.startswith("sub_objective:") for token in self.interests)

    def audiences(self):
        """The audience codes that fit the profile, by the weight kind they earn."""
        found = {}
        for code in AGES.get(self.age, ()):
            found.setdefault(code, "age")
        for code in self.who():
            found[code] = "who"
        return found

    def who(self):
        """The audience codes of "for whom" and the situation: who the visitor is, or is looking for."""
        return FOR_WHOM.get(self.for_whom, ("", ()))[1] + SITUATIONS.get(self.situation, ("", ()))[1]

    def for_others(self, stated):
        """Whether an initiative stating the audiences ``stated`` is for people acting for others whom the visitor is not."""
        return bool(self.audiences()) and bool(stated & FOR_OTHERS - set(self.who()))


@dataclass(frozen=True)
class Rule:
    """A constraint on one facet: an entry with any ``facet`` token needs one in ``codes``; ``strict``: so does one without."""

    name: str  # free, language, region or audience: what the empty state says it left out
    facet: str
    codes: frozenset
    strict: bool = False

    def passes(self, tokens):
        if any(f"{self.facet}:{code}" in tokens for code in self.codes):
            return True
        return not self.strict and not any(token.startswith(f"{self.facet}:") for token in tokens)


def rules(profile):
    """The constraints of ``profile``, in ``RELAX_ORDER``."""
    found = []
    if profile.free_only:
        found.append(Rule("free", "cost", frozenset({"free"}), strict=True))
    if profile.language:
        found.append(Rule("language", "language", frozenset({profile.language})))
    if profile.region == ONLINE:
        found.append(Rule("region", "region", frozenset({ONLINE})))
    elif profile.region:
        found.append(Rule("region", "region", frozenset({profile.region, *REGION_WIDE})))
    audiences = profile.audiences()
    if audiences:
        found.append(Rule("audience", "audience", frozenset({*audiences, "everyone"})))
    return found


def preferences(profile):
    """``{token: (weight, kind)}``: what each token of an initiative adds to its score, and why."""
    found = {f"audience:{code}": (WEIGHTS[kind], "audience") for code, kind in profile.audiences().items()}
    if found:
        found.setdefault("audience:everyone", (WEIGHTS["everyone"], "audience"))
    if profile.region and profile.region != ONLINE:
        found.update({f"region:{code}": (WEIGHTS["region_wide"], "region_wide") for code in REGION_WIDE})
    if profile.region:
        found[f"region:{profile.region}"] = (WEIGHTS["region"], "region")
    if profile.language:
        found[f"language:{profile.language}"] = (WEIGHTS["language"], "language")
    found.update({token: (WEIGHTS["interest"], "interest") for token in profile.interests})
    found["cost:free"] = (WEIGHTS["free"], "free")
    return found


@dataclass
class Match:
    pk: int
    uid: str
    title: str
    score: int
    matched: list  # [(kind, token)] in the order of the initiative's tokens
    initiative: object = None  # its search.cards.Card, once shown
    reasons: list = field(default_factory=list)
    for_others: bool = False  # for people acting for others whom the visitor is not: after every other match


def as_read(tokens):
    """An entry's tokens as the finder reads them: the audiences its record states, or if it states none, the implied ones."""
    stated = stated_audiences(tokens)
    if not stated:
        return tokens
    return frozenset(token for token in tokens if not (token.startswith("audience:") and token.partition(":")[2] not in stated))


def scored(token, tokens, preferred):
    """``(weight, kind)`` of a preferred token; an implied audience earns the implied weight at most."""
    weight, kind = preferred[token]
    if kind == "audience" and f"{IMPLIED}:{token.partition(':')[2]}" in tokens:
        return min(weight, WEIGHTS["implied"]), "implied"
    return weight, kind


def rank(entries, constraints, preferred, profile=None):
    """The entries ``(pk, uid, title, tokens)`` passing ``constraints``, best first, as Matches."""
    matches = []
    for pk, uid, title, tokens in entries:
        tokens = as_read(tokens)
        if tokens & NEVER or not all(rule.passes(tokens) for rule in constraints):
            continue
        weighed = [(token, scored(token, tokens, preferred)) for token in sorted(tokens) if token in preferred]
        matched = [(kind, token) for token, (_weight, kind) in weighed]
        score = sum(weight for _token, (weight, _kind) in weighed)
        for_others = profile is not None and profile.for_others(stated_audiences(tokens))
        matches.append(Match(pk, uid, title, score, matched, for_others=for_others))
    return sorted(matches, key=lambda m: (m.for_others, -m.score, m.title.casefold(), m.uid))


@dataclass
class Found:
    profile: Profile
    total: int
    matches: list  # the best SHOWN, with their initiatives and reasons
    relaxed: list  # the Rules left out to find anything, in the order they were left out
    labels: dict = field(default_factory=dict, repr=False)  # token_labels(), read once for the reasons and the empty state


def find(profile, language):
    """The published initiatives for ``profile``, ranked, for a reader of ``language``."""
    matches, relaxed = relax(entries(language), rules(profile), preferences(profile), profile)
    shown, labels = with_cards(matches[:SHOWN]), token_labels()
    for match in shown:
        match.reasons = reasons(match.matched, labels)
    return Found(profile, len(matches), shown, relaxed, labels)


def entries(language):
    """Every published initiative as ``(pk, uid, title in language, tokens)``, with the status shown today."""
    today = timezone.localdate()
    rows = SearchEntry.objects.values_list("initiative_id", "initiative__uid", "titles", "facets", "starts_on", "initiative__ends_on", "initiative__status")
    return [
        (pk, uid, titles.get(language, ""), frozenset([*tokens.split(), status_token(today, starts_on, ends_on, status)]))
        for pk, uid, titles, tokens, starts_on, ends_on, status in rows
    ]


def relax(entries, constraints, preferred, profile=None):
    """``(matches, relaxed)``: the ranked entries; when none passes, constraints left out one at a time, in order, until some do."""
    constraints, relaxed = list(constraints), []
    matches = rank(entries, constraints, preferred, profile)
    while not matches and constraints:
        relaxed.append(constraints.pop(0))
        matches = rank(entries, constraints, preferred, profile)
    return matches, relaxed


def with_cards(matches):
    """``matches`` with their initiatives' cards."""
    by_pk = {card.pk: card for card in cards([m.pk for m in matches])}
    for match in matches:
        match.initiative = by_pk[match.pk]
    return matches


def token_labels():
    """``{token: label}`` of the vocabularies' codes and the strategy's sub-objectives, in the active language."""
    labels = {f"{term.vocabulary}:{term.code}": str(term) for term in Term.objects.all()}
    for objective in Objective.objects.current().sub_objectives():
        labels[f"sub_objective:{objective.code}"] = f"{objective.code} {objective.text('title')}"
    return labels


def reasons(matched, labels):
    """The sentences saying why an initiative matches, one per kind of match: "for girls, 12 to 18", "free"."""
    by_kind = {}
    for kind, token in sorted(matched, key=lambda pair: pair[1].startswith("audience:age-")):  # girls, then 12 to 18
        by_kind.setdefault(kind, []).append(labels.get(token, token.partition(":")[2]))
    sentences = []
    if "audience" in by_kind:
        sentences.append(_("for %(audiences)s") % {"audiences": ", ".join(by_kind["audience"])})
    if "implied" in by_kind:
        sentences.append(_("for %(audiences)s, as the strategy implies") % {"audiences": ", ".join(by_kind["implied"])})
    if ("region", f"region:{ONLINE}") in matched:
        sentences.append(_("online, from anywhere"))
    elif "region" in by_kind:
        sentences.append(_("in %(region)s") % {"region": by_kind["region"][0]})
    elif "region_wide" in by_kind:
        sentences.append(_("open to all regions"))
    if "language" in by_kind:
        sentences.append(_("in %(language)s") % {"language": by_kind["language"][0]})
    sentences += [_("your interest: %(interest)s") % {"interest": label} for label in by_kind.get("interest", ())]
    if "free" in by_kind:
        sentences.append(_("free"))
    return sentences


def relaxed_labels(found, labels=None):
    """What the empty state says it left out: "free of charge only", "in Dutch", "in Brussels", "for whom and age"."""
    labels = labels if labels is not None else found.labels or token_labels()
    profile, said = found.profile, []
    for rule in found.relaxed:
        if rule.name == "free":
            said.append(_("free of charge only"))
        elif rule.name == "language":
            said.append(_("in %(language)s") % {"language": labels.get(f"language:{profile.language}", profile.language)})
        elif rule.name == "region":
            said.append(_("in %(region)s") % {"region": labels.get(f"region:{profile.region}", profile.region)})
        else:
            said.append(_("for whom, age and situation"))
    return said


def choices():
    """What the finder's form offers: ``{name: [(value, label)]}`` in the active language.

    Sub-objectives come as ``(value, Objective)``, for the template to show their title in its language.
    """
    audiences = {t.code: str(t) for t in Term.objects.of(Vocabulary.AUDIENCE).filter(code__in=AGES)}
    formats = {t.code: str(t) for t in Term.objects.of(Vocabulary.FORMAT).filter(code__in=INTEREST_FORMATS)}
    return {
        "for": [(code, label) for code, (label, _codes) in FOR_WHOM.items()],
        "age": [(code, audiences.get(code, code)) for code in AGES],
        "situation": [(code, label) for code, (label, _codes) in SITUATIONS.items()],
        "region": [(t.code, str(t)) for t in Term.objects.of(Vocabulary.REGION)],
        "language": [(t.code, str(t)) for t in Term.objects.of(Vocabulary.LANGUAGE)],
        "format": [(f"format:{code}", formats[code]) for code in INTEREST_FORMATS if code in formats],
        "sub_objective": [(f"sub_objective:{o.code}", o) for o in Objective.objects.current().sub_objectives()],
    }


def profile_from(params, offered):
    """The Profile of GET ``params``, keeping only what the form ``offered`` (see ``choices``)."""
    codes = {name: [value for value, _label in pairs] for name, pairs in offered.items()}
    subs = [token.partition(":")[2] for token in codes["sub_objective"]]
    return Profile.from_params(params, codes["region"], codes["language"], subs)
