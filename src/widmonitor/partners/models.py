"""Partner accounts and what partners propose: who belongs to which organisation, and edits awaiting a moderator."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from widmonitor.initiatives.models import RELATIONS, Initiative
from widmonitor.initiatives.writes import save_initiative

from .changes import WHOLE, Change, applied, differences, history_since, overlap

SUBMISSIONS_PER_HOUR = 20  # new initiatives, proposals and outcomes together, per partner (limits.py)
RESETS_PER_HOUR = 5  # password reset requests, per address (views.PasswordResetView)
PROPOSED_FIELDS = ("original_language", "title", "summary", "starts", "ends", "url", "cost")  # besides RELATIONS


class MembershipQuerySet(models.QuerySet):
    def organisation_ids(self, user):
        return set(self.filter(user=user).values_list("organisation_id", flat=True))


class PartnerMembership(models.Model):
    """A partner account speaks for an organisation: she may submit and propose edits for its initiatives."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships", verbose_name=_("partner")
    )
    organisation = models.ForeignKey(
        "actors.Organisation", models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner membership")
        verbose_name_plural = _("partner memberships")
        ordering = ["user__username", "organisation__slug"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="partner_membership_unique")]

    def __str__(self):
        return f"{self.user.get_username()} – {self.organisation}"


class MailLanguage(models.Model):
    """The interface language an account's e-mails are written in: chosen at invitation, then the one she last used.

    Partners and experts alike; kept here because partner accounts came first.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, primary_key=True, related_name="mail_language", verbose_name=_("account")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, help_text=_("e.g. nl"))

    class Meta:
        verbose_name = _("e-mail language")
        verbose_name_plural = _("e-mail languages")

    def __str__(self):
        return f"{self.user.get_username()}: {self.language}"


def language_of(user):
    """The language to write to ``user`` in; the site's default if she never chose one."""
    stored = MailLanguage.objects.filter(user=user).values_list("language", flat=True).first()
    return stored or settings.LANGUAGE_CODE


def remember_language(user, language):
    if language in dict(settings.LANGUAGES) and language_of(user) != language:
        MailLanguage.objects.update_or_create(user=user, defaults={"language": language})


def initiatives_of(user):
    """The initiatives of ``user``'s organisations, in every moderation state."""
    organisations = PartnerMembership.objects.filter(user=user).values("organisation_id")
    return Initiative.objects.filter(organisations__in=organisations).distinct()


class Proposal(models.Model):
    """A partner's edit of a record, kept aside until a moderator accepts it; the record is unchanged until then."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    initiative = models.ForeignKey(Initiative, models.CASCADE, related_name="proposals", verbose_name=_("initiative"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="proposals", verbose_name=_("author")
    )
    data = models.JSONField(
        _("proposed values"),
        help_text=_('The proposed fields, e.g. {"url": "https://example.org", "regions": [3]}; relations as ids.'),
    )
    seen_version = models.PositiveIntegerField(_("version seen"), help_text=_("The record's version the partner edited."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("message to the partner"), blank=True, help_text=_("e.g. Please give the web address."))
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Proposal #%(number)s") % {"number": self.pk}

    def changes(self):
        """``[(field name, now, after accepting)]`` for the fields accepting would change, values as stored."""
        current = proposal_data(self.initiative)
        seen, _later = self.history()
        after = applied(self.units(seen), self.data, current)
        return [(name, current.get(name), value) for name, value in after.items() if current.get(name) != value]

    def history(self):
        """``(the record as the partner saw it, [Change since])``; the record now if its history lacks that version."""
        seen, later = history_since(self.initiative, self.seen_version, PROPOSED_FIELDS)
        if seen is None and self.initiative.version == self.seen_version:
            seen = proposal_data(self.initiative)
        elif seen is None:  # any later save may have changed what it changes
            later = [Change("", self.initiative.updated_at, "", frozenset(self.units(None)))]
        return seen, later

    def conflicts(self, seen, later):
        """Sentences naming each later save of a field or language this proposal changes (``history()``'s values)."""
        units = self.units(seen)
        return [change.sentence(overlap(units, change.units)) for change in later if overlap(units, change.units)]

    def units(self, seen):
        """The fields and languages this proposal changes in the record as the partner saw it (all, if unknown)."""
        if seen is None:
            return {(name, WHOLE) for name in self.data}
        return differences(seen, self.data, self.data)

    def accept(self, moderator, message=""):
        """Apply the fields and languages the proposal changes onto the record as it is now: one history entry.

        Refused, naming who changed what and when, if the record changed in one of them since the partner saw it.
        """
        with transaction.atomic():
            self.status = Proposal.objects.select_for_update().values_list("status", flat=True).get(pk=self.pk)
            self._check_pending()
            self.initiative = initiative = Initiative.objects.select_for_update().get(pk=self.initiative_id)
            seen, later = self.history()
            self._check_unchanged(seen, later)
            values = applied(self.units(seen), self.data, proposal_data(initiative))
            for name, value in values.items():
                if name in PROPOSED_FIELDS:
                    setattr(initiative, name, value)
            reason = _("Proposal #%(number)s by %(partner)s accepted") % {
                "number": self.pk,
                "partner": self.author.get_username() if self.author else "?",
            }
            relations = {name: value for name, value in values.items() if name in RELATIONS}
            save_initiative(initiative, relations, moderator, str(reason))
            self._decide(self.Status.ACCEPTED, moderator, message)

    def _check_unchanged(self, seen, later):
        conflicts = self.conflicts(seen, later)
        if conflicts:
            raise ValidationError(
                _(
                    "Proposal #%(number)s is not applied, as its record changed since the partner made it: "
                    "%(changes)s. Reject it, or ask the partner to propose again on the record as it is now."
                ),
                code="record_changed",
                params={"number": self.pk, "changes": "; ".join(conflicts)},
            )

    def reject(self, moderator, message):
        self._check_pending()
        if not message.strip():
            raise ValidationError(_("Tell the partner why the proposal is rejected."), code="message_required")
        self._decide(self.Status.REJECTED, moderator, message)

    def _check_pending(self):
        if self.status != self.Status.PENDING:
            raise ValidationError(
                _("Proposal #%(number)s was already %(status)s."),
                code="already_decided",
                params={"number": self.pk, "status": self.get_status_display()},
            )

    def _decide(self, status, moderator, message):
        self.status, self.decided_by, self.decided_at, self.message = status, moderator, timezone.now(), message
        self.save(update_fields=["status", "decided_by", "decided_at", "message"])


class CompletionReminder(models.Model):
    """An e-mail inviting a partner to complete her organisations' records: at most one a month each (``partners.reminders``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="completion_reminders", verbose_name=_("partner")
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("sent by")
    )
    records = models.PositiveIntegerField(_("records to complete"), help_text=_("How many of her records the e-mail listed, e.g. 7."))

    class Meta:
        verbose_name = _("completion reminder")
        verbose_name_plural = _("completion reminders")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.user.get_username()} {timezone.localtime(self.sent_at):%Y-%m-%d}"


def proposal_data(initiative):
    """The proposable fields of ``initiative`` as a proposal stores them: texts as dicts, relations as sorted ids."""
    data = {name: getattr(initiative, name) for name in PROPOSED_FIELDS}
    for name in RELATIONS:
        data[name] = sorted(getattr(initiative, name).values_list("pk", flat=True))
    return data
