"""Keeping the search's derived tables true: called by the write path with the initiatives it saved."""

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
        "objectives", "audiences", "regions", "languages", "formats", "organisations"
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
        new_texts += [text(initiative, language) for language in languages]
    SearchEntry.objects.bulk_create(new_entries, batch_size=BATCH)
    SearchText.objects.bulk_create(new_texts, batch_size=BATCH)
    cache.move_on()
    return len(new_entries)


def entry(initiative, strategy_objectives, languages, implied=None):
    return SearchEntry(
        initiative=initiative,
        facets=" ".join(facets.tokens(initiative, strategy_objectives, implied)),
        titles={language: initiative.text("title", language).text for language in languages},
        starts_on=initiative.starts_on,
        updated_at=initiative.updated_at,
    )


def text(initiative, language):
    """The initiative as a reader of ``language`` sees it, as terms stemmed for that language."""
    title = initiative.text("title", language).text
    parts = [title, initiative.text("summary", language).text]
    parts += [pick(o.name, o.original_language, language).text for o in initiative.organisations.all()]
    return SearchText(
        initiative=initiative,
        language=language,
        title_terms=" ".join(analysis.terms(title, language)),
        terms=" ".join(analysis.terms(" ".join(parts), language)),
    )
