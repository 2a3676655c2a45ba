"""What the public search reads: one entry per published initiative, its texts per language.

Derived data, rewritten by ``index.refresh`` for the initiatives the write path saves; never
edited by hand. Unpublished records have no entry, so nothing unpublished can be found. Each
change is logged (``Change``) under the generation it made, so that every worker applies to its
in-memory index (``search.snapshot``) only the records that changed.
"""

import secrets

from django.db import models


def new_epoch():
    return secrets.token_hex(8)


class SearchEntry(models.Model):
    """A published initiative as the search filters, counts and sorts it."""

    initiative = models.OneToOneField("initiatives.Initiative", models.CASCADE, primary_key=True, related_name="+")
    facets = models.TextField(help_text="Space-separated facet:code tokens, e.g. objective:1 audience:girls.")
    titles = models.JSONField(default=dict, help_text="The title shown in each content language (fallback applied).")
    starts_on = models.DateField(null=True)
    updated_at = models.DateTimeField()
    card = models.JSONField(default=dict, help_text="What a result list shows of it (``cards.Card``), read in one query.")

    class Meta:
        db_table = "search_entry"


class SearchText(models.Model):
    """An initiative's searchable terms in one content language it has text in (always its original)."""

    initiative = models.ForeignKey("initiatives.Initiative", models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    title_terms = models.TextField()
    terms = models.TextField(help_text="Every term: title, summary, organisations.")
    words = models.TextField(default="", help_text="The distinct folded words the terms come from, e.g. programmeren.")

    class Meta:
        db_table = "search_text"
        constraints = [models.UniqueConstraint(fields=["initiative", "language"], name="search_text_unique")]


class Generation(models.Model):
    """A counter moved on by every change of the index: cached searches name it, so none outlives a change.

    It lives in the database, which every worker process and host shares, so the cache stays
    correct whatever the cache backend (local memory, Redis, the database).
    """

    number = models.PositiveBigIntegerField(default=0)
    epoch = models.CharField(max_length=32, default=new_epoch, help_text="Differs for each database made afresh.")

    class Meta:
        db_table = "search_generation"


class Change(models.Model):
    """An initiative whose entry the generation ``number`` rewrote or removed; no initiative: everything."""

    number = models.PositiveBigIntegerField(db_index=True)
    initiative_id = models.BigIntegerField(null=True)

    class Meta:
        db_table = "search_change"
