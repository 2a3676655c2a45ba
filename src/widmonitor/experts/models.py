"""Experts and role models who keep their own profile, their consent as events, and panels' figures.

Nothing about an expert is public without her recorded consent: ``ExpertProfile.objects.public()``
is the one rule every public page uses. Withdrawing hides her at once; the profile is erased
``settings.EXPERT_ERASE_DAYS`` days later (``erase_withdrawn``), its history rows with it.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from widmonitor.throttle import throttled
from widmonitor.translated_fields import (
    ContentLanguageField,
    TranslatableModel,
    TranslatedTextField,
)
from widmonitor.vocabularies.choices import Vocabulary

from . import panels
from .consent import CURRENT_WORDING
from .log_erasure import erase_from_logs

INVITATIONS_PER_HOUR = 10  # per inviter, partners and moderators alike
PERSONAL_FIELDS = ("name", "title", "organisation_name", "bio", "links")


class Topic(TranslatableModel):
    """An entry of the controlled list of expertise topics (data/experts/topics.yaml)."""

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Stable code, e.g. cybersecurity."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    label = TranslatedTextField(_("label"), max_length=120, help_text=_("e.g. cybersecurity, cybersécurité, cyberbeveiliging"))

    class Meta:
        verbose_name = _("expertise topic")
        verbose_name_plural = _("expertise topics")
        ordering = ["position"]

    def __str__(self):
        return str(self.text("label")) or self.code


def validate_links(value):
    """One web address per line, each http or https (no javascript: or mail addresses)."""
    check = URLValidator(schemes=["http", "https"])
    for line in value.splitlines():
        if line.strip():
            try:
                check(line.strip())
            except ValidationError as error:
                raise ValidationError(
                    _("“%(link)s” is not a web address starting with https:// or http://."),
                    code="invalid_link",
                    params={"link": line.strip()},
                ) from error


class ExpertQuerySet(models.QuerySet):
    def public(self):
        """Profiles the public may see: consent given and not withdrawn, not erased, account active."""
        open_consent = Consent.objects.filter(profile=OuterRef("pk"), withdrawn_at__isnull=True)
        return self.filter(Exists(open_consent), erased_at__isnull=True, user__is_active=True)

    def due_for_erasure(self, now=None):
        """Profiles whose consent was withdrawn more than ``EXPERT_ERASE_DAYS`` ago and not given again."""
        cutoff = (now or timezone.now()) - timedelta(days=settings.EXPERT_ERASE_DAYS)
        open_consent = Consent.objects.filter(profile=OuterRef("pk"), withdrawn_at__isnull=True)
        late = Consent.objects.filter(profile=OuterRef("pk"), withdrawn_at__lt=cutoff)
        return self.filter(Exists(late), ~Exists(open_consent), erased_at__isnull=True)

    def matching(self, topics=(), language="", region=""):
        """Profiles with any of ``topics`` (codes), speaking ``language``, in ``region`` (codes); empty = any."""
        queryset = self
        if topics:
            queryset = queryset.filter(pk__in=ExpertProfile.topics.through.objects.filter(topic__code__in=topics).values("expertprofile_id"))
        if language:
            queryset = queryset.filter(languages__code=language)
        if region:
            queryset = queryset.filter(region__code=region)
        return queryset.distinct()


class ExpertProfile(models.Model):
    """An expert's own profile: she edits it, gives or withdraws consent, downloads it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="expert_profile",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("As it should be shown, e.g. Dr. Amina El Idrissi."))
    title = models.CharField(_("title or role"), max_length=200, blank=True, help_text=_("e.g. Data scientist, lecturer"))
    organisation_name = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("Where she works, as she writes it, e.g. KU Leuven.")
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="experts",
        verbose_name=_("organisation in the registry"),
        help_text=_("Optional: the registry's record of her organisation."),
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="experts", verbose_name=_("topics"))
    languages = models.ManyToManyField(
        "vocabularies.Term",
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.LANGUAGE},
        related_name="experts_speaking",
        verbose_name=_("languages spoken"),
    )
    region = models.ForeignKey(
        "vocabularies.Term",
        models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.REGION},
        related_name="+",
        verbose_name=_("region"),
    )
    bio = models.TextField(_("short bio"), max_length=2000, blank=True, help_text=_("A few sentences, in your own language."))
    bio_language = ContentLanguageField(_("language of the bio"))
    links = models.TextField(
        _("links"),
        blank=True,
        validators=[validate_links],
        help_text=_("One web address per line, e.g. https://www.linkedin.com/in/your-name"),
    )
    willing_to_speak = models.BooleanField(_("willing to speak at events"), default=False)
    willing_to_mentor = models.BooleanField(_("willing to mentor"), default=False)
    willing_to_be_role_model = models.BooleanField(_("willing to be a role model"), default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("invited by")
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last update"), auto_now=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    objects = ExpertQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")
        ordering = ["name"]

    def __str__(self):
        return self.name or _("erased profile #%(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        return reverse("experts:profile", args=[self.pk])

    def open_consent(self):
        return self.consents.filter(withdrawn_at__isnull=True).first()

    def give_consent(self, wording=CURRENT_WORDING):
        """Record her consent to be shown publicly, with the version of the wording she read."""
        if self.erased_at:
            raise ValidationError(_("This profile was erased."), code="erased")
        with transaction.atomic():
            current = self.open_consent()
            if current and current.wording_version == wording:
                return current
            if current:
                current.withdraw()
            return Consent.objects.create(profile=self, wording_version=wording)

    def withdraw_consent(self):
        """Hide the profile at once; it is erased ``EXPERT_ERASE_DAYS`` later unless she consents again."""
        return self.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())

    def erase_due_on(self):
        """When a withdrawn profile will be erased, or None while she consents (or never did)."""
        if self.erased_at or self.open_consent():
            return None
        last = self.consents.aggregate(last=models.Max("withdrawn_at"))["last"]
        return last + timedelta(days=settings.EXPERT_ERASE_DAYS) if last else None

    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def erase(self):
        """Delete her personal fields, her profile's history rows and her expert account; keep the consent events.

        Her name leaves the back office's log too, and, with her account, its e-mail address and
        the login throttle's records of it (``log_erasure``).
        """
        with transaction.atomic():
            user, name = self.user, self.name
            self.topics.clear()
            self.languages.clear()
            blank = {name: "" for name in PERSONAL_FIELDS}
            ExpertProfile.objects.filter(pk=self.pk).update(
                **blank, organisation=None, region=None, user=None, invited_by=None, erased_at=timezone.now()
            )  # an update, not a save: no new history row holding what is erased
            self.history.all().delete()
            label = str(_("erased profile #%(number)s") % {"number": self.pk})
            account = user if user is not None and not keeps_account(user) else None
            erase_from_logs(label, name, [self, *self.consents.all()], account)
            if user is not None:
                erase_account(user)
        self.refresh_from_db()


def invitation_refused(user):
    """Count one invitation by ``user``; true past ``INVITATIONS_PER_HOUR`` in an hour (whether or not it made an account)."""
    return throttled(f"experts:invitations:{user.pk}", INVITATIONS_PER_HOUR, 3600)


def keeps_account(user):
    """Whether an expert's account is also something else (staff, a partner), and so outlives her profile."""
    return user.is_staff or user.is_superuser or user.groups.exclude(name="experts").exists()


def erase_account(user):
    """Delete an expert's account; an account that is also something else only loses the experts group."""
    if keeps_account(user):
        user.groups.remove(*user.groups.filter(name="experts"))
    else:
        user.delete()


def erase_withdrawn(now=None):
    """Erase every profile due for erasure; returns how many."""
    due = list(ExpertProfile.objects.due_for_erasure(now))
    for profile in due:
        profile.erase()
    return len(due)


class Consent(models.Model):
    """An expert's consent to be shown publicly: when given, with which wording, and when withdrawn."""

    profile = models.ForeignKey(ExpertProfile, models.CASCADE, related_name="consents", verbose_name=_("expert profile"))
    wording_version = models.CharField(
        _("wording version"), max_length=20, help_text=_("The version of the consent text she read, e.g. 2026-1.")
    )
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile"], condition=models.Q(withdrawn_at__isnull=True), name="one_open_consent_per_expert"
            )
        ]

    def __str__(self):
        return _("Consent of %(profile)s, %(date)s") % {"profile": self.profile, "date": f"{self.given_at:%Y-%m-%d}"}

    def withdraw(self):
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["withdrawn_at"])


class PanelRecordQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(held_on__year=year)

    def totals(self):
        """The counts of these panels added up, as a ``panels.PanelCounts``."""
        sums = self.aggregate(women=Sum("women"), men=Sum("men"), non_binary=Sum("non_binary"), not_stated=Sum("not_stated"))
        return panels.PanelCounts(**{name: value or 0 for name, value in sums.items()})


def women_speakers_in(year):
    """The share of women speakers across the registry's events of ``year``: ``(events, PanelCounts)``."""
    records = PanelRecord.objects.in_year(year)
    return records.count(), records.totals()


class PanelRecord(models.Model):
    """The make-up of one panel at an event of the registry: counts only, never names."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", models.CASCADE, related_name="panel_records", verbose_name=_("initiative or event")
    )
    held_on = models.DateField(_("date"), help_text=_("The day of the panel, e.g. 2025-03-08."))
    session = models.CharField(
        _("session"), max_length=200, blank=True, help_text=_("Which panel, without speakers' names, e.g. Opening debate.")
    )
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    non_binary = models.PositiveIntegerField(_("non-binary"), default=0)
    not_stated = models.PositiveIntegerField(_("not stated"), default=0)
    topics = models.ManyToManyField(Topic, blank=True, related_name="panel_records", verbose_name=_("topics"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)

    objects = PanelRecordQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("panel record")
        verbose_name_plural = _("panel records")
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.initiative} – {self.held_on:%Y-%m-%d}{' – ' + self.session if self.session else ''}"
