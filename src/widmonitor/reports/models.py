"""The annual report's own records: the working group's meetings, the prose of each edition, the published editions.

Figures and lists are never stored here: ``build.build_report`` computes them. A published
``Edition`` keeps the whole built report as JSON (its snapshot), so that it renders the same
later, whatever changes in the registry or the statistics; and its files (``EditionFile``), made
once when it is published, so that a download reads them rather than building them again.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from widmonitor.languages import language_name
from widmonitor.translated_fields import (
    ContentLanguageField,
    TranslatableModel,
    TranslatedTextField,
)

from .sections import PROSE_SECTIONS

YEAR = [MinValueValidator(2000), MaxValueValidator(2100)]


class Meeting(TranslatableModel):
    class Kind(models.TextChoices):
        WORKING_GROUP = "working-group", _("working group meeting")
        EVENT = "event", _("event")
        OTHER = "other", _("other meeting")

    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKING_GROUP)
    title = TranslatedTextField(
        _("title"), max_length=300, help_text=_("Optional, e.g. Quarterly meeting on role models; the kind is shown without it.")
    )
    participants = models.PositiveIntegerField(
        _("participants"), null=True, blank=True, help_text=_("How many took part, e.g. 52; empty when not counted.")
    )
    organisations = models.ManyToManyField(
        "actors.Organisation",
        blank=True,
        related_name="meetings",
        verbose_name=_("supporting organisations"),
        help_text=_("The organisations that took part or supported the strategy at this meeting."),
    )
    notes = models.TextField(_("notes"), blank=True, help_text=_("Internal; not printed in the report."))

    history = HistoricalRecords(m2m_fields=["organisations"])

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date.isoformat()} {self.text('title') or self.get_kind_display()}"


class SupporterQuerySet(models.QuerySet):
    def in_year(self, year):
        """The organisations that supported the strategy at some time in ``year``."""
        return self.filter(since__lte=year).filter(models.Q(until__isnull=True) | models.Q(until__gte=year))


class Supporter(models.Model):
    """An organisation that supports the strategy, from a year on, as the working group records it (an edition's
    list of supporting organisations, or the back office); the report of a year lists the supporters of that year."""

    organisation = models.OneToOneField(
        "actors.Organisation", models.CASCADE, related_name="support", verbose_name=_("organisation")
    )
    since = models.PositiveSmallIntegerField(
        _("since"),
        validators=YEAR,
        help_text=_("The first year it is known to support the strategy, e.g. 2022 for the organisations the 2022 edition lists."),
    )
    until = models.PositiveSmallIntegerField(
        _("until"), null=True, blank=True, validators=YEAR,
        help_text=_("The last year it supported the strategy; empty while it does."),
    )  # fmt: skip
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Where this is recorded, e.g. Women in Digital – Rapport 2022 (FOD Economie), section 4."),
    )

    history = HistoricalRecords()
    objects = SupporterQuerySet.as_manager()

    class Meta:
        verbose_name = _("supporting organisation")
        verbose_name_plural = _("supporting organisations")
        ordering = ["organisation__slug"]

    def __str__(self):
        return str(self.organisation)

    def clean(self):
        if self.since is not None and self.until is not None and self.until < self.since:
            message = _("The last year comes before the first year (%(since)s).")
            raise ValidationError({"until": ValidationError(message, code="until_before_since", params={"since": self.since})})


class TextBlockQuerySet(models.QuerySet):
    def of_year(self, year):
        """The year's blocks by section, each section's original first."""
        return self.filter(year=year).order_by("section", "is_translation", "pk")


class TextBlock(models.Model):
    """The prose of one section of one edition in one language; the figures around it are computed.

    One block of a section and year is its original; the others are translations of it, which
    the report shows with a note that the original is authoritative and a link to it.
    """

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR, help_text=_("The edition, e.g. 2022."))
    section = models.CharField(_("section"), max_length=20, choices=PROSE_SECTIONS)
    language = ContentLanguageField(_("language"))
    text = models.TextField(
        _("text"),
        help_text=_(
            "Plain paragraphs separated by a blank line; a line starting with '- ' is a bullet, "
            "one starting with '## ' a subheading. Nothing else is interpreted (no HTML)."
        ),
    )
    is_translation = models.BooleanField(
        _("translation"),
        default=False,
        help_text=_(
            "Ticked: a translation of the section's original (its block in another language that is not "
            "ticked), e.g. the French text translated for widmonitor from the Dutch edition."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = TextBlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("text block")
        verbose_name_plural = _("text blocks")
        ordering = ["year", "section", "language"]
        constraints = [models.UniqueConstraint(fields=["year", "section", "language"], name="text_block_unique")]

    def __str__(self):
        return f"{self.year} {self.get_section_display()} ({self.language})"

    def clean(self):
        """A section of a year has one original: another block of it is a translation."""
        originals = TextBlock.objects.filter(year=self.year, section=self.section, is_translation=False).exclude(pk=self.pk)
        other = originals.exclude(language=self.language).first()
        if not self.is_translation and other is not None:
            message = _("This section's original is its text in %(language)s: tick “translation”.")
            raise ValidationError({"is_translation": ValidationError(message, code="second_original", params={"language": language_name(other.language)})})


class EditionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False).order_by("-year")

    def previous(self, year):
        """The latest published edition before ``year``, or None."""
        return self.published().filter(year__lt=year).first()


class Edition(models.Model):
    """A year's report; once published, its snapshot is what every rendering of that year shows."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=YEAR)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("published by")
    )
    snapshot = models.JSONField(_("data snapshot"), null=True, blank=True, editable=False)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    @property
    def is_published(self):
        return self.published_at is not None


class EditionStorage(FileSystemStorage):
    """Where the files of published editions are kept: ``$WIDMONITOR_HOME/editions/`` (the setting read when used)."""

    @property
    def base_location(self):
        return settings.HOME_DIR / "editions"

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def edition_storage():
    return EditionStorage()


def edition_file_path(instance, filename):
    """``YEAR/PUBLISHED/NAME``: each publication of a year in a folder of its own, so that publishing again never
    overwrites a file being downloaded."""
    return f"{instance.edition.year}/{instance.published_at:%Y%m%dT%H%M%S%f}/{filename}"


class EditionFile(models.Model):
    """One file of a published edition, made from its snapshot when it was published: the HTML, PDF or annex 2 of
    a language, or annex 1 (one for all languages)."""

    class Kind(models.TextChoices):
        HTML = "html", _("HTML file")
        PDF = "pdf", _("PDF")
        OVERVIEW = "overview", _("annex 1: overview (xlsx)")
        ANALYSIS = "analysis", _("annex 2: analysis (xlsx)")

    edition = models.ForeignKey(Edition, models.CASCADE, related_name="files", verbose_name=_("edition"))
    published_at = models.DateTimeField(_("publication"), help_text=_("The edition's publication the file was made for."))
    language = models.CharField(_("language"), max_length=8, blank=True, help_text=_("e.g. nl; empty for annex 1, the same in every language."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=edition_file_path, storage=edition_storage, max_length=300)

    class Meta:
        verbose_name = _("file of an edition")
        verbose_name_plural = _("files of editions")
        constraints = [
            models.UniqueConstraint(fields=["edition", "published_at", "language", "kind"], name="edition_file_unique")
        ]

    def __str__(self):
        return self.file.name
