from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def in_language(obj, field, language=None):
    """The value of ``field_<lang>`` in the active (or given) language, else the first one filled in."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    order = [language] + [code for code, _name in settings.LANGUAGES if code != language]
    for code in order:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


class StrategyQuerySet(models.QuerySet):
    def current(self):
        """The strategy this platform runs (settings.STRATEGY), or None before it is loaded."""
        return self.filter(code=settings.STRATEGY).first()


class Strategy(models.Model):
    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("Stable identifier, e.g. belgium-wid-2021.")
    )
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166 code, e.g. BE."))
    title_nl = models.CharField(_("title (nl)"), max_length=300)
    title_fr = models.CharField(_("title (fr)"), max_length=300)
    title_en = models.CharField(_("title (en)"), max_length=300)
    original_language = models.CharField(_("original language"), max_length=2, default="nl")
    starts = models.PositiveSmallIntegerField(_("first year"))
    ends = models.PositiveSmallIntegerField(_("last year"))
    owner = models.CharField(_("owner"), max_length=200, help_text=_("e.g. FPS Economy"))
    source = models.CharField(_("source"), max_length=500, help_text=_("Document the texts come from."))

    objects = StrategyQuerySet.as_manager()

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["code"]

    def __str__(self):
        return in_language(self, "title")


class ObjectiveQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def sub_objectives(self):
        return self.filter(parent__isnull=False)


class Objective(models.Model):
    """An objective of a strategy, or (with a parent) one of its sub-objectives."""

    strategy = models.ForeignKey(Strategy, models.CASCADE, related_name="objectives", verbose_name=_("strategy"))
    parent = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("objective"),
        help_text=_("Empty for an objective; the objective for a sub-objective."),
    )
    code = models.CharField(_("code"), max_length=10, help_text=_("Stable code, e.g. 1 or 1.2."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_nl = models.CharField(_("title (nl)"), max_length=300)
    title_fr = models.CharField(_("title (fr)"), max_length=300)
    title_en = models.CharField(_("title (en)"), max_length=300)
    description_nl = models.TextField(_("description (nl)"), blank=True)
    description_fr = models.TextField(_("description (fr)"), blank=True)
    description_en = models.TextField(_("description (en)"), blank=True)
    original_language = models.CharField(_("original language"), max_length=2, default="nl")
    age_band = models.CharField(
        _("age band"),
        max_length=20,
        blank=True,
        help_text=_("Audience code of the age band the strategy names, e.g. age-6-12."),
    )

    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["strategy", "position"]
        constraints = [models.UniqueConstraint(fields=["strategy", "code"], name="objective_code_unique")]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def title(self):
        return in_language(self, "title")

    @property
    def is_sub_objective(self):
        return self.parent_id is not None
