"""Keeping the search's derived tables true: called by the write path with the initiatives it saved.

An initiative is searchable in every content language it has its own title or summary in, and
always in its original language, each text analysed with that language's rules. The facet codes
that reach the index are ``facets.tokens`` (one function: what a record counts for).
"""

from django.db import transaction

from widmonitor.initiatives.models import Initiative
from widmonitor.languages import content_codes, pick
from widmonitor.strategy.models import Objective

from . import analysis, cache, facets
from .models import SearchEntry, SearchText

BATCH = 500


@transaction.atomic
def refresh(pks=None):
    """Rebuild the entries of the initiatives ``pks`` (default: all); unpublished ones lose theirs."""
    entries, texts = SearchEntry.objects.all(), SearchText.objects.all()
    initiatives = Initiative.objects.published().prefetch_related(
        "objectives__strategy", "audiences", "regions", "languages", "formats", "digcomp", "organisations"
    )
    if pks is not None:
        pks = list(pks)
        if not pks:  # e.g. an organisation without initiatives was saved: nothing to index, no cache to drop
            return 0
        entries, texts, initiatives = entries.filter(pk__in=pks), texts.filter(initiative__in=pks), initiatives.filter(pk__in=pks)
    texts.delete()
    entries.delete()
    strategy_objectives = dict(Objective.objects.current().values_list("pk", "code"))
    implied = Objective.objects.current().implied_audiences()
    languages = content_codes()
    new_entries, new_texts = [], []
    for initiative in initiatives.iterator(chunk_size=BATCH):
        new_entries.append(entry(initiative, strategy_objectives, languages, implied))
        new_texts += [text(initiative, language) for language in written_in(initiative, languages)]
    SearchEntry.objects.bulk_create(new_entries, batch_size=BATCH)
    SearchText.objects.bulk_create(new_texts, batch_size=BATCH)
    cache.move_on(pks)
    return len(new_entries)


def entry(initiative, strategy_objectives, languages, implied=None):
    return SearchEntry(
        initiative=initiative,
        facets=" ".join(facets.tokens(initiative, strategy_objectives, implied)),
        titles={language: initiative.text("title", language).text for language in languages},
        starts_on=initiative.starts_on,
        updated_at=initiative.updated_at,
        card=card(initiative),
    )


def card(initiative):
    """What a result card shows of ``initiative`` (``cards.Card``): its texts, organisations, objectives' codes, period."""
    organisations = sorted(initiative.organisations.all(), key=lambda o: o.slug)
    objectives = sorted(initiative.objectives.all(), key=lambda o: (o.strategy.code, o.position))
    return {
        "uid": initiative.uid,
        "title": initiative.title,
        "summary": initiative.summary,
        "original_language": initiative.original_language,
        "starts": initiative.starts,
        "ends": initiative.ends,
        "organisations": [[o.name, o.original_language] for o in organisations],
        "objective_codes": [o.code for o in objectives],
    }


def written_in(initiative, languages):
    """The content languages the initiative has its own title or summary in, its original always."""
    own = [code for code in languages if (initiative.title or {}).get(code) or (initiative.summary or {}).get(code)]
    return own if initiative.original_language in own else [initiative.original_language, *own]


def own_text(initiative, field, language):
    if language == initiative.original_language:
        return initiative.text(field, language).text
    return (getattr(initiative, field) or {}).get(language, "")


def text(initiative, language):
    """The initiative's own text in ``language`` (its original: with fallbacks), as terms stemmed for that language."""
    title, summary = (own_text(initiative, field, language) for field in ("title", "summary"))
    parts = [title, summary, *(pick(o.name, o.original_language, language).text for o in initiative.organisations.all())]
    words = analysis.words(" ".join(parts))
    return SearchText(
        initiative=initiative,
        language=language,
        title_terms=" ".join(analysis.terms(title, language)),
        terms=" ".join(analysis.stems(words, language)),
        words=" ".join(dict.fromkeys(words)),
    )
