"""Which language a vacancy text is in: a small stop-word count, no model, nothing downloaded.

Each language has a list of its most frequent function words (articles, pronouns, prepositions,
auxiliaries). A word that two lists share ("de" is Dutch and French, "die" Dutch and German) is
left out of both, so that every counted word points at one language. The text's words are
counted against the lists: the language with the most hits wins, and its *confidence* is its
share of all hits (1.0 when every function word found is of that language). German and Spanish
are known only to say that a text is in a language the checker does not support.

A guess needs at least ``MIN_HITS`` function words and a confidence of ``MIN_CONFIDENCE``;
otherwise the language is unknown and the user is asked to choose it.
"""

import re
from collections import Counter
from dataclasses import dataclass

from .wordlists import LANGUAGES

MIN_HITS = 3
MIN_CONFIDENCE = 0.5
WORD = re.compile(r"\w+")
FUNCTION_WORDS = {
    "nl": "de het een en van voor met je jij jouw wij we ons onze zijn is op niet aan bij als ook dat die naar om te "
    "heb hebt bent kan kunt wordt worden maar of uit deze dit hoe wat wie er nog graag ben",
    "fr": "le la les des du un une et est vous nous pour dans sur avec par pas qui que au aux ce cette ces votre vos "
    "notre nos être sont ou mais son sa ses il elle leur très en de l d qu j",
    "en": "the and of to a in is you we our your for with are be will on as this that an or by have who from at it "
    "not can us what",
    "de": "der die das und ist wir sie mit für ein eine nicht auf ihr ihre zu den dem bei werden sind oder auch als "
    "unser unsere",
    "es": "el los las y es con para por una del que se su sus nuestro nuestra somos buscamos",
}


def _exclusive_words():
    """Word → language, for the words that belong to one list only."""
    owners = Counter(word for words in FUNCTION_WORDS.values() for word in set(words.split()))
    return {word: language for language, words in FUNCTION_WORDS.items() for word in words.split() if owners[word] == 1}


EXCLUSIVE = _exclusive_words()


@dataclass(frozen=True)
class Guess:
    language: str | None  # None: too few function words, or no clear winner
    confidence: float

    @property
    def supported(self):
        return self.language in LANGUAGES


def detect(folded_text):
    """The language of ``folded_text`` (already casefolded) with its confidence, from function words."""
    counts = Counter()
    for word in WORD.findall(folded_text):
        language = EXCLUSIVE.get(word)
        if language:
            counts[language] += 1
    hits = sum(counts.values())
    if hits < MIN_HITS:
        return Guess(None, 0.0)
    language, best = counts.most_common(1)[0]
    confidence = best / hits
    return Guess(language if confidence >= MIN_CONFIDENCE else None, round(confidence, 2))
