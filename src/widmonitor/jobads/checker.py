"""Check a vacancy text: gender-coded words, the verdict, the gender marker, masculine-only titles.

``check(text, language)`` is a pure function returning a ``JobAdCheck``; it refuses an empty,
too long or unsupported text with a ``JobAdRefused`` that says why. Positions are indices of
Unicode code points in the text as given (``text[start:end]`` is the word), whatever folding the
matching needed. Nothing here stores or logs the text.
"""

import traceback
from dataclasses import asdict, dataclass

from django.utils.translation import gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from widmonitor.languages import language_name

from . import detection, titles
from .folding import folded
from .wordlists import KIND_LABELS, KINDS, LANGUAGES, Origin, word_list

MAX_LENGTH = 20_000  # characters: a long vacancy has 1,000 words
STRONG = 3  # a difference of more than STRONG coded words makes a verdict "strongly ..."
VERDICTS = {
    "strongly-masculine": gettext_lazy("strongly masculine-coded"),
    "masculine": gettext_lazy("masculine-coded"),
    "neutral": gettext_lazy("neutral"),
    "feminine": gettext_lazy("feminine-coded"),
    "strongly-feminine": gettext_lazy("strongly feminine-coded"),
}


class JobAdRefused(Exception):
    """A text the checker cannot check, with a stable code and a sentence saying what to do."""

    def __init__(self, code, message, **params):
        super().__init__(code)
        self.code, self.message, self.params = code, message, params

    @property
    def text(self):
        return str(self.message) % self.params


class CheckFailed(Exception):
    """An unexpected failure, reported without the text: no message, locals or chained frames that hold it."""


@dataclass(frozen=True)
class CodedWord:
    word: str  # as written in the text
    start: int
    end: int
    entry: str  # the list entry that matched, e.g. "ambitio*"
    source: Origin  # the kind of source (research, guidance, translation) and the source itself
    note: str  # how the entry was made: "widmonitor's translation of GFK stem 'ambitio'"
    alternative: str = ""


@dataclass(frozen=True)
class MasculineTitle:
    word: str
    start: int
    end: int
    entry: str
    source: Origin
    note: str
    inclusive: str  # an inclusive form to write instead


@dataclass(frozen=True)
class JobAdCheck:
    language: str
    language_detected: bool
    language_confidence: float | None  # share of the function words found that are of this language
    verdict: str  # a key of VERDICTS
    masculine_coded: tuple
    feminine_coded: tuple
    gender_marker: bool  # the title carries one
    gender_marker_text: str  # as written, "" when the text has none
    masculine_only_titles: tuple
    suggestions: tuple

    @property
    def verdict_label(self):
        return str(VERDICTS[self.verdict])

    @property
    def coded_by_kind(self):
        """``(label, number of coded words)`` for every kind of source, research first: where the counted words come from."""
        words = self.masculine_coded + self.feminine_coded
        return [(KIND_LABELS[kind], sum(word.source.kind == kind for word in words)) for kind in KINDS]

    def as_dict(self):
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        for key in ("masculine_coded", "feminine_coded", "masculine_only_titles"):
            data[key] = [dict(item) for item in data[key]]
        return data


def verdict(masculine, feminine):
    """The balance of coded words, with gender-decoder's thresholds (Gaucher, Friesen & Kay's lists).

    With ``d = feminine - masculine``: ``d == 0`` is neutral (also when there are no coded
    words at all), ``1 <= d <= 3`` feminine, ``d > 3`` strongly feminine, ``-3 <= d <= -1``
    masculine, ``d < -3`` strongly masculine.
    """
    difference = feminine - masculine
    if difference == 0:
        return "neutral"
    strength = "strongly-" if abs(difference) > STRONG else ""
    return strength + ("feminine" if difference > 0 else "masculine")


def language_of(text_folded, language):
    """``(language, detected, confidence)``, or a refusal naming what is wrong."""
    if language != "auto":
        if language not in LANGUAGES:
            raise JobAdRefused(
                "unsupported_language",
                _('"%(value)s" is not a language the checker supports (expected auto, nl, fr or en).'),
                value=language,
            )
        return language, False, None
    guess = detection.detect(text_folded)
    if guess.language is None:
        raise JobAdRefused(
            "unknown_language",
            _("Could not tell which language the text is in (too few common words): choose Dutch, French or English."),
        )
    if not guess.supported:
        name = language_name(guess.language)
        raise JobAdRefused(
            "unsupported_language",
            _("The text looks like %(language)s, which the checker does not support (it checks Dutch, French and English)."),
            language=name,
        )
    return guess.language, True, guess.confidence


@sensitive_variables()
def check(text, language="auto"):
    """Check the vacancy ``text`` in ``language`` ("auto", "nl", "fr" or "en").

    An unexpected error is re-raised as ``CheckFailed`` naming only its type and place: its own
    message, the frames under this one and their local variables could hold the text, which
    error reports (Django's e-mails to administrators, logs) must never echo.
    """
    try:
        return checked(text, language)
    except JobAdRefused:
        raise
    except Exception as error:  # noqa: BLE001 - any failure, reported without the text
        place = traceback.extract_tb(error.__traceback__)[-1]
        raise CheckFailed(f"{type(error).__name__} in {place.filename}, line {place.lineno}") from None


@sensitive_variables()
def checked(text, language):
    if not text or not text.strip():
        raise JobAdRefused("empty", _("The text is empty: paste the text of a vacancy."))
    if len(text) > MAX_LENGTH:
        raise JobAdRefused(
            "too_long", _("The text has %(length)s characters; the checker takes at most %(limit)s."), length=len(text), limit=MAX_LENGTH
        )
    fold = folded(text)
    language, detected, confidence = language_of(fold.text, language)
    words = word_list(language)
    coded = {"masculine": [], "feminine": []}
    for found, entry in words.coded_matches(fold.text):
        start, end = fold.original(*found.span())
        coded[entry.coding].append(CodedWord(text[start:end], start, end, entry.match, entry.origin, entry.note, entry.alternative))
    masculine_titles = []
    for found, index in titles.masculine_only(fold.text, words):
        start, end = fold.original(*found.span())
        title = words.titles[index]
        masculine_titles.append(MasculineTitle(text[start:end], start, end, title.masculine, title.origin, title.note, title.inclusive))
    head = titles.title_span(fold.text)
    in_title = titles.marker_in(fold.text, *head)
    anywhere = in_title or titles.marker_in(fold.text)
    marker_text = text[slice(*fold.original(*anywhere.span()))].strip() if anywhere else ""
    balance = verdict(len(coded["masculine"]), len(coded["feminine"]))
    return JobAdCheck(
        language=language,
        language_detected=detected,
        language_confidence=confidence,
        verdict=balance,
        masculine_coded=tuple(coded["masculine"]),
        feminine_coded=tuple(coded["feminine"]),
        gender_marker=in_title is not None,
        gender_marker_text=marker_text,
        masculine_only_titles=tuple(masculine_titles),
        suggestions=tuple(
            advice(balance, coded, masculine_titles, words, in_title, anywhere, marker_text)
        ),
    )


def advice(balance, coded, masculine_titles, words, in_title, anywhere, marker_text):
    """The suggestions, in the active interface language, most important first."""
    marker = words.marker
    if balance.endswith("masculine"):
        yield _(
            "The ad uses %(masculine)s masculine-coded and %(feminine)s feminine-coded words; masculine-coded "
            "wording can put women off applying: rephrase some of them."
        ) % {"masculine": len(coded["masculine"]), "feminine": len(coded["feminine"])}
    if anywhere is None:
        yield _('Add a gender marker such as "%(marker)s" to the job title.') % {"marker": marker}
    elif in_title is None:
        yield _('Put the gender marker "%(marker)s" in the job title, not only further down.') % {"marker": marker_text}
    elif not titles.names_x(in_title):
        yield _('The marker "%(marker)s" leaves out non-binary people: write "%(example)s".') % {"marker": marker_text, "example": marker}
    if masculine_titles and anywhere is not None and not words.marker_makes_title_inclusive:
        yield _(
            'A gender marker such as "%(marker)s" does not replace the feminine form of a job title: write both '
            "forms in full, as the Fédération Wallonie-Bruxelles recommends for job offers."
        ) % {"marker": marker_text}
    for title in {title.entry: title for title in masculine_titles}.values():
        yield _('"%(word)s" is only in the masculine: write an inclusive form, such as "%(inclusive)s".') % {
            "word": title.word,
            "inclusive": title.inclusive,
        }
    for word in {word.entry: word for word in coded["masculine"] if word.alternative}.values():
        yield _('Instead of "%(word)s", consider "%(alternative)s".') % {"word": word.word, "alternative": word.alternative}
