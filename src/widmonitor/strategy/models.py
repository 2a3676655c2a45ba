from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from widmonitor.translated_fields import TranslatableModel, TranslatedTextField
from widmonitor.vocabularies.choices import Vocabulary


class StrategyQuerySet(models.QuerySet):
    def current(self):
        """The strategy this platform runs (settings.STRATEGY), or None before it is loaded."""
        return self.filter(code=settings.STRATEGY).first()


class Strategy(TranslatableModel):
    code = models.SlugField(
        _("code"), max_length=60, unique=True, help_text=_("Stable identifier, e.g. belgium-wid-2021.")
    )
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166 code, e.g. BE."))
    title = TranslatedTextField(_("title"), max_length=300, help_text=_("e.g. Women in Digital strategy 2021-2026"))
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
        return str(self.text("title")) or self.code


class ObjectiveQuerySet(models.QuerySet):
    def current(self):
        """The objectives and sub-objectives of the strategy this platform runs, in order."""
        return self.filter(strategy__code=settings.STRATEGY).order_by("position")

    def top_level(self):
        return self.filter(parent__isnull=True)

    def sub_objectives(self):
        return self.filter(parent__isnull=False)

    def implied_audiences(self):
        """``{objective pk: {audience code, ...}}``: the audiences the strategy names for each of these objectives.

        An objective names its ``audiences`` and its ``age_band``; a sub-objective names its own and
        its objective's (objective 1 follows girls, so its sub-objective 1.2 is for girls aged 6 to 12).
        An initiative serving an objective is for these audiences by the strategy, whatever it states.
        """
        objectives = list(self.values_list("pk", "parent_id", "age_band"))
        pks = {pk for pk, parent, _band in objectives} | {parent for _pk, parent, _band in objectives if parent}
        named = {pk: set() for pk in pks}
        for pk, band in Objective.objects.filter(pk__in=pks).exclude(age_band="").values_list("pk", "age_band"):
            named[pk].add(band)
        links = Objective.audiences.through.objects.filter(objective_id__in=pks)
        for pk, code in links.values_list("objective_id", "term__code"):
            named[pk].add(code)
        return {pk: named[pk] | (named[parent] if parent else set()) for pk, parent, _band in objectives}


class Objective(TranslatableModel):
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
    title = TranslatedTextField(_("title"), max_length=300, help_text=_("e.g. Female entrepreneurship in digital"))
    description = TranslatedTextField(_("description"), multiline=True)
    age_band = models.CharField(
        _("age band"),
        max_length=20,
        blank=True,
        help_text=_("Audience code of the age band the strategy names, e.g. age-6-12."),
    )
    audiences = models.ManyToManyField(
        "vocabularies.Term",
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.AUDIENCE},
        related_name="named_by_objectives",
        verbose_name=_("audiences it names"),
        help_text=_(
            "The audiences the strategy's text names for it, e.g. girls for objective 1; its sub-objectives "
            "name them too. Initiatives serving it are for them by the strategy."
        ),
    )

    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["strategy", "position"]
        constraints = [models.UniqueConstraint(fields=["strategy", "code"], name="objective_code_unique")]

    def __str__(self):
        return f"{self.code} {self.text('title')}"

    @property
    def is_sub_objective(self):
        return self.parent_id is not None
