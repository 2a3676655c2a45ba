"""Events of initiatives (hackathons, workshops, days): a moderated calendar, and what each event reached.

An event belongs to an initiative, and through it to the initiative's organisations, whose
partners submit it. Its times are stored in UTC and shown in Europe/Brussels (``settings.TIME_ZONE``).
It is published by a moderator like an initiative (draft, submitted, published, rejected), each
change kept in its history; ``sequence`` counts the changes a calendar application must see
(RFC 5545 SEQUENCE). After it, its organiser reports its outcome: pending until a moderator
accepts it, one accepted outcome per event, with the reach's validation (``reach.models``).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from widmonitor.reach.ages import AgeBand
from widmonitor.reach.models import MAX_PARTICIPANTS, DecidedByModerator, SourceKind, ceiling, check_age_rows, share
from widmonitor.translated_fields import TranslatableModel, TranslatedTextField
from widmonitor.vocabularies.choices import Cost, Moderation, Vocabulary

from .places import REGION_OF, Province, Region

MAX_CAPACITY = 100_000
MAX_DAYS = 31  # an event lasts at most a month; longer is an initiative, not an event (the calendar relies on it)
MAX_PRICE = 10_000  # euros; a larger price is a typing error
RELATIONS = ("audiences", "languages")


class EventQuerySet(models.QuerySet):
    def published(self):
        """Published and not withdrawn: what the calendar, the feed, the map and the reminders show."""
        return self.filter(moderation=Moderation.PUBLISHED, cancelled_at__isnull=True)

    def on_public_page(self):
        """Published, withdrawn or not: a withdrawn event keeps its page, which says it is cancelled."""
        return self.filter(moderation=Moderation.PUBLISHED)

    def of_partner(self, user):
        """The events of the initiatives of ``user``'s organisations, in every moderation state."""
        from widmonitor.partners.models import PartnerMembership

        organisations = PartnerMembership.objects.filter(user=user).values("organisation_id")
        return self.filter(initiative__organisations__in=organisations).distinct()

    def publish(self, user):
        return self._moderate(Moderation.PUBLISHED, user, _("Published"))

    def reject(self, user, reason):
        if not str(reason).strip():
            raise ValidationError(_("Say why the events are rejected."), code="reason_required")
        return self._moderate(Moderation.REJECTED, user, reason)

    def _moderate(self, state, user, reason):
        changed = list(self.exclude(moderation=state))
        for event in changed:
            event.moderation = state
            event._history_user, event._change_reason = user, str(reason)
            event.save()
        return len(changed)


class Event(TranslatableModel):
    initiative = models.ForeignKey(
        "initiatives.Initiative", models.PROTECT, related_name="events", verbose_name=_("initiative")
    )
    uid = models.SlugField(_("identifier"), max_length=90, unique=True, editable=False)
    title = TranslatedTextField(_("title"), max_length=300, help_text=_("e.g. Women Code Festival 2027"))
    description = TranslatedTextField(
        _("description"), max_length=5000, multiline=True, help_text=_("What happens, for whom, what to bring.")
    )
    starts_at = models.DateTimeField(_("starts"), help_text=_("Date and time in Belgium, e.g. 2027-03-28 10:00."))
    ends_at = models.DateTimeField(_("ends"), help_text=_("Date and time in Belgium, e.g. 2027-03-28 16:00."))
    online = models.BooleanField(_("online"), default=False, help_text=_("Ticked: it takes place online, with no address."))
    address = models.CharField(_("address"), max_length=300, blank=True, help_text=_("Street and number, e.g. Rue de la Loi 16"))
    municipality = models.CharField(_("municipality"), max_length=100, blank=True, help_text=_("e.g. Leuven"))
    province = models.CharField(_("province"), max_length=3, choices=Province.choices, blank=True)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True, editable=False)
    audiences = models.ManyToManyField(
        "vocabularies.Term",
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.AUDIENCE},
        related_name="audience_events",
        verbose_name=_("audiences and age bands"),
    )
    languages = models.ManyToManyField(
        "vocabularies.Term",
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.LANGUAGE},
        related_name="language_events",
        verbose_name=_("languages"),
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    price = models.DecimalField(
        _("price in euros"), max_digits=7, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)], help_text=_("For a paid event, e.g. 15.00."),
    )
    registration_url = models.URLField(_("registration address"), max_length=500, blank=True, help_text=_("e.g. https://example.org/register"))
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True, help_text=_("How many can take part, e.g. 30; empty if not limited."))
    moderation = models.CharField(_("moderation state"), max_length=10, choices=Moderation.choices, default=Moderation.DRAFT)
    cancelled_at = models.DateTimeField(
        _("cancelled"), null=True, blank=True,
        help_text=_(
            "When its partner withdrew the published event: it leaves the calendar and the feed; its page says it is "
            "cancelled. Empty it to put the event back."
        ),
    )
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False, help_text=_("Counts the saves after the first (iCalendar SEQUENCE)."))
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("submitted by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(m2m_fields=RELATIONS)
    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["moderation", "starts_at"], name="event_published_time"),
            models.Index(fields=["moderation", "province", "starts_at"], name="event_province_time"),
            models.Index(fields=["moderation", "region", "starts_at"], name="event_region_time"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"),
        ]

    def __str__(self):
        return str(self.text("title")) or self.uid

    def clean(self):
        errors = {}
        if not self.title.get(self.original_language):
            errors["title"] = ValidationError(
                _("The title in the original language (%(language)s) is required."),
                code="required",
                params={"language": self.original_language},
            )
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = ValidationError(_("The end comes before the start."), code="ends_before_starts")
        elif self.starts_at and self.ends_at and self.ends_at - self.starts_at > timedelta(days=MAX_DAYS):
            errors["ends_at"] = ValidationError(
                _("An event lasts at most %(days)s days; register a longer activity as an initiative."),
                code="too_long", params={"days": MAX_DAYS},
            )
        if not self.online and not (self.municipality and self.province):
            errors["province"] = ValidationError(
                _("Give the municipality and the province, or tick online."), code="place_required"
            )
        if self.cost == Cost.PAID and self.price is None:
            errors["price"] = ValidationError(_("Give the price of a paid event."), code="price_required")
        if self.cost != Cost.PAID and self.price:
            errors["price"] = ValidationError(_("Only a paid event has a price."), code="price_not_paid")
        if self.capacity is not None and self.capacity > MAX_CAPACITY:
            errors["capacity"] = ValidationError(
                _("At most %(limit)s places."), code="capacity_too_large", params={"limit": MAX_CAPACITY}
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.region = REGION_OF.get(self.province, "") if not self.online else ""
        if self.online:
            self.address, self.municipality, self.province = "", "", ""
        if not self._state.adding:
            self.sequence += 1
        if not self.uid:
            self.uid = self.unique_uid()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("events:event", args=[self.uid])

    def unique_uid(self):
        base = slugify(self.title.get("en") or self.text("title").text)[:70].strip("-") or "event"
        day = timezone.localtime(self.starts_at).date().isoformat() if self.starts_at else ""
        base = f"{base}-{day}".strip("-")
        uid, n = base, 1
        while Event.objects.filter(uid=uid).exists():
            n += 1
            uid = f"{base}-{n}"
        return uid

    def place_text(self):
        if self.online:
            return str(_("online"))
        return ", ".join(part for part in (self.address, self.municipality, self.get_province_display()) if part)

    def has_ended(self, now=None):
        return self.ends_at < (now or timezone.now())

    def accepted_outcome(self):
        return self.outcomes.filter(status=EventOutcome.Status.ACCEPTED).first()


class EventOutcome(DecidedByModerator, models.Model):
    """What one event reached, as its organiser reports it; pending until a moderator accepts it.

    The same counts and checks as an initiative's yearly outcome (``reach.models.Outcome``); one
    accepted outcome per event, a newer accepted one replacing it. It counts in the reach of the
    event's initiative for the year the event started (Belgian time).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        REPLACED = "replaced", _("replaced by a newer accepted outcome")

    event = models.ForeignKey(Event, models.CASCADE, related_name="outcomes", verbose_name=_("event"))
    participants = models.PositiveIntegerField(
        _("participants"), validators=[ceiling(MAX_PARTICIPANTS)], help_text=_("Everyone who took part, e.g. 40.")
    )
    women_and_girls = models.PositiveIntegerField(
        _("of whom women and girls"), validators=[ceiling(MAX_PARTICIPANTS)], help_text=_("At most the participants, e.g. 25.")
    )
    source_kind = models.CharField(_("source of the figures"), max_length=10, choices=SourceKind.choices)
    source_note = models.TextField(_("about the source"), max_length=1000, blank=True, help_text=_("e.g. the attendance list"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("entered by"))
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("moderator")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("message to the partner"), blank=True, max_length=2000)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event outcome")
        verbose_name_plural = _("event outcomes")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(women_and_girls__lte=models.F("participants")), name="event_outcome_women_within_participants"
            ),
            models.UniqueConstraint(fields=["event"], condition=models.Q(status="accepted"), name="event_outcome_one_accepted"),
        ]

    def __str__(self):
        return _("Event outcome #%(number)s") % {"number": self.pk}

    @property
    def women_share(self):
        return share(self.women_and_girls, self.participants)

    def age_rows(self):
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
        if self.event_id and not self.event.has_ended():
            errors["participants"] = ValidationError(_("The event has not ended yet."), code="not_ended")
        if self.source_kind == SourceKind.OTHER and not self.source_note.strip():
            errors["source_note"] = ValidationError(_("Name the source of the figures."), code="source_note_required")
        if errors:
            raise ValidationError(errors)

    def accept(self, moderator, reason=""):
        try:
            with transaction.atomic():
                self.status = EventOutcome.objects.select_for_update().values_list("status", flat=True).get(pk=self.pk)
                self._check_pending()
                for older in EventOutcome.objects.filter(event_id=self.event_id, status=self.Status.ACCEPTED).exclude(pk=self.pk):
                    older.status = self.Status.REPLACED
                    older._history_user = moderator
                    older._change_reason = str(_("Replaced by outcome #%(number)s") % {"number": self.pk})
                    older.save(update_fields=["status"])
                self._decide(self.Status.ACCEPTED, moderator, reason, _("Accepted"))
        except IntegrityError as error:
            self.status = self.Status.PENDING
            raise ValidationError(
                _("Outcome #%(number)s is not accepted: another outcome of the event was accepted at the same moment."),
                code="accepted_meanwhile",
                params={"number": self.pk},
            ) from error


    def check_ages(self, rows):
        check_age_rows(self.participants, self.women_and_girls, rows)


class EventOutcomeByAge(models.Model):
    outcome = models.ForeignKey(EventOutcome, models.CASCADE, related_name="ages", verbose_name=_("outcome"))
    band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices)
    participants = models.PositiveIntegerField(_("participants"), validators=[ceiling(MAX_PARTICIPANTS)])
    women_and_girls = models.PositiveIntegerField(_("of whom women and girls"), validators=[ceiling(MAX_PARTICIPANTS)])

    class Meta:
        verbose_name = _("event outcome by age")
        verbose_name_plural = _("event outcomes by age")
        ordering = ["outcome", "band"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "band"], name="event_outcome_age_band_unique"),
            models.CheckConstraint(
                condition=models.Q(women_and_girls__lte=models.F("participants")), name="event_outcome_age_women_within"
            ),
        ]

    def __str__(self):
        return f"{self.outcome} {self.get_band_display()}"

    @property
    def women_share(self):
        return share(self.women_and_girls, self.participants)
