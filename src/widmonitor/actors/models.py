from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from widmonitor.translated_fields import TranslatableModel, TranslatedTextField
from widmonitor.vocabularies.choices import Sector, Vocabulary


class Organisation(TranslatableModel):
    class Kind(models.TextChoices):
        PUBLIC_BODY = "public-body", _("public body")
        COMPANY = "company", _("company")
        NON_PROFIT = "non-profit", _("non-profit organisation")
        EDUCATION = "education", _("school, college or university")
        RESEARCH = "research", _("research centre")
        NETWORK = "network", _("network or federation")
        SOCIAL_PARTNER = "social-partner", _("social partner")
        INTERNATIONAL = "international", _("international body")
        OTHER = "other", _("other")

    slug = models.SlugField(
        _("identifier"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier, used in the Excel workbook and in links, e.g. becode."),
    )
    name = TranslatedTextField(
        _("name"), max_length=200, help_text=_("e.g. FOD Economie, SPF Economie, FPS Economy; one name is enough")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, blank=True, help_text=_("Empty when no source says.")
    )
    sector = models.CharField(_("sector type"), max_length=10, choices=Sector.choices, default=Sector.UNKNOWN)
    region = models.ForeignKey(
        "vocabularies.Term",
        models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.REGION},
        related_name="+",
        verbose_name=_("region"),
        help_text=_("Empty when no source says."),
    )
    website = models.URLField(_("website"), blank=True)
    source_document = models.CharField(_("source document"), max_length=300, blank=True)
    source_section = models.CharField(_("source section"), max_length=100, blank=True)
    provenance_note = models.TextField(
        _("provenance note"),
        blank=True,
        help_text=_("Where its facts come from, e.g. kind and region from the organisation's own website."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["slug"]

    def __str__(self):
        return str(self.text("name")) or self.slug
