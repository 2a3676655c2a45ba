"""Initiatives that fit a result, ranked and relaxed by the finder's rules (widmonitor.portal.finder).

What she can choose on the result page (``Wishes``, all optional): her age band, region, the
language she wants to learn in (her interface language until she chooses), a format and "free of
charge only". The rules, on top of the finder's:

1. **Develops.** An initiative fits when it says it develops one of her areas to improve (its
   DigComp tags, ``digcomp:2`` for an area or any of its competences, ``vocabularies.digcomp``).
   Initiatives that say nothing about DigComp are not guessed at.
2. **Format.** The format she chose; when she chose none, a way to learn (``LEARNING_FORMATS``).
   An initiative that states no format is not left out for it (as in the finder).
3. **Constraints** of the finder: free of charge only, language, region, her age band.
4. **Score**: the finder's weights, and for each area to improve it develops ``AREA_WEIGHTS`` (the
   area she has most to gain in first); a competence below "advanced" it names is said in its
   reasons but adds nothing, so that naming many competences does not outrank a better area.
   With no format chosen, each way to learn adds 1.
5. **Empty**: constraints are left out one at a time, in the order ``rules`` gives, until something fits:
   first that it develops her areas, then the format, then the finder's order. What she said
   about herself and where she can go is left out last. A rule left out before the last one
   comes back if something still fits with it; the page says what stayed left out.

Nothing of hers is kept: the initiatives' entries and the codes' labels are cached per state of
the search index and language (``search.cache.generation``); the ranking is computed for each request.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from widmonitor.portal import finder
from widmonitor.search.cache import TIMEOUT, generation
from widmonitor.search.facets import DIGCOMP

LEARNING_FORMATS = ("training", "course", "mentoring")
SHOWN = 10
AREA_WEIGHTS = (6, 5, 4, 3, 2)  # the areas to improve, the lowest score first


@dataclass(frozen=True)
class Wishes:
    """What she chose on the result page; empty: no constraint."""

    age: str = ""
    region: str = ""
    language: str = ""
    format: str = ""
    free_only: bool = False

    @classmethod
    def from_form(cls, data, offered, language):
        """From the result page's POST ``data``, keeping only what ``offered`` (``finder.choices``) has.

        Before she sends the form (no ``fit`` field), the language is her interface ``language``.
        """

        def one(name, key=None):
            value = data.get(name, "")
            return value if value in {code for code, _label in offered[key or name]} else ""

        if "fit" not in data:
            return cls(language=language if language in {code for code, _label in offered["language"]} else "")
        chosen = one("format")
        return cls(one("age"), one("region"), one("language"), chosen.partition(":")[2] if chosen else "", data.get("free") == "1")

    def profile(self):
        interests = (f"format:{self.format}",) if self.format else ()
        return finder.Profile(age=self.age, region=self.region, language=self.language, interests=interests, free_only=self.free_only)


@dataclass(frozen=True)
class Fitting:
    matches: list  # finder.Matches, best first, with their reasons
    relaxed: list  # what was left out to find anything, as sentences


def areas_to_improve(result):
    return tuple(area.area.code for area in result.to_improve)


def rules(wishes, areas):
    """The constraints, in the order they are left out: develops, format or a way to learn, then the finder's."""
    found = [finder.Rule("digcomp", DIGCOMP, frozenset(areas), strict=True)] if areas else []
    if wishes.format:
        found.append(finder.Rule("format", "format", frozenset({wishes.format})))
    else:
        found.append(finder.Rule("learning", "format", frozenset(LEARNING_FORMATS)))
    return found + finder.rules(wishes.profile())


def preferences(wishes, result):
    """The finder's preferences, and what developing each area and competence to improve adds."""
    found = finder.preferences(wishes.profile())
    for weight, area in zip(AREA_WEIGHTS, result.to_improve):
        found[f"{DIGCOMP}:{area.area.code}"] = (weight, DIGCOMP)
        found.update({f"{DIGCOMP}:{c.competence.code}": (0, DIGCOMP) for c in area.competences if c.next})  # named, not weighed
    if not wishes.format:
        found.update({f"format:{code}": (1, "learning") for code in LEARNING_FORMATS})
    return found


def cached(name, language, compute):
    """``compute()``, kept in the cache per state of the search index and ``language``: it holds nothing of hers."""
    key = f"widmonitor:selfcheck:{name}:{generation()}:{language}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found


def entries(language):
    """The finder's entries of every published initiative, titled in ``language``."""
    return cached("entries", language, lambda: finder.entries(language))


def code_labels():
    """The finder's labels of the codes, in the active language."""
    return cached("labels", get_language(), finder.token_labels)


def initiatives_that_fit(result, wishes, language):
    """The best SHOWN published initiatives for ``result`` and ``wishes``, for a reader of ``language``."""
    areas = areas_to_improve(result)
    matches, relaxed = relax(entries(language), rules(wishes, areas), preferences(wishes, result), wishes.profile())
    shown, labels = finder.with_cards(matches[:SHOWN]), code_labels()
    for match in shown:
        match.reasons = reasons(match.matched, labels)
    return Fitting(shown, relaxed_sentences(relaxed, wishes, labels))


def relax(rows, constraints, preferred, profile):
    """The finder's relaxation, then each rule it left out before the last put back where something still fits.

    The finder leaves rules out in order until something fits; a rule left out early may not be what kept
    everything out (an initiative developing her area that is no course): it comes back, and is not said.
    """
    matches, relaxed = finder.relax(rows, constraints, preferred, profile)
    kept = [rule for rule in constraints if rule not in relaxed]
    for rule in reversed(relaxed[:-1]):
        tried = finder.rank(rows, [*kept, rule], preferred, profile)
        if tried:
            matches, kept, relaxed = tried, [*kept, rule], [r for r in relaxed if r != rule]
    return matches, relaxed


def reasons(matched, labels):
    """What it develops of hers, the way it teaches, then the finder's reasons (region, language, free ...)."""
    developed = [token for kind, token in matched if kind == DIGCOMP]
    competences = [token for token in developed if "." in token]
    areas = [token for token in developed if "." not in token and not any(c.startswith(token + ".") for c in competences)]
    sentences = []
    if developed:
        named = [labels.get(token, token.partition(":")[2]) for token in sorted(areas + competences)]
        sentences.append(_("develops what you can improve: %(skills)s") % {"skills": "; ".join(named)})
    formats = [labels.get(token, token.partition(":")[2]) for kind, token in matched if kind == "learning"]
    if formats:
        sentences.append(_("a way to learn: %(formats)s") % {"formats": ", ".join(formats)})
    return sentences + finder.reasons([(kind, token) for kind, token in matched if kind not in (DIGCOMP, "learning")], labels)


def relaxed_sentences(relaxed, wishes, labels):
    """What the page says it left out: "developing the areas you can improve", "course only", "in Dutch" ..."""
    said = []
    for rule in relaxed:
        if rule.name == "digcomp":
            said.append(_("developing the areas you can improve (no initiative that fits the rest says it does)"))  # true: put back otherwise
        elif rule.name == "format":
            said.append(_("%(format)s only") % {"format": labels.get(f"format:{wishes.format}", wishes.format)})
        elif rule.name == "learning":
            said.append(_("training, courses and mentoring only"))
        elif rule.name == "audience":
            said.append(_("for your age (%(age)s)") % {"age": labels.get(f"audience:{wishes.age}", wishes.age)})
        else:
            said += finder.relaxed_labels(finder.Found(wishes.profile(), 0, [], [rule], labels), labels)
    return said


def choices():
    """What the result page's form offers: the finder's ages, regions, languages and formats, in the active language."""

    def offered():
        found = finder.choices()
        return {name: [(code, str(label)) for code, label in found[name]] for name in ("age", "region", "language", "format")}

    return cached("choices", get_language(), offered)
