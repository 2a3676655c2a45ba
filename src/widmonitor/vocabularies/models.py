from django.db import models
from django.utils.translation import gettext_lazy as _

from widmonitor.translated_fields import TranslatableModel, TranslatedTextField

from .choices import Vocabulary


class TermQuerySet(models.QuerySet):
    def of(self, vocabulary):
        return self.filter(vocabulary=vocabulary)


class Term(TranslatableModel):
    """An entry of a controlled list: a target audience, a region, a language or a format."""

    vocabulary = models.CharField(_("list"), max_length=20, choices=Vocabulary.choices)
    code = models.SlugField(_("code"), max_length=40, help_text=_("Stable code, e.g. girls or age-12-18."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = TranslatedTextField(_("label"), max_length=120, help_text=_("e.g. girls, filles, meisjes"))

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("code")
        verbose_name_plural = _("codes")
        ordering = ["vocabulary", "position"]
        constraints = [models.UniqueConstraint(fields=["vocabulary", "code"], name="term_code_unique")]

    def __str__(self):
        return str(self.text("label")) or self.code
