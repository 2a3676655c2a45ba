from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from widmonitor.strategy.models import in_language

from .vocabulary import (
    ContentLanguage,
    Cost,
    Moderation,
    Sector,
    Status,
    Vocabulary,
    ends_before_starts,
    validate_partial_date,
)


class Term(models.Model):
    """An entry of a controlled list: a target audience, a region, a language or a format."""

    vocabulary = models.CharField(_("list"), max_length=20, choices=Vocabulary.choices)
    code = models.SlugField(_("code"), max_length=40, help_text=_("Stable code, e.g. girls or age-12-18."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label_nl = models.CharField(_("label (nl)"), max_length=120)
    label_fr = models.CharField(_("label (fr)"), max_length=120)
    label_en = models.CharField(_("label (en)"), max_length=120)

    class Meta:
        verbose_name = _("code")
        verbose_name_plural = _("codes")
        ordering = ["vocabulary", "position"]
        constraints = [models.UniqueConstraint(fields=["vocabulary", "code"], name="term_code_unique")]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return in_language(self, "label")


RELATIONS = ("organisations", "objectives", "audiences", "regions", "languages", "formats")
initiative_history = HistoricalRecords(m2m_fields=RELATIONS)


class InitiativeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(moderation=Moderation.PUBLISHED)


class Initiative(models.Model):
    uid = models.SlugField(
        _("identifier"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier used in imports and links, e.g. coderdojo-belgium."),
    )
    title_nl = models.CharField(_("title (nl)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (fr)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (en)"), max_length=300, blank=True)
    summary_nl = models.TextField(_("summary (nl)"), max_length=4000, blank=True)
    summary_fr = models.TextField(_("summary (fr)"), max_length=4000, blank=True)
    summary_en = models.TextField(_("summary (en)"), max_length=4000, blank=True)
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=ContentLanguage.choices,
        default=ContentLanguage.NL,
        help_text=_("The language the title and summary were first written in; the others are translations."),
    )
    organisations = models.ManyToManyField(
        "actors.Organisation", blank=True, related_name="initiatives", verbose_name=_("organisations")
    )
    sector = models.CharField(
        _("sector type"),
        max_length=10,
        choices=Sector.choices,
        default=Sector.UNKNOWN,
        help_text=_("Who runs it: public, private or mixed. Leave unknown unless the source says which."),
    )
    objectives = models.ManyToManyField(
        "strategy.Objective",
        blank=True,
        related_name="initiatives",
        verbose_name=_("objectives and sub-objectives"),
    )
    audiences = models.ManyToManyField(
        Term,
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.AUDIENCE},
        related_name="initiatives_for_audience",
        verbose_name=_("target audiences"),
    )
    regions = models.ManyToManyField(
        Term,
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.REGION},
        related_name="initiatives_in_region",
        verbose_name=_("regions"),
    )
    languages = models.ManyToManyField(
        Term,
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.LANGUAGE},
        related_name="initiatives_in_language",
        verbose_name=_("languages"),
    )
    formats = models.ManyToManyField(
        Term,
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.FORMAT},
        related_name="initiatives_of_format",
        verbose_name=_("formats"),
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.UNKNOWN)
    starts = models.CharField(
        _("starts"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021 or 2022-09."),
    )
    ends = models.CharField(
        _("ends"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; empty if open-ended."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.UNKNOWN)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    contact_name = models.CharField(
        _("contact person"), max_length=200, blank=True, help_text=_("Private: never shown publicly or exported.")
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Private: never shown publicly or exported.")
    )
    source_document = models.CharField(
        _("source document"), max_length=300, blank=True, help_text=_("e.g. Women in Digital report 2022")
    )
    source_section = models.CharField(_("source section"), max_length=100, blank=True, help_text=_("e.g. 5.1.2"))
    provenance_note = models.TextField(
        _("provenance note"),
        blank=True,
        help_text=_("How the record was derived, e.g. sub-objectives assigned by judgment of the working group."),
    )
    moderation = models.CharField(
        _("moderation state"), max_length=10, choices=Moderation.choices, default=Moderation.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    history = initiative_history
    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["uid"]

    def __str__(self):
        return self.title or self.uid

    def clean(self):
        errors = {}
        if not getattr(self, f"title_{self.original_language}", ""):
            errors[f"title_{self.original_language}"] = ValidationError(
                _("The title in the original language (%(language)s) is required."),
                code="required",
                params={"language": self.original_language},
            )
        try:
            if ends_before_starts(self.starts, self.ends):
                errors["ends"] = ValidationError(
                    _("The end (%(ends)s) comes before the start (%(starts)s)."),
                    code="ends_before_starts",
                    params={"ends": self.ends, "starts": self.starts},
                )
        except ValueError:
            pass  # the field validators report a malformed date itself
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.uid:
            self.uid = self.unique_uid(self.title_en or self.title)
        super().save(*args, **kwargs)

    def save_with_relations(self, relations, reason=""):
        """Save the record and its many-to-many ``relations`` ({name: objects}) as one history entry."""
        created = self._state.adding
        self._change_reason = reason
        self.skip_history_when_saving = True
        try:
            self.save()
            for name, objects in relations.items():
                getattr(self, name).set(objects)
        finally:
            del self.skip_history_when_saving
        initiative_history.create_historical_record(self, "+" if created else "~")

    @property
    def title(self):
        return in_language(self, "title")

    @property
    def summary(self):
        return in_language(self, "summary")

    @classmethod
    def unique_uid(cls, text):
        base = slugify(text)[:70].strip("-") or "initiative"
        uid, n = base, 1
        while cls.objects.filter(uid=uid).exists():
            n += 1
            uid = f"{base}-{n}"
        return uid


class PublishedList(models.Model):
    """A list of initiatives as a report published it, with the counts the report stated.

    The stated counts are published figures, kept verbatim; widmonitor compares them
    with what it computes from the entries and their initiatives.
    """

    document = models.CharField(_("document"), max_length=100, help_text=_("e.g. wid-report-2022"))
    section = models.CharField(_("section"), max_length=20, help_text=_("e.g. 5.1.2"))
    objective = models.ForeignKey(
        "strategy.Objective", models.PROTECT, related_name="published_lists", verbose_name=_("objective")
    )
    stated_text = models.TextField(_("stated sentence"), help_text=_("The report's sentence with the counts, verbatim."))
    stated_total = models.PositiveSmallIntegerField(_("stated total"), null=True, blank=True)
    stated_private = models.PositiveSmallIntegerField(_("stated private"), null=True, blank=True)
    stated_public = models.PositiveSmallIntegerField(_("stated public"), null=True, blank=True)
    stated_mixed = models.PositiveSmallIntegerField(_("stated mixed"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, help_text=_("Why the entries and the stated counts differ."))

    class Meta:
        verbose_name = _("published list")
        verbose_name_plural = _("published lists")
        ordering = ["document", "objective__position"]
        constraints = [models.UniqueConstraint(fields=["document", "section"], name="published_list_unique")]

    def __str__(self):
        return f"{self.document} {self.section}"


class PublishedListEntry(models.Model):
    """One bullet of a published list, pointing at the initiative it describes."""

    published_list = models.ForeignKey(PublishedList, models.CASCADE, related_name="entries")
    position = models.PositiveSmallIntegerField(_("position"))
    initiative = models.ForeignKey(Initiative, models.PROTECT, related_name="listings", verbose_name=_("initiative"))
    text = models.TextField(_("bullet text"), help_text=_("The bullet as published, verbatim."))
    audience_text = models.TextField(_("target audience as published"), blank=True)

    class Meta:
        verbose_name = _("published list entry")
        verbose_name_plural = _("published list entries")
        ordering = ["published_list", "position"]
        constraints = [
            models.UniqueConstraint(fields=["published_list", "position"], name="published_entry_position_unique")
        ]

    def __str__(self):
        return f"{self.published_list} #{self.position}"
