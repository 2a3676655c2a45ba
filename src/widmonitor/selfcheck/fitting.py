"""Initiatives that fit a result, ranked by the finder's rules (widmonitor.portal.finder).

Initiatives do not say yet which DigComp areas they develop, so the result's areas to improve
cannot be matched. Until they do, the list holds initiatives that teach (one of the formats in
``LEARNING_FORMATS``) in the reader's language, ranked and relaxed exactly as the finder does;
the result page says so. Their reasons name the format as what it is ("a course"), not as an
interest she chose.

The list is the same for every reader of one language, so it is computed once per state of the
search index (``search.cache.generation``) and language, and kept in the cache: it holds nothing
of hers.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext as _

from widmonitor.portal import finder
from widmonitor.search.cache import TIMEOUT, generation

LEARNING_FORMATS = ("training", "course", "mentoring")
SHOWN = 10


@dataclass(frozen=True)
class Fitting:
    matches: list  # finder.Matches that teach, best first, with their reasons
    relaxed: list  # what the finder left out to find anything, as sentences


def profile(language):
    return finder.Profile(language=language, interests=tuple(f"format:{code}" for code in LEARNING_FORMATS))


def initiatives_that_fit(language):
    """The best SHOWN initiatives that teach, for a reader of ``language`` (from the cache when it has them)."""
    key = f"widmonitor:selfcheck:fitting:{generation()}:{language}"
    fitting = cache.get(key)
    if fitting is None:
        fitting = teaching_initiatives(language)
        cache.set(key, fitting, TIMEOUT)
    return fitting


def teaching_initiatives(language):
    found = finder.find(profile(language), language)
    teaching = [m for m in found.matches if any(kind == "interest" for kind, _token in m.matched)][:SHOWN]
    for match in teaching:
        formats = [found.labels.get(token, token.partition(":")[2]) for kind, token in match.matched if kind == "interest"]
        others = finder.reasons([(kind, token) for kind, token in match.matched if kind != "interest"], found.labels)
        match.reasons = [_("a way to learn: %(formats)s") % {"formats": ", ".join(formats)}, *others]
    return Fitting(teaching, finder.relaxed_labels(found, found.labels) if found.relaxed else [])
