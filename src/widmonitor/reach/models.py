"""The reach of initiatives: per initiative and year, how many took part, of whom women and girls.

A partner enters an outcome for one of her organisations' initiatives; it is pending until a
moderator accepts it. One outcome per initiative and year is accepted at a time: accepting a
newer one marks the old one replaced, and the history keeps every state. Shares are computed
from the counts, never stored.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from widmonitor.initiatives.periods import OUTSIDE, evidence, year_days
from widmonitor.vocabularies.choices import Moderation

from .ages import AgeBand

FIRST_YEAR = 2000  # no outcome of the registry's initiatives is older
# Ceilings of a year's counts, far above what an initiative of a national strategy reaches: a larger figure
# is a typing error (a year or a phone number typed in), refused rather than summed into every report.
MAX_PARTICIPANTS = 1_000_000
MAX_SESSIONS = 100_000  # more than 270 a day


def ceiling(limit):
    """A count's ceiling, saying what it is."""
    return MaxValueValidator(
        limit, message=_("At most %(limit_value)s in a year: a larger figure is more likely a typing error than a count.")
    )


def share(part, whole):
    """``part`` of ``whole`` as a fraction between 0 and 1; None when ``whole`` is 0 (no share of nobody)."""
    return part / whole if whole else None


class SourceKind(models.TextChoices):
    OWN_COUNT = "own-count", _("own count")
    ESTIMATE = "estimate", _("estimate")
    OTHER = "other", _("other documented source")


class OutcomeQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=Outcome.Status.ACCEPTED).order_by("-year")

    def public(self):
        """The accepted outcomes of published initiatives: what the portal, the API and the report show."""
        return self.accepted().filter(initiative__moderation=Moderation.PUBLISHED)


class DecidedByModerator:
    """What an outcome a moderator accepts or rejects shares (a year's reach here, an event's in ``events``): a
    decision is taken once, by a moderator, with the reason the partner reads, and kept in the history."""

    def reject(self, moderator, reason):
        self._check_pending()
        if not reason.strip():
            raise ValidationError(_("Tell the partner why the outcome is rejected."), code="reason_required")
        self._decide(self.Status.REJECTED, moderator, reason, _("Rejected"))

    def _check_pending(self):
        if self.status != self.Status.PENDING:
            raise ValidationError(
                _("Outcome #%(number)s was already %(status)s."),
                code="already_decided",
                params={"number": self.pk, "status": self.get_status_display()},
            )

    def _decide(self, status, moderator, reason, change):
        self.status, self.decided_by, self.decided_at, self.reason = status, moderator, timezone.now(), reason
        self._history_user, self._change_reason = moderator, str(change)
        self.save(update_fields=["status", "decided_by", "decided_at", "reason"])


class Outcome(DecidedByModerator, models.Model):
    """What an initiative reached in one year, as its organisation or a moderator reports it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        REPLACED = "replaced", _("replaced by a newer accepted outcome")

    initiative = models.ForeignKey(
        "initiatives.Initiative", models.CASCADE, related_name="outcomes", verbose_name=_("initiative")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR)], help_text=_("The calendar year counted, e.g. 2024.")
    )
    participants = models.PositiveIntegerField(
        _("participants"), validators=[ceiling(MAX_PARTICIPANTS)], help_text=_("Everyone who took part in the year, e.g. 120.")
    )
    women_and_girls = models.PositiveIntegerField(
        _("of whom women and girls"), validators=[ceiling(MAX_PARTICIPANTS)], help_text=_("At most the participants, e.g. 70.")
    )
    sessions = models.PositiveIntegerField(
        _("sessions or editions"),
        null=True,
        blank=True,
        validators=[ceiling(MAX_SESSIONS)],
        help_text=_("How many times it ran in the year, e.g. 12; empty if unknown."),
    )
    source_kind = models.CharField(_("source of the figures"), max_length=10, choices=SourceKind.choices)
    source_note = models.TextField(
        _("about the source"),
        max_length=1000,
        blank=True,
        help_text=_("How the figures were counted, e.g. attendance lists of the 12 sessions; required for another source."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("entered by")
    )
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("moderator")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(
        _("message to the partner"), blank=True, max_length=2000, help_text=_("Required to reject, e.g. Please give the source.")
    )

    history = HistoricalRecords()
    objects = OutcomeQuerySet.as_manager()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-year", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(women_and_girls__lte=models.F("participants")), name="outcome_women_within_participants"
            ),
            models.UniqueConstraint(
                fields=["initiative", "year"], condition=models.Q(status="accepted"), name="outcome_one_accepted_per_year"
            ),
        ]

    def __str__(self):
        return _("Outcome #%(number)s (%(year)s)") % {"number": self.pk, "year": self.year}

    @property
    def women_share(self):
        return share(self.women_and_girls, self.participants)

    def age_rows(self):
        """The outcome's age rows in the order of the bands, youngest first."""
        order = list(AgeBand.values)
        return sorted(self.ages.all(), key=lambda row: order.index(row.band))

    def clean(self):
        errors = {}
        if None not in (self.participants, self.women_and_girls) and self.women_and_girls > self.participants:
            errors["women_and_girls"] = ValidationError(
                _("%(women)s women and girls is more than the %(participants)s participants."),
                code="women_over_participants",
                params={"women": self.women_and_girls, "participants": self.participants},
            )
        if self.year is not None and self.initiative_id is not None:
            problem = year_problem(self.year, self.initiative)
            if problem:
                errors["year"] = problem
        if self.source_kind == SourceKind.OTHER and not self.source_note.strip():
            errors["source_note"] = ValidationError(_("Name the source of the figures."), code="source_note_required")
        if errors:
            raise ValidationError(errors)

    def check_ages(self, rows):
        """Refuse age rows ``[(band, participants, women)]`` that add up to more than the outcome's totals."""
        check_age_rows(self.participants, self.women_and_girls, rows)

    def accept(self, moderator, reason=""):
        """Accept this outcome; the one accepted before for the same initiative and year is marked replaced.

        Two moderators deciding at the same moment: the second is refused (``ValidationError``), for
        the same outcome as already decided, for another of its year as accepted meanwhile.
        """
        try:
            with transaction.atomic():
                self.status = Outcome.objects.select_for_update().values_list("status", flat=True).get(pk=self.pk)
                self._check_pending()
                for older in Outcome.objects.accepted().filter(initiative_id=self.initiative_id, year=self.year).exclude(pk=self.pk):
                    older.status = self.Status.REPLACED
                    older._history_user = moderator
                    older._change_reason = str(_("Replaced by outcome #%(number)s") % {"number": self.pk})
                    older.save(update_fields=["status"])
                self._decide(self.Status.ACCEPTED, moderator, reason, _("Accepted"))
        except IntegrityError as error:  # outcome_one_accepted_per_year: another was accepted while this one was
            self.status = self.Status.PENDING
            raise self._accepted_meanwhile() from error

    def _accepted_meanwhile(self):
        other = Outcome.objects.accepted().filter(initiative_id=self.initiative_id, year=self.year).select_related("decided_by").first()
        return ValidationError(
            _(
                "Outcome #%(number)s is not accepted: outcome #%(other)s of the same initiative and year was accepted by "
                "%(who)s at the same moment. Look at both, then accept this one again if it should replace it."
            ),
            code="accepted_meanwhile",
            params={
                "number": self.pk,
                "other": other.pk if other else "?",
                "who": other.decided_by.get_username() if other and other.decided_by else _("someone"),
            },
        )



def year_problem(year, initiative):
    """Why ``year`` cannot be counted for ``initiative`` (in the future, or outside its known period), or None.

    A year its dates do not settle (no period, or an end not given) is accepted: an accepted
    outcome is itself evidence that the initiative ran that year, and the report and the reach
    tables then count it as running in that year (``InitiativeQuerySet.running_in_year``).
    """
    this_year = timezone.localdate().year
    if year > this_year:
        return ValidationError(
            _("%(year)s is still to come (this is %(this_year)s)."),
            code="future_year",
            params={"year": year, "this_year": this_year},
        )
    first = initiative.starts_on.year if initiative.starts_on else None
    last = initiative.ends_on.year if initiative.ends_on else None
    if evidence(*year_days(year), initiative.starts_on, initiative.ends_on, completed=False) == OUTSIDE:
        return ValidationError(
            _("The initiative ran from %(first)s to %(last)s, not in %(year)s."),
            code="outside_period",
            params={"year": year, "first": first or "…", "last": last or "…"},
        )
    return None


def check_age_rows(participants, women, rows):
    """Refuse age rows ``[(band, participants, women)]`` with more women than participants, or summing past the totals."""
    errors = []
    labels = dict(AgeBand.choices)
    for band, band_participants, band_women in rows:
        if band_women > band_participants:
            errors.append(
                ValidationError(
                    _("Age %(band)s: %(women)s women and girls is more than the %(participants)s participants."),
                    code="age_women_over_participants",
                    params={"band": labels.get(band, band), "women": band_women, "participants": band_participants},
                )
            )
    counted = sum(row[1] for row in rows)
    if participants is not None and counted > participants:
        errors.append(
            ValidationError(
                _("The age bands count %(counted)s participants, more than the %(total)s in all."),
                code="ages_over_participants",
                params={"counted": counted, "total": participants},
            )
        )
    counted_women = sum(row[2] for row in rows)
    if women is not None and counted_women > women:
        errors.append(
            ValidationError(
                _("The age bands count %(counted)s women and girls, more than the %(total)s in all."),
                code="ages_over_women",
                params={"counted": counted_women, "total": women},
            )
        )
    if errors:
        raise ValidationError(errors)


class OutcomeByAge(models.Model):
    """The part of an outcome in one age band, where the organisation knows it."""

    outcome = models.ForeignKey(Outcome, models.CASCADE, related_name="ages", verbose_name=_("outcome"))
    band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices)
    participants = models.PositiveIntegerField(_("participants"), validators=[ceiling(MAX_PARTICIPANTS)], help_text=_("e.g. 40"))
    women_and_girls = models.PositiveIntegerField(
        _("of whom women and girls"), validators=[ceiling(MAX_PARTICIPANTS)], help_text=_("e.g. 25")
    )

    class Meta:
        verbose_name = _("outcome by age")
        verbose_name_plural = _("outcomes by age")
        ordering = ["outcome", "band"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "band"], name="outcome_age_band_unique"),
            models.CheckConstraint(
                condition=models.Q(women_and_girls__lte=models.F("participants")), name="outcome_age_women_within_participants"
            ),
        ]

    def __str__(self):
        return f"{self.outcome} {self.get_band_display()}"

    @property
    def women_share(self):
        return share(self.women_and_girls, self.participants)
