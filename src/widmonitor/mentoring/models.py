"""Mentoring programmes, their cycles, the people who apply, the matcher's runs, the pairs and what they achieved.

A programme belongs to an initiative of the registry (and so to its organisations). People apply
to a cycle with a profile they consent to; nothing about them is public. A profile is erased
``Programme.erase_after_days`` after the last of its cycles ends, or at once when she withdraws,
unless she stays in the shared pool of mentors (``Profile.objects.in_pool()``). The counts kept
after erasure (role, gender, age band, follow-up answers) live on ``Participation`` and ``FollowUp``.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from widmonitor.experts.log_erasure import erase_from_logs

from .choices import AgeBand, Gender, Province, Role
from .consent import CYCLE, POOL, CURRENT_WORDING

UNCONFIRMED_DAYS = 7  # an application nobody confirmed by e-mail is erased after this
SIX_MONTHS = timedelta(days=182)


def weight_help(default):
    """A weight's help text, formatted in the language of the page that shows it (not at import)."""
    return lazy(lambda: gettext("From 0 (ignored) to 10, e.g. %(default)s.") % {"default": default}, str)()


def weight_field(label, default):
    return models.PositiveSmallIntegerField(label, default=default, validators=[MaxValueValidator(10)], help_text=weight_help(default))


class Programme(models.Model):
    """A mentoring programme run by an initiative of the registry; its matchers manage it from the partner pages."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", models.PROTECT, related_name="mentoring_programmes", verbose_name=_("initiative")
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("As applicants read it, e.g. DUO4JOB digital mentoring."))
    weight_topics = weight_field(_("weight of shared topics"), 5)
    weight_goals = weight_field(_("weight of shared goals"), 3)
    weight_place = weight_field(_("weight of place (province or online)"), 2)
    weight_availability = weight_field(_("weight of shared availability"), 2)
    erase_after_days = models.PositiveSmallIntegerField(
        _("erase profiles after (days)"),
        default=200,
        validators=[MinValueValidator(183), MaxValueValidator(730)],
        help_text=_("Days after a cycle ends; at least 183, so that the six-month follow-up can reach her. E.g. 200."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring programme")
        verbose_name_plural = _("mentoring programmes")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("mentoring_partner:programme", args=[self.pk])

    def weights(self):
        from .matching import Weights

        return Weights(topics=self.weight_topics, goals=self.weight_goals, place=self.weight_place, availability=self.weight_availability)


class MatcherQuerySet(models.QuerySet):
    def programmes_of(self, user):
        return Programme.objects.filter(pk__in=self.filter(user=user).values("programme_id"))


class Matcher(models.Model):
    """The role "matcher" of one programme for one account, granted by a moderator in the back office."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="mentoring_roles", verbose_name=_("account"))
    programme = models.ForeignKey(Programme, models.CASCADE, related_name="matchers", verbose_name=_("programme"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("granted by")
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)

    objects = MatcherQuerySet.as_manager()

    class Meta:
        verbose_name = _("matcher")
        verbose_name_plural = _("matchers")
        constraints = [models.UniqueConstraint(fields=["user", "programme"], name="one_matcher_role_per_programme")]

    def __str__(self):
        return _("%(user)s, matcher of %(programme)s") % {"user": self.user.get_username(), "programme": self.programme}


def interface_languages():
    """The site's interface languages, read when the form is built (not at import)."""
    return settings.LANGUAGES


def new_key():
    return secrets.token_urlsafe(24)


class CycleQuerySet(models.QuerySet):
    def open_to_the_public(self, today=None):
        today = today or timezone.localdate()
        return self.filter(open_applications=True, opens_on__lte=today, closes_on__gte=today)


class Cycle(models.Model):
    """One round of a programme: people apply in a window, are matched on a day, and meet for some weeks."""

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="cycles", verbose_name=_("programme"))
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. Spring 2027"))
    opens_on = models.DateField(_("applications open"), help_text=_("e.g. 2027-01-15"))
    closes_on = models.DateField(_("applications close"), help_text=_("e.g. 2027-02-28"))
    matching_on = models.DateField(_("matching date"), help_text=_("When the matchers propose the pairs, e.g. 2027-03-07."))
    duration_weeks = models.PositiveSmallIntegerField(
        _("duration (weeks)"), default=26, validators=[MinValueValidator(1), MaxValueValidator(104)], help_text=_("e.g. 26")
    )
    checkin_every_days = models.PositiveSmallIntegerField(
        _("check-in every (days)"),
        default=30,
        validators=[MinValueValidator(7), MaxValueValidator(180)],
        help_text=_("How often the pairs are reminded to check in, e.g. 30."),
    )
    open_applications = models.BooleanField(
        _("open applications"), default=True, help_text=_("Anyone may apply on the public form; otherwise only with the invitation link.")
    )
    invitation_key = models.CharField(_("invitation key"), max_length=40, unique=True, default=new_key, editable=False)

    objects = CycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentoring cycle")
        verbose_name_plural = _("mentoring cycles")
        ordering = ["-opens_on"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="cycle_closes_after_it_opens"),
            models.CheckConstraint(condition=Q(matching_on__gte=F("closes_on")), name="cycle_matches_after_it_closes"),
        ]

    def __str__(self):
        return f"{self.programme} – {self.name}"

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("Applications cannot close before they open.")}, code="closes_before_opening")
        if self.closes_on and self.matching_on and self.matching_on < self.closes_on:
            raise ValidationError({"matching_on": _("Match after the applications close.")}, code="matching_before_closing")

    @property
    def ends_on(self):
        return self.matching_on + timedelta(weeks=self.duration_weeks)

    def accepts_applications(self, today=None):
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def latest_run(self):
        return self.runs.order_by("-version").first()


class ProfileQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(erased_at__isnull=True)

    def in_pool(self):
        """Mentors who consent to the shared pool: several programmes may propose them to their cycles."""
        open_pool = Consent.objects.filter(profile=OuterRef("pk"), purpose=POOL, withdrawn_at__isnull=True)
        return self.alive().filter(Exists(open_pool), role=Role.MENTOR, confirmed_at__isnull=False)

    def due_for_erasure(self, today=None):
        """Profiles not in the pool whose every cycle ended ``erase_after_days`` ago, and applications never confirmed."""
        today = today or timezone.localdate()
        open_pool = Consent.objects.filter(profile=OuterRef("pk"), purpose=POOL, withdrawn_at__isnull=True)
        unconfirmed = Q(confirmed_at__isnull=True, created_at__lt=timezone.now() - timedelta(days=UNCONFIRMED_DAYS))
        candidates = self.alive().exclude(Exists(open_pool) & Q(role=Role.MENTOR))
        due = [profile.pk for profile in candidates.prefetch_related("participations__cycle__programme") if profile.erase_due_on() and profile.erase_due_on() <= today]
        return self.filter(Q(pk__in=due) | (unconfirmed & Q(erased_at__isnull=True)))


class Profile(models.Model):
    """A mentor's or mentee's own profile: given with her consent, never public, erased after her cycles."""

    role = models.CharField(_("role"), max_length=6, choices=Role.choices)
    name = models.CharField(_("name"), max_length=200, help_text=_("How the programme and your match may call you, e.g. Amina."))
    email = models.EmailField(_("e-mail address"), help_text=_("Your match's name and the links to answer come here."))
    language = models.CharField(
        _("language of your e-mails"), max_length=2, choices=interface_languages, help_text=_("e.g. nl, fr or en")
    )
    topics = models.JSONField(_("topics"), default=list, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    province = models.CharField(_("province"), max_length=20, choices=Province.choices, blank=True)
    online = models.BooleanField(_("online meetings"), default=True)
    on_site = models.BooleanField(_("meetings in person"), default=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    goals = models.JSONField(_("goals"), default=list, blank=True)
    about = models.TextField(
        _("a few words about you"), max_length=1000, blank=True, help_text=_("What you do or hope for, e.g. I study computer science in Namur.")
    )
    capacity = models.PositiveSmallIntegerField(
        _("mentees at a time"), default=0, validators=[MaxValueValidator(5)], help_text=_("For mentors: 1 to 5.")
    )
    expert = models.ForeignKey(
        "experts.ExpertProfile", models.SET_NULL, null=True, blank=True, related_name="mentoring_profiles", verbose_name=_("expert profile")
    )
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentoring profile")
        verbose_name_plural = _("mentoring profiles")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role="mentee", capacity=0) | Q(role="mentor", capacity__gte=1, capacity__lte=5) | Q(erased_at__isnull=False),
                name="mentoring_capacity_by_role",
            )
        ]

    def __str__(self):
        if self.erased_at:
            return str(_("erased profile #%(number)s") % {"number": self.pk})
        return f"{self.name} ({self.get_role_display()})"

    def open_consent(self, purpose=CYCLE):
        return self.consents.filter(purpose=purpose, withdrawn_at__isnull=True).first()

    def give_consent(self, purpose=CYCLE, version=CURRENT_WORDING):
        if self.erased_at:
            raise ValidationError(_("This profile was erased."), code="erased")
        current = self.open_consent(purpose)
        if current and current.wording_version == version:
            return current
        with transaction.atomic():
            if current:
                current.withdraw()
            return Consent.objects.create(profile=self, purpose=purpose, wording_version=version)

    def in_pool(self):
        return self.role == Role.MENTOR and self.open_consent(POOL) is not None

    def leave_pool(self):
        return self.consents.filter(purpose=POOL, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())

    def confirm(self):
        if self.confirmed_at is None and self.erased_at is None:
            self.confirmed_at = timezone.now()
            self.save(update_fields=["confirmed_at"])

    def erase_due_on(self):
        """The day she is erased: ``erase_after_days`` after her last cycle ends; None while in the pool or erased."""
        if self.erased_at or self.in_pool():
            return None
        days = [p.cycle.ends_on + timedelta(days=p.cycle.programme.erase_after_days) for p in self.participations.all()]
        return max(days) if days else None

    def erase(self):
        """Blank every personal field and withdraw her consents; her participations keep only anonymous counts."""
        with transaction.atomic():
            name, email = self.name, self.email
            self.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
            Profile.objects.filter(pk=self.pk).update(
                name="", email="", topics=[], languages=[], province="", availability=[], goals=[], about="",
                capacity=0, expert=None, erased_at=timezone.now(),
            )
            label = str(_("erased profile #%(number)s") % {"number": self.pk})
            erase_from_logs(label, name, [self, *self.consents.all()])
            erase_from_logs(label, email, [self])
            self.pairs_as(Role.MENTEE).filter(status=Pair.Status.PROPOSED).update(status=Pair.Status.DECLINED)
            self.pairs_as(Role.MENTOR).filter(status=Pair.Status.PROPOSED).update(status=Pair.Status.DECLINED)
        self.refresh_from_db()

    def pairs_as(self, role):
        field = "mentee__profile" if role == Role.MENTEE else "mentor__profile"
        return Pair.objects.filter(**{field: self})


def erase_due_profiles(today=None):
    """Erase every profile due (``ProfileQuerySet.due_for_erasure``); returns how many."""
    due = list(Profile.objects.due_for_erasure(today))
    for profile in due:
        profile.erase()
    return len(due)


class Consent(models.Model):
    """A person's consent to take part (purpose ``cycle``) or to stay in the shared pool (``pool``)."""

    class Purpose(models.TextChoices):
        CYCLE = CYCLE, _("take part in the cycle")
        POOL = POOL, _("stay in the shared pool of mentors")

    profile = models.ForeignKey(Profile, models.CASCADE, related_name="consents", verbose_name=_("mentoring profile"))
    purpose = models.CharField(_("purpose"), max_length=5, choices=Purpose.choices)
    wording_version = models.CharField(_("wording version"), max_length=20, help_text=_("The version of the consent text she read, e.g. 2026-1."))
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring consent")
        verbose_name_plural = _("mentoring consents")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "purpose"], condition=Q(withdrawn_at__isnull=True), name="one_open_mentoring_consent_per_purpose"
            )
        ]

    def __str__(self):
        return _("Consent of %(profile)s, %(date)s") % {"profile": self.profile, "date": f"{self.given_at:%Y-%m-%d}"}

    def withdraw(self):
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["withdrawn_at"])


class ParticipationQuerySet(models.QuerySet):
    def matchable(self):
        """Confirmed, consenting, not erased, and not already in a proposed or running pair as a mentee."""
        open_consent = Consent.objects.filter(profile=OuterRef("profile"), purpose=CYCLE, withdrawn_at__isnull=True)
        return self.filter(Exists(open_consent), profile__erased_at__isnull=True, profile__confirmed_at__isnull=False)


class Participation(models.Model):
    """A profile taking part in one cycle, with the anonymous counts kept after she is erased."""

    profile = models.ForeignKey(Profile, models.CASCADE, related_name="participations", verbose_name=_("mentoring profile"))
    cycle = models.ForeignKey(Cycle, models.CASCADE, related_name="participations", verbose_name=_("cycle"))
    role = models.CharField(_("role"), max_length=6, choices=Role.choices)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices, blank=True)
    from_pool = models.BooleanField(_("proposed from the shared pool"), default=False)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentoring participation")
        verbose_name_plural = _("mentoring participations")
        constraints = [models.UniqueConstraint(fields=["profile", "cycle"], name="one_participation_per_cycle")]

    def __str__(self):
        return f"{self.profile} – {self.cycle}"


class MatchingRun(models.Model):
    """One run of the matching for a cycle, with the matcher's choices it ran around; versions are never overwritten."""

    cycle = models.ForeignKey(Cycle, models.CASCADE, related_name="runs", verbose_name=_("cycle"))
    version = models.PositiveIntegerField(_("version"))
    weights = models.JSONField(_("weights"), default=dict)
    fixed = models.JSONField(_("fixed pairs"), default=list, help_text=_("[[mentee participation, mentor participation], …]"))
    excluded = models.JSONField(_("excluded pairs"), default=list)
    pairs = models.JSONField(_("proposed pairs"), default=list)
    unmatched = models.JSONField(_("unmatched mentees"), default=list)
    total_score = models.FloatField(_("total score"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("run by"))
    created_at = models.DateTimeField(_("run"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["cycle", "-version"]
        constraints = [models.UniqueConstraint(fields=["cycle", "version"], name="one_run_per_version")]

    def __str__(self):
        return _("%(cycle)s, run %(version)s") % {"cycle": self.cycle, "version": self.version}


class Pair(models.Model):
    """A mentee and a mentor the matcher confirmed; they accept or decline, check in, and end it."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed, waiting for both to accept")
        ACTIVE = "active", _("accepted by both")
        DECLINED = "declined", _("declined")
        ENDED = "ended", _("ended")

    cycle = models.ForeignKey(Cycle, models.CASCADE, related_name="pairs", verbose_name=_("cycle"))
    run = models.ForeignKey(MatchingRun, models.SET_NULL, null=True, related_name="confirmed_pairs", verbose_name=_("matching run"))
    mentee = models.ForeignKey(Participation, models.CASCADE, related_name="pairs_as_mentee", verbose_name=_("mentee"))
    mentor = models.ForeignKey(Participation, models.CASCADE, related_name="pairs_as_mentor", verbose_name=_("mentor"))
    score = models.FloatField(_("score"), default=0)
    reasons = models.JSONField(_("reasons"), default=list)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    mentee_accepted_at = models.DateTimeField(_("accepted by the mentee"), null=True, blank=True)
    mentor_accepted_at = models.DateTimeField(_("accepted by the mentor"), null=True, blank=True)
    closed_by = models.CharField(_("declined or ended by"), max_length=6, choices=Role.choices, blank=True)
    end_reason = models.TextField(_("why it ended"), max_length=1000, blank=True)
    closed_at = models.DateTimeField(_("declined or ended"), null=True, blank=True)
    last_checkin_on = models.DateField(_("last check-in reminder"), null=True, blank=True)
    created_at = models.DateTimeField(_("confirmed"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Pair #%(number)s") % {"number": self.pk}

    def side(self, role):
        return self.mentee if role == Role.MENTEE else self.mentor

    def accept(self, role):
        if self.status != self.Status.PROPOSED:
            raise PairClosed(self)
        setattr(self, f"{role}_accepted_at", getattr(self, f"{role}_accepted_at") or timezone.now())
        if self.mentee_accepted_at and self.mentor_accepted_at:
            self.status = self.Status.ACTIVE
            self.last_checkin_on = timezone.localdate()
        self.save()

    def decline(self, role):
        """She declines: the pair is over and both are free for the matcher's next run, which will not propose them again."""
        if self.status != self.Status.PROPOSED:
            raise PairClosed(self)
        self.status, self.closed_by, self.closed_at = self.Status.DECLINED, role, timezone.now()
        self.save()

    def end(self, role, reason):
        if self.status not in (self.Status.PROPOSED, self.Status.ACTIVE):
            raise PairClosed(self)
        if not reason.strip():
            raise ValidationError(_("Say in a few words why it ends."), code="reason_required")
        self.status, self.closed_by, self.closed_at, self.end_reason = self.Status.ENDED, role, timezone.now(), reason.strip()
        self.save()


class PairClosed(ValidationError):
    def __init__(self, pair):
        super().__init__(
            _("This pair is %(status)s: there is nothing left to answer."), code="pair_closed", params={"status": pair.get_status_display()}
        )


class FollowUp(models.Model):
    """A short follow-up of one person at the cycle's end and six months later; the answers count anonymously."""

    class Round(models.TextChoices):
        END = "end", _("at the end of the cycle")
        SIX_MONTHS = "six-months", _("six months later")

    participation = models.ForeignKey(Participation, models.CASCADE, related_name="follow_ups", verbose_name=_("participation"))
    round = models.CharField(_("round"), max_length=10, choices=Round.choices)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    still_in_touch = models.BooleanField(_("still in touch with her match"), null=True)
    new_job_or_study = models.BooleanField(_("a new job or study in digital"), null=True)
    in_ict_role = models.BooleanField(_("in an ICT role"), null=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [models.UniqueConstraint(fields=["participation", "round"], name="one_follow_up_per_round")]

    def __str__(self):
        return f"{self.participation} – {self.get_round_display()}"
