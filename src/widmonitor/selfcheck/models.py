"""What the self-check stores, and only when the person agrees: nothing else of a self-check is kept.

- ``SharedCheck``: a self-check given to the statistics (an explicit opt-in on the result): her
  levels per competence with her age band, region and, if she says it, her gender. No name, no
  e-mail, no address, no session, and a month rather than a moment (``month_of``).
- ``InitiativeCheck``: a partner's before-and-after check of one initiative, with its link.
- ``Participation``: one participant of such a check, known only by the code she keeps
  (``codes.py``): her levels at the start and at the end.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from widmonitor.reach.ages import AgeBand

from .change import change_of
from .codes import new_code, normalised
from .framework import framework

AGE_BANDS = [band for band in AgeBand if band not in (AgeBand.UNDER_6, AgeBand.FROM_6_TO_11)]


class Gender(models.TextChoices):
    WOMAN = "woman", _("woman")
    MAN = "man", _("man")
    ANOTHER = "another", _("in another way")
    RATHER_NOT_SAY = "rather-not-say", _("rather not say")


class Region(models.TextChoices):
    BRUSSELS = "brussels", _("Brussels-Capital Region")
    FLANDERS = "flanders", _("Flanders")
    WALLONIA = "wallonia", _("Wallonia")
    ABROAD = "abroad", _("outside Belgium")


def month_of(day=None):
    """The first day of the month of ``day`` (today): the only time a stored self-check keeps.

    A moment (a timestamp to the second, even to the hour) could be matched with a web server's
    access log, which holds addresses; a month is shared by everyone who answered that month.
    """
    day = day or timezone.localdate()
    return datetime.date(day.year, day.month, 1)


def area_sums(levels):
    """``[sum of the competences' levels]`` per area, in the framework's order, of ``{code: level}``."""
    return [sum(levels.get(c.code, 0) for c in area.competences) for area in framework().areas]


class SharedCheck(models.Model):
    """A self-check she chose to give to the anonymous statistics."""

    levels = models.JSONField(_("levels"), help_text=_('Her level per competence, 0 to 3, e.g. {"1.1": 2, "1.2": 1}.'))
    # The levels summed per area, derived from ``levels`` when saved, so that the statistics are one query.
    area_1 = models.PositiveSmallIntegerField(editable=False, default=0)
    area_2 = models.PositiveSmallIntegerField(editable=False, default=0)
    area_3 = models.PositiveSmallIntegerField(editable=False, default=0)
    area_4 = models.PositiveSmallIntegerField(editable=False, default=0)
    area_5 = models.PositiveSmallIntegerField(editable=False, default=0)
    age_band = models.CharField(_("age band"), max_length=8, choices=[(b.value, b.label) for b in AGE_BANDS])
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True, help_text=_("Empty when she did not answer."))
    region = models.CharField(_("region"), max_length=10, choices=Region.choices)
    month = models.DateField(_("month"), default=month_of, help_text=_("The first day of the month she answered, e.g. 2026-12-01."))

    class Meta:
        verbose_name = _("self-check given to the statistics")
        verbose_name_plural = _("self-checks given to the statistics")
        indexes = [
            # covering the statistics' one query, so that it reads this index rather than every row's levels
            models.Index(fields=["age_band", "gender", "area_1", "area_2", "area_3", "area_4", "area_5"], name="selfcheck_shared_cells"),
            models.Index(fields=["month"], name="selfcheck_shared_month"),
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.age_band} {self.gender or '-'} {self.region}"

    def save(self, *args, **kwargs):
        self.area_1, self.area_2, self.area_3, self.area_4, self.area_5 = area_sums(self.levels)
        super().save(*args, **kwargs)


def new_token():
    return secrets.token_urlsafe(12)


class InitiativeCheckQuerySet(models.QuerySet):
    def public(self):
        """The checks of published initiatives whose partner agreed to show the change."""
        from widmonitor.vocabularies.choices import Moderation

        return self.filter(public=True, initiative__moderation=Moderation.PUBLISHED)


class InitiativeCheck(models.Model):
    """A before-and-after self-check of one initiative, opened by a partner of its organisation."""

    initiative = models.OneToOneField(
        "initiatives.Initiative", models.CASCADE, related_name="self_check", verbose_name=_("initiative")
    )
    token = models.CharField(_("link key"), max_length=32, unique=True, default=new_token, help_text=_("The secret part of the participants' link."))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("opened by"))
    opened_on = models.DateField(_("opened"), default=timezone.localdate)
    public = models.BooleanField(
        _("shown publicly"), default=False, help_text=_("The partner agrees to show the change on the initiative's page and in the annual report.")
    )

    objects = InitiativeCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("before-and-after check")
        verbose_name_plural = _("before-and-after checks")

    def __str__(self):
        return str(self.initiative)

    def start(self, levels):
        """Keep a participant's levels at the start under a new code, and return the code (for her to keep)."""
        while True:
            code = new_code()
            if not self.participations.filter(code=code).exists():
                break
        Participation.objects.create(check_of=self, code=code, before=levels)
        return code

    def finish(self, code, levels):
        """Keep a participant's levels at the end beside her start; PairingRefused says why not."""
        participation = self.waiting(code)
        participation.after, participation.after_month = levels, month_of()
        participation.save(update_fields=["after", "after_month"])
        return participation

    def waiting(self, code):
        """The participation of ``code`` that has a start and no end yet; PairingRefused otherwise."""
        stored = normalised(code)
        if stored is None:
            raise PairingRefused(_("A code has six letters and digits, like KM4-T7P."), code="malformed")
        participation = self.participations.filter(code=stored).first()
        if participation is None:
            raise PairingRefused(
                _("The code %(code)s is not one of this initiative's. Check it on the paper where you wrote it."),
                code="unknown", params={"code": stored},
            )  # fmt: skip
        if participation.after is not None:
            raise PairingRefused(_("The code %(code)s already has its self-check at the end."), code="finished", params={"code": stored})
        return participation

    def change(self, year=None):
        """The anonymous change of the pairs (ended in ``year`` if given): a change.Change."""
        rows = self.participations.all()
        started = rows.count()
        if year is not None:
            rows = rows.filter(after_month__year=year)
        return change_of(rows.filter(after__isnull=False).values_list("before", "after"), started)


class PairingRefused(Exception):
    """A participant's self-check at the end cannot be paired: a stable ``code`` and a sentence for her."""

    def __init__(self, message, code, params=None):
        super().__init__(message)
        self.message, self.code, self.params = message, code, params or {}

    @property
    def text(self):
        return self.message % self.params


class Participation(models.Model):
    """A participant of a before-and-after check, known by her code only: her levels at the start and at the end."""

    check_of = models.ForeignKey(InitiativeCheck, models.CASCADE, related_name="participations", verbose_name=_("check"))
    code = models.CharField(_("code"), max_length=16, help_text=_("The code she keeps, e.g. KM4-T7P."))
    before = models.JSONField(_("levels at the start"), help_text=_('Her level per competence, e.g. {"1.1": 2}.'))
    before_month = models.DateField(_("month of the start"), default=month_of)
    after = models.JSONField(_("levels at the end"), null=True, blank=True)
    after_month = models.DateField(_("month of the end"), null=True, blank=True)

    class Meta:
        verbose_name = _("self-check participation")
        verbose_name_plural = _("self-check participations")
        constraints = [models.UniqueConstraint(fields=["check_of", "code"], name="selfcheck_participation_code_unique")]

    def __str__(self):
        return self.code


class UsedStoreKey(models.Model):
    """The one-way hash of a result page's key once it stored a self-check (``once.py``): no link to what it stored."""

    digest = models.CharField(_("hash of the key"), max_length=64, primary_key=True)
    day = models.DateField(_("day it was used"), help_text=_("Only the day, so that it cannot be matched with a stored self-check."))

    class Meta:
        verbose_name = _("used key of a result page")
        verbose_name_plural = _("used keys of result pages")

    def __str__(self):
        return f"{self.day} {self.digest[:8]}"
