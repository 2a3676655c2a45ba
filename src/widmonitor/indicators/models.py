"""Where a figure comes from (``Source``) and the figures themselves (``Observation``).

An observation's cell is its indicator, geography, period and series (sex, age band and unit).
Eurostat gives one value per cell, whichever file or API answer it was loaded from: the
database holds one Eurostat observation per cell (``one_eurostat_observation_per_cell``), and a
load that gives a cell stored from another Eurostat source takes it over. A document that quotes
a figure is a source of its own: the same cell from Eurostat and from a report that quotes it
are two observations, never merged (one per cell and document). When a newer release revises a
value, the value it replaces is kept as an ``ObservationRevision`` with the source it came from
(written in bulk by ``store.load``, only for the cells that changed).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

KEY = ("indicator", "geo", "period", "sex", "age_band", "unit")  # an observation's cell: indicator, geo, period, series
COLUMNS = (*KEY, "value", "flags", "quote")  # what a load writes of each observation


class Source(models.Model):
    class Kind(models.TextChoices):
        EUROSTAT = "eurostat", _("Eurostat dataset")
        DOCUMENT = "document", _("published document")

    key = models.CharField(
        _("key"),
        max_length=200,
        unique=True,
        help_text=_("Stable identifier, e.g. eurostat:isoc_sks_itsps or document:wid-report-2022:2.3"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    dataset = models.CharField(_("Eurostat dataset"), max_length=40, blank=True, help_text=_("e.g. isoc_sks_itsps"))
    file = models.CharField(
        _("bundled file"),
        max_length=200,
        blank=True,
        help_text=_("The file of data/eurostat it was loaded from; empty when fetched from the Eurostat API."),
    )
    document = models.CharField(_("document"), max_length=200, blank=True, help_text=_("e.g. wid-report-2022"))
    section = models.CharField(_("section"), max_length=100, blank=True, help_text=_("e.g. 2.3"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    last_update = models.DateTimeField(
        _("last update"), null=True, blank=True, help_text=_("When Eurostat last updated the dataset's data, if known.")
    )
    retrieved_at = models.DateTimeField(_("retrieved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["key"]

    def __str__(self):
        return self.key


class ObservationQuerySet(models.QuerySet):
    def from_eurostat(self):
        return self.filter(kind=Source.Kind.EUROSTAT)

    def published(self):
        """Figures quoted by documents, kept apart from the Eurostat series."""
        return self.filter(kind=Source.Kind.DOCUMENT)

    def loaded_against(self, source):
        """What a load under ``source`` compares its rows with: every Eurostat observation (one
        per cell, whichever Eurostat source gave it) for Eurostat, the document's own figures for a document."""
        if source.kind == Source.Kind.EUROSTAT:
            return self.from_eurostat()
        return self.filter(kind=source.kind, source=source)


class Observation(models.Model):
    class Sex(models.TextChoices):
        WOMEN = "F", _("women")
        MEN = "M", _("men")
        TOTAL = "T", _("total")
        NOT_BY_SEX = "", _("not by sex (a gap between women and men)")

    indicator = models.CharField(
        _("indicator"), max_length=64, help_text=_("A code of config/indicators.yaml, e.g. wid_sse_icts")
    )
    geo = models.CharField(_("geography"), max_length=20, help_text=_("Eurostat geo code, e.g. BE or EU27_2020"))
    period = models.CharField(_("period"), max_length=20, help_text=_("As Eurostat writes it, e.g. 2021"))
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices, blank=True)
    age_band = models.CharField(_("age band"), max_length=20, blank=True, help_text=_("e.g. Y16-74; empty if none"))
    unit = models.CharField(_("unit"), max_length=20, help_text=_("As Eurostat codes it, e.g. PC_IND"))
    value = models.FloatField(_("value"), null=True, blank=True, help_text=_("Empty for a missing value."))
    flags = models.CharField(_("flags"), max_length=20, blank=True, help_text=_("Eurostat flags kept whole, e.g. bu"))
    # No database constraint: a load writes up to millions of rows of one source, created in the
    # same transaction (store.write), and PostgreSQL would check that one parent row once per row
    # (40 % of a first load's time). Deleting a source still deletes its observations (Django).
    source = models.ForeignKey(
        Source, models.CASCADE, db_constraint=False, related_name="observations", verbose_name=_("source")
    )
    kind = models.CharField(
        _("kind of source"),
        max_length=10,
        choices=Source.Kind.choices,
        help_text=_("Its source's kind, written by the load: the database keeps one Eurostat value per cell."),
    )
    retrieved_at = models.DateTimeField(_("retrieved at"))
    quote = models.TextField(
        _("quote"), blank=True, help_text=_("For a published figure, the sentence or table it is copied from.")
    )
    # Written by ``published.load_published`` only (a Eurostat load leaves them empty).
    measure = models.CharField(
        _("measure"), max_length=20, blank=True, db_default="",
        help_text=_("For a published figure that measures something else than its indicator's series, what, e.g. stock; empty otherwise."),
    )
    caveat = models.CharField(
        _("caveat"), max_length=40, blank=True, db_default="",
        help_text=_("For a published figure, what a reader must know to read it, e.g. unit_misprinted; empty when nothing."),
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        # Each row is in one of the two partial indexes, which also serve every lookup by
        # indicator, or indicator and geo, of its kind (from_eurostat(), published()): no other
        # index on them, which would only slow a bulk load down.
        constraints = [
            models.UniqueConstraint(
                fields=KEY, condition=Q(kind="eurostat"), name="one_eurostat_observation_per_cell"
            ),
            models.UniqueConstraint(
                fields=[*KEY, "source"], condition=Q(kind="document"), name="one_observation_per_cell_and_document"
            ),
        ]

    def __str__(self):
        return f"{self.indicator} {self.geo} {self.period} {self.sex or '-'} {self.age_band} = {self.value} {self.flags}".strip()


class ObservationRevision(models.Model):
    """A value that a newer release replaced."""

    observation = models.ForeignKey(
        Observation, models.CASCADE, related_name="revisions", verbose_name=_("observation")
    )
    source = models.ForeignKey(
        Source,
        models.SET_NULL,
        null=True,
        blank=True,
        db_constraint=False,
        related_name="+",
        verbose_name=_("source"),
        help_text=_("Where the replaced value came from; empty for a value replaced before widmonitor recorded it."),
    )
    value = models.FloatField(_("value"), null=True, blank=True)
    flags = models.CharField(_("flags"), max_length=20, blank=True)
    retrieved_at = models.DateTimeField(_("retrieved at"), help_text=_("When the replaced value was retrieved."))
    replaced_at = models.DateTimeField(_("replaced at"))

    class Meta:
        verbose_name = _("revised value")
        verbose_name_plural = _("revised values")
        ordering = ["observation", "-replaced_at"]

    def __str__(self):
        return f"{self.observation_id}: {self.value} {self.flags} (until {self.replaced_at:%Y-%m-%d})"
