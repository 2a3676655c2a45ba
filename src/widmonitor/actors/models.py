from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from widmonitor.initiatives.vocabulary import Sector


class Organisation(models.Model):
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
        _("identifier"), max_length=80, unique=True, help_text=_("Stable identifier, e.g. becode.")
    )
    name = models.CharField(_("name"), max_length=200, unique=True, help_text=_("e.g. BeCode"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    sector = models.CharField(_("sector type"), max_length=10, choices=Sector.choices, default=Sector.UNKNOWN)
    region = models.ForeignKey(
        "initiatives.Term",
        models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"vocabulary": "region"},
        related_name="+",
        verbose_name=_("region"),
    )
    website = models.URLField(_("website"), blank=True)
    source_document = models.CharField(_("source document"), max_length=300, blank=True)
    source_section = models.CharField(_("source section"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name
