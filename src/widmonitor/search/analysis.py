"""Text to search terms: words, accents folded, lower case, stemmed in the text's language.

The same analysis serves indexing and querying on both databases, so that SQLite and
PostgreSQL agree on what a word matches: "programmeren" finds "programmeert" in Dutch,
"développeuse" finds "developpeuses" in French. The stemmer is Snowball's algorithm for the
content language's ``search_config`` (dutch, french, english, german, ...); a language
without one is matched on folded words only.
"""

import functools
import re
import unicodedata

import snowballstemmer

from widmonitor.languages import content_languages

WORD = re.compile(r"\w+", re.UNICODE)
MIN_LENGTH = 2  # single letters (the l of l'ambitieux) carry no meaning


def fold(text):
    """Lower case without accents: "Développeuse" → "developpeuse"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm) if algorithm in snowballstemmer.algorithms() else None


def stemmer_for(language):
    config = {item.code: item.search_config for item in content_languages()}.get(language, "")
    return _stemmer(config)


def terms(text, language):
    """The search terms of ``text`` written in ``language``, in order."""
    words = [word for word in WORD.findall(fold(text or "")) if len(word) >= MIN_LENGTH or word.isdigit()]
    stemmer = stemmer_for(language)
    return stemmer.stemWords(words) if stemmer else words
