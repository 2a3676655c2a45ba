"""Calls for projects: a call, its criteria, who reviews and manages it, the applications, their scores.

A call is written by moderators in the back office and public once published. Organisations
apply from the partner pages: an application is a draft they may save as often as they like
(each save is a version in its history, nothing is lost) until they submit it, before the
call's deadline (checked here, on the server, whatever the form says). Reviewers and the
call's manager hold a ``CallRole`` on one call; a reviewer who declares a conflict of interest
with an application or an organisation no longer reaches those applications
(``Application.objects.reviewable_by``), in every view. Applications are never public: only
funded projects' title, organisation, amount and call are (``Application.objects.funded``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from widmonitor.translated_fields import ContentLanguageField, TranslatableModel, TranslatedTextField
from widmonitor.vocabularies.choices import Vocabulary

MAX_EUROS = 100_000_000  # no call of a national strategy is larger: a bigger figure is a typing error


def euros(verbose_name, help_text, **kwargs):
    return models.PositiveIntegerField(verbose_name, validators=[MaxValueValidator(MAX_EUROS)], help_text=help_text, **kwargs)


class CallQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Call(TranslatableModel):
    """A call for projects: its budget, its window (Europe/Brussels), what it funds, how applications are scored."""

    slug = models.SlugField(_("identifier"), max_length=80, unique=True, help_text=_("Used in its address, e.g. skills-fund-2027."))
    title = TranslatedTextField(_("title"), max_length=300, help_text=_("e.g. Digital skills for girls and women 2027"))
    description = TranslatedTextField(_("description"), max_length=8000, multiline=True)
    budget = euros(_("budget (euros)"), _("The whole call's budget, e.g. 2000000."))
    min_grant = euros(_("smallest grant (euros)"), _("e.g. 50000"))
    max_grant = euros(_("largest grant (euros)"), _("e.g. 500000"))
    opens_at = models.DateTimeField(_("opens"), help_text=_("Brussels time, e.g. 2027-01-15 09:00."))
    closes_at = models.DateTimeField(_("deadline"), help_text=_("Brussels time; no application is submitted after it, e.g. 2027-03-31 17:00."))
    sub_objectives = models.ManyToManyField(
        "strategy.Objective", related_name="calls", verbose_name=_("eligible sub-objectives"), limit_choices_to={"parent__isnull": False}
    )
    audiences = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="calls_for_audience", verbose_name=_("target audiences"),
        limit_choices_to={"vocabulary": Vocabulary.AUDIENCE},
    )  # fmt: skip
    regions = models.ManyToManyField(
        "vocabularies.Term", blank=True, related_name="calls_in_region", verbose_name=_("regions"),
        limit_choices_to={"vocabulary": Vocabulary.REGION},
    )  # fmt: skip
    score_max = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Reviewers score each criterion from 0 to this, e.g. 5."),
    )  # fmt: skip
    gap_weight = models.PositiveSmallIntegerField(
        _("weight of the gaps (%)"), default=0, validators=[MaxValueValidator(100)],
        help_text=_("How much of the ranking's total the gaps an application would fill count for, in percent, e.g. 20; 0 ranks on the scores alone."),
    )  # fmt: skip
    published = models.BooleanField(_("published"), default=False, help_text=_("Shown on the portal and open to applications in its window."))

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("call for projects")
        verbose_name_plural = _("calls for projects")
        ordering = ["-closes_at"]

    def __str__(self):
        return str(self.text("title")) or self.slug

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The deadline must come after the opening.")}, code="closes_before_opening")
        if self.min_grant is not None and self.max_grant is not None and self.min_grant > self.max_grant:
            raise ValidationError({"max_grant": _("The largest grant cannot be smaller than the smallest.")}, code="grants_reversed")
        if self.max_grant is not None and self.budget is not None and self.max_grant > self.budget:
            raise ValidationError({"max_grant": _("The largest grant cannot exceed the budget.")}, code="grant_over_budget")

    def get_absolute_url(self):
        return reverse("calls:detail", args=[self.slug])

    @property
    def year(self):
        return timezone.localtime(self.closes_at).year

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.published and self.opens_at <= now < self.closes_at

    def has_closed(self, now=None):
        return (now or timezone.now()) >= self.closes_at


class Criterion(TranslatableModel):
    """A selection criterion of a call, with its weight and what each score means."""

    call = models.ForeignKey(Call, models.CASCADE, related_name="criteria", verbose_name=_("call"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = TranslatedTextField(_("criterion"), max_length=200, help_text=_("e.g. Reach among girls and women"))
    guidance = TranslatedTextField(
        _("scoring guidance"), max_length=2000, multiline=True, help_text=_("What a low and a high score mean, e.g. 0: no women reached; 5: most participants are women.")
    )
    weight = models.PositiveSmallIntegerField(_("weight"), validators=[MinValueValidator(1), MaxValueValidator(100)], help_text=_("Its share of the total, e.g. 30."))

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "position", "pk"]

    def __str__(self):
        return str(self.text("name")) or str(self.pk)


class CallRole(models.Model):
    """Someone reviews or manages one call; moderators grant it in the back office."""

    class Role(models.TextChoices):
        REVIEWER = "reviewer", _("reviewer")
        MANAGER = "manager", _("manager")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="call_roles", verbose_name=_("account"))
    call = models.ForeignKey(Call, models.CASCADE, related_name="roles", verbose_name=_("call"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)

    class Meta:
        verbose_name = _("role in a call")
        verbose_name_plural = _("roles in calls")
        constraints = [models.UniqueConstraint(fields=["user", "call", "role"], name="call_role_unique")]

    def __str__(self):
        return f"{self.user.get_username()}: {self.get_role_display()} – {self.call}"


def has_role(user, call, role):
    return user.is_authenticated and CallRole.objects.filter(user=user, call=call, role=role).exists()


class ApplicationQuerySet(models.QuerySet):
    def of_organisations(self, user):
        """The applications of the organisations ``user`` speaks for (partner memberships), in every state."""
        from widmonitor.partners.models import PartnerMembership

        return self.filter(organisation__in=PartnerMembership.objects.filter(user=user).values("organisation_id"))

    def handed_in(self):
        return self.exclude(status=Application.Status.DRAFT)

    def reviewable_by(self, user, call):
        """The submitted applications of ``call`` that ``user`` may read: she reviews or manages it, and a
        reviewer who is not its manager has declared no conflict with the application or its organisation,
        nor is a partner of that organisation."""
        if not user.is_authenticated:
            return self.none()
        roles = set(CallRole.objects.filter(user=user, call=call).values_list("role", flat=True))
        queryset = self.handed_in().filter(call=call)
        if CallRole.Role.MANAGER in roles:
            return queryset
        if CallRole.Role.REVIEWER not in roles:
            return self.none()
        from widmonitor.partners.models import PartnerMembership

        conflicts = Conflict.objects.filter(reviewer=user, call=call)
        own = PartnerMembership.objects.filter(user=user).values("organisation_id")  # she speaks for it: a conflict without saying so
        return (
            queryset.exclude(pk__in=conflicts.exclude(application=None).values("application_id"))
            .exclude(organisation__in=conflicts.exclude(organisation=None).values("organisation_id"))
            .exclude(organisation__in=own)
        )

    def funded(self):
        return self.filter(status=Application.Status.FUNDED, call__published=True)


class Application(models.Model):
    """An organisation's application to a call: a draft until submitted, then reviewed and decided."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("application", "draft")
        SUBMITTED = "submitted", pgettext_lazy("application", "submitted")
        FUNDED = "funded", _("funded")
        NOT_FUNDED = "not-funded", _("not funded")

    call = models.ForeignKey(Call, models.PROTECT, related_name="applications", verbose_name=_("call"))
    organisation = models.ForeignKey("actors.Organisation", models.PROTECT, related_name="applications", verbose_name=_("organisation"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="call_applications", verbose_name=_("applicant")
    )
    title = models.CharField(_("project title"), max_length=300, help_text=_("e.g. Coding clubs for girls in Hainaut libraries"))
    language = ContentLanguageField(_("language of the application"), help_text=_("The language you write the project in, e.g. fr."))
    summary = models.TextField(_("project description"), max_length=8000, help_text=_("What you will do, for whom, where and when."))
    budget = euros(_("amount requested (euros)"), _("e.g. 120000"))
    sub_objectives = models.ManyToManyField("strategy.Objective", related_name="applications", verbose_name=_("sub-objectives"))
    audiences = models.ManyToManyField(
        "vocabularies.Term", related_name="applications_for_audience", verbose_name=_("target audiences"),
        limit_choices_to={"vocabulary": Vocabulary.AUDIENCE},
    )  # fmt: skip
    regions = models.ManyToManyField(
        "vocabularies.Term", related_name="applications_in_region", verbose_name=_("regions"),
        limit_choices_to={"vocabulary": Vocabulary.REGION},
    )  # fmt: skip
    expected_participants = models.PositiveIntegerField(_("expected participants"), validators=[MaxValueValidator(1_000_000)], help_text=_("Over the whole project, e.g. 600."))
    expected_women = models.PositiveIntegerField(_("of whom women and girls"), validators=[MaxValueValidator(1_000_000)], help_text=_("At most the participants, e.g. 450."))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    amount = euros(_("amount granted (euros)"), _("e.g. 100000"), null=True, blank=True)
    reasons = models.TextField(_("reasons for the decision"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    initiative = models.OneToOneField(
        "initiatives.Initiative", models.SET_NULL, null=True, blank=True, related_name="funding", verbose_name=_("initiative")
    )
    history = HistoricalRecords(m2m_fields=[sub_objectives, audiences, regions])

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["call", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.expected_women is not None and self.expected_participants is not None and self.expected_women > self.expected_participants:
            raise ValidationError({"expected_women": _("At most the expected participants.")}, code="more_women_than_participants")
        if self.budget is not None and self.call_id and not self.call.min_grant <= self.budget <= self.call.max_grant:
            raise ValidationError(
                {"budget": _("This call funds %(min)s to %(max)s euros per project.")},
                code="budget_outside_call",
                params={"min": self.call.min_grant, "max": self.call.max_grant},
            )

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    def check_editable(self, now=None):
        if not self.is_draft:
            raise ValidationError(_("This application was submitted; it can no longer be changed."), code="already_submitted")
        if self.call.has_closed(now):
            raise ValidationError(_("The call's deadline has passed; the application can no longer be changed or submitted."), code="deadline_passed")

    def submit(self, now=None):
        """Hand the draft in; refused once the deadline has passed or before the call opens."""
        now = now or timezone.now()
        self.check_editable(now)
        if not self.call.is_open(now):
            raise ValidationError(_("The call is not open for applications."), code="call_not_open")
        self.status, self.submitted_at = self.Status.SUBMITTED, now
        self._change_reason = "submitted"
        self.save()

    def decide(self, manager, funded, reasons, amount=None, now=None):
        """The manager's decision, once, after the deadline; a funded project becomes an initiative for moderation."""
        from .funding import create_initiative

        now = now or timezone.now()
        if not reasons.strip():
            raise ValidationError(_("Give the reasons for the decision."), code="reasons_required")
        if not self.call.has_closed(now):
            raise ValidationError(_("Decisions are taken after the deadline."), code="before_deadline")
        if funded and (amount is None or not self.call.min_grant <= amount <= min(self.call.max_grant, self.budget)):
            raise ValidationError(
                _("The amount must be between %(min)s and %(max)s euros (the call's smallest grant, and at most what was requested)."),
                code="amount_outside",
                params={"min": self.call.min_grant, "max": min(self.call.max_grant, self.budget)},
            )
        with transaction.atomic():
            current = Application.objects.select_for_update().get(pk=self.pk)
            if current.status != self.Status.SUBMITTED:
                raise ValidationError(_("This application was already decided: %(status)s."), code="already_decided", params={"status": current.get_status_display()})
            self.status = self.Status.FUNDED if funded else self.Status.NOT_FUNDED
            self.amount = amount if funded else None
            self.reasons, self.decided_by, self.decided_at = reasons.strip(), manager, now
            if funded:
                self.initiative = create_initiative(self, manager)
            self._change_reason = "decided"
            self.save()

    def cell_codes(self):
        """``(sub-objective codes, audience codes, region codes)`` the application says it serves."""
        return (
            sorted(self.sub_objectives.values_list("code", flat=True)),
            list(self.audiences.values_list("code", flat=True)),
            list(self.regions.values_list("code", flat=True)),
        )


class Conflict(models.Model):
    """A reviewer's declared conflict of interest with one application or with an organisation (all its applications)."""

    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="call_conflicts", verbose_name=_("reviewer"))
    call = models.ForeignKey(Call, models.CASCADE, related_name="conflicts", verbose_name=_("call"))
    application = models.ForeignKey(Application, models.CASCADE, null=True, blank=True, related_name="conflicts", verbose_name=_("application"))
    organisation = models.ForeignKey(
        "actors.Organisation", models.CASCADE, null=True, blank=True, related_name="call_conflicts", verbose_name=_("organisation")
    )
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(application__isnull=False, organisation__isnull=True) | models.Q(application__isnull=True, organisation__isnull=False),
                name="conflict_names_one_thing",
            )
        ]

    def __str__(self):
        return f"{self.reviewer.get_username()}: {self.application or self.organisation}"


class Score(models.Model):
    """A reviewer's score of one criterion of one application, with her comment."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="scores", verbose_name=_("application"))
    criterion = models.ForeignKey(Criterion, models.CASCADE, related_name="scores", verbose_name=_("criterion"))
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="call_scores", verbose_name=_("reviewer"))
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), max_length=4000, blank=True)
    updated_at = models.DateTimeField(_("scored"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["application", "criterion", "reviewer"], name="score_unique")]

    def __str__(self):
        return f"{self.application} / {self.criterion}: {self.value}"
