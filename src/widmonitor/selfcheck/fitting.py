"""Initiatives that fit a result, ranked by the finder's rules (widmonitor.portal.finder).

Initiatives do not say yet which DigComp areas they develop, so the result's areas to improve
cannot be matched. Until they do, the list holds initiatives that teach (one of the formats in
``LEARNING_FORMATS``) in the reader's language, ranked and relaxed exactly as the finder does;
the result page says so. Their reasons name the format as what it is ("a course"), not as an
interest she chose.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from widmonitor.portal import finder

LEARNING_FORMATS = ("training", "course", "mentoring")
SHOWN = 10


@dataclass(frozen=True)
class Fitting:
    matches: list  # finder.Matches that teach, best first, with their reasons
    relaxed: list  # what the finder left out to find anything, as sentences


def profile(language):
    return finder.Profile(language=language, interests=tuple(f"format:{code}" for code in LEARNING_FORMATS))


def initiatives_that_fit(language):
    """The best SHOWN initiatives that teach, for a reader of ``language``."""
    found = finder.find(profile(language), language)
    teaching = [m for m in found.matches if any(kind == "interest" for kind, _token in m.matched)][:SHOWN]
    for match in teaching:
        formats = [found.labels.get(token, token.partition(":")[2]) for kind, token in match.matched if kind == "interest"]
        others = finder.reasons([(kind, token) for kind, token in match.matched if kind != "interest"], found.labels)
        match.reasons = [_("a way to learn: %(formats)s") % {"formats": ", ".join(formats)}, *others]
    return Fitting(teaching, finder.relaxed_labels(found, found.labels) if found.relaxed else [])
