"""Text to search terms: words, accents folded, lower case, stemmed in the text's language.

The same analysis serves indexing and querying, so that a word typed finds the words written:
"programmeren" finds "programmeert" in Dutch, "développeuse" finds "developpeuses" in French.
The stemmer is Snowball's algorithm for the content language's ``search_config`` (dutch,
french, english, german, ...); a language without one is matched on folded words only. Its
stop words ("voor", "les", "the") are Snowball's list of the same name (``data/search/stop_words/``).
"""

import functools
import re
import unicodedata

import snowballstemmer
from django.conf import settings

from widmonitor.languages import content_languages

WORD = re.compile(r"\w+", re.UNICODE)
MIN_LENGTH = 2  # single letters (the l of l'ambitieux) carry no meaning


def fold(text):
    """Lower case without accents: "Développeuse" → "developpeuse"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text):
    """The folded words of ``text``, in order."""
    return [word for word in WORD.findall(fold(text or "")) if len(word) >= MIN_LENGTH or word.isdigit()]


@functools.cache
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm) if algorithm in snowballstemmer.algorithms() else None


def _config(language):
    return {item.code: item.search_config for item in content_languages()}.get(language, "")


def stemmer_for(language):
    return _stemmer(_config(language))


def stems(folded_words, language):
    """The terms of ``folded_words`` (from ``words``) in ``language``."""
    stemmer = stemmer_for(language)
    return stemmer.stemWords(folded_words) if stemmer else list(folded_words)


def stem(folded_word, language):
    """The term of one word typed in a search (``stems`` of one word)."""
    return _stem(folded_word, _config(language))


@functools.lru_cache(maxsize=50_000)
def _stem(folded_word, algorithm):
    """Kept by algorithm, not language (a language's configuration can change): searches repeat their words,
    and Snowball runs in pure Python."""
    stemmer = _stemmer(algorithm)
    return stemmer.stemWord(folded_word) if stemmer else folded_word


def terms(text, language):
    """The search terms of ``text`` written in ``language``, in order."""
    return stems(words(text), language)


@functools.cache
def _stop_words(config):
    path = settings.DATA_DIR / "search" / "stop_words" / f"{config}.stop"
    if not config.isalnum() or not path.is_file():
        return frozenset()
    return frozenset(fold(line.strip()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def is_stop_word(folded_word, language):
    return folded_word in _stop_words(_config(language))
