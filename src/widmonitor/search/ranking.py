"""Which initiatives a search's words find, and in what order: every content language, BM25, typos forgiven.

Each word typed is analysed with the rules of every content language and looked up in that
language's text, so "programmeren" on /fr/ finds the Dutch text and "filles code" finds a record
whose French title has "filles" and whose English one has "code". A word that is in no language's
text and is not a stop word is replaced by the nearest indexed words (edit distance with transpositions, OSA, by
rapidfuzz, at most 1 edit for 3–5 letters, 2 beyond, as Lucene's "AUTO" fuzziness), and the
search offers them ("did you mean …"). Stop words of the reader's language ("voor" on /nl/) are
left out, unless the search has nothing else.

Order, for the relevance sort: records holding more of the words first (every word first), then
those that matched in the reader's language, then by score, then by title. The score is BM25 with
term frequency saturated at one and no length normalisation (titles and summaries are short):
for each word, the best over the languages of idf × (2 in the title, 1 in the rest), halved for a
nearest word. Records with the same words matched in the same way score the same, so the index
splits the matches into such groups with a few bitmap operations instead of scoring each record.
"""

import math
from dataclasses import dataclass, field

from pyroaring import BitMap
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import analysis

MAX_WORDS = 8
TITLE_WEIGHT = 2.0
NEAREST_WEIGHT = 0.5
NEAREST_KEPT = 3  # nearest words a misspelt word stands for


@dataclass
class Word:
    typed: str  # folded
    stop: bool = False
    found: list = field(default_factory=list)  # [(language, text rows, title rows, weight factor)]
    nearest: str = ""  # the indexed word put forward for one found nowhere


@dataclass
class Matched:
    rows: BitMap  # rows holding any of the words
    groups: list  # the rows in relevance order, as groups ranked equal
    suggestion: str = ""  # the words with the nearest indexed ones, when some were found nowhere


def match(index, text, reader):
    """The rows ``text`` finds in ``index`` for a reader of ``reader``, grouped in relevance order."""
    words = [look_up(index, word, reader) for word in list(dict.fromkeys(analysis.words(text)))[:MAX_WORDS]]
    counted = [word for word in words if not word.stop and word.found] or [word for word in words if word.found]
    rows = BitMap.union(BitMap(), *(rows for word in counted for _language, rows, _title, _factor in word.found))
    suggestion = " ".join(word.nearest or word.typed for word in words) if any(word.nearest for word in words) else ""
    return Matched(rows, groups(index, rows, counted, reader), suggestion)


def look_up(index, typed, reader):
    word = Word(typed, stop=analysis.is_stop_word(typed, reader))
    word.found = found_in(index, typed, 1.0)
    if word.found:
        word.stop = word.stop or all(analysis.is_stop_word(typed, language) for language, *_rest in word.found)
    elif not word.stop and not any(analysis.is_stop_word(typed, language) for language in index.text):
        nearest = nearest_words(index, typed)
        word.found = [found for near in nearest for found in found_in(index, near, NEAREST_WEIGHT, index.languages_of(near))]
        word.nearest = nearest[0] if word.found else ""
    return word


def found_in(index, folded, factor, languages=None):
    """``[(language, text rows, title rows, factor)]`` for each language whose text holds the word."""
    found = []
    for language in languages or index.text:
        term = analysis.stem(folded, language)
        rows = index.text.get(language, {}).get(term)
        if rows:
            found.append((language, rows, index.title[language].get(term, BitMap()), factor))
    return found


def nearest_words(index, typed):
    """The indexed words nearest ``typed`` (fewest edits, then most used), if any is close enough."""
    edits = 0 if len(typed) < 3 else 1 if len(typed) <= 5 else 2
    if not edits:
        return []
    close = process.extract(typed, index.word_list(), scorer=OSA.distance, score_cutoff=edits, limit=50)
    if not close:
        return []
    fewest = min(distance for _word, distance, _i in close)
    candidates = [word for word, distance, _i in close if distance == fewest]
    used = {word: sum(len(found[1]) for found in found_in(index, word, 1, index.languages_of(word))) for word in candidates}
    return sorted((word for word in candidates if used[word]), key=lambda word: (-used[word], word))[:NEAREST_KEPT]


def groups(index, rows, words, reader):
    """``rows`` split into groups of equal rank, best first (see the module's docstring)."""
    ranked = {(0, 0.0): rows}  # (words matched, score) -> rows
    for word in words:
        levels = weights(index, word)
        split = {}
        for (matched, score), members in ranked.items():
            rest = members
            for level_rows, weight in levels:
                part = rest & level_rows
                if part:
                    key = (matched + 1, round(score + weight, 9))
                    split[key] = split[key] | part if key in split else part
                    rest = rest - level_rows
            if rest:
                split[(matched, score)] = split[(matched, score)] | rest if (matched, score) in split else rest
        ranked = split
    in_reader = BitMap.union(BitMap(), *(rows for word in words for language, rows, _title, _factor in word.found if language == reader))
    ordered = []
    for (matched, score), members in ranked.items():
        ordered += [((-matched, 0, -score), members & in_reader), ((-matched, 1, -score), members - in_reader)]
    return [members for _key, members in sorted(ordered, key=lambda item: item[0]) if members]


def weights(index, word):
    """``[(rows, weight)]`` of one word, highest weight first: the best weight each row earns."""
    levels = []
    for language, rows, title_rows, factor in word.found:
        written = len(index.written.get(language, ())) or 1
        idf = math.log(1 + (written - len(rows) + 0.5) / (len(rows) + 0.5))
        levels += [(title_rows, idf * TITLE_WEIGHT * factor), (rows, idf * factor)]
    return sorted(levels, key=lambda level: -level[1])
