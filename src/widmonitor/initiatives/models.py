import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.models import HistoricalRecords

from widmonitor.strategy.models import Objective
from widmonitor.translated_fields import TranslatableModel, TranslatedTextField
from widmonitor.vocabularies.choices import Cost, Moderation, Sector, Status, Vocabulary
from widmonitor.vocabularies.models import Term

from . import completeness
from .periods import RUNNING, bounds, ends_before_starts, evidence, validate_partial_date, year_days

SECTION_NUMBER = re.compile(r"^\d+(\.\d+)*$")  # 5, 5.1.2: a section of a document, as its reader can look it up
RELATIONS = ("organisations", "objectives", "audiences", "regions", "languages", "formats", "digcomp")
TERM_RELATIONS = {
    "audiences": Vocabulary.AUDIENCE,
    "regions": Vocabulary.REGION,
    "languages": Vocabulary.LANGUAGE,
    "formats": Vocabulary.FORMAT,
    "digcomp": Vocabulary.DIGCOMP,
}
REPORTED = "accepted"  # reach.models.Outcome.Status.ACCEPTED: the reach app builds on this one, not the reverse


def terms_of(vocabulary, related_name, verbose_name):
    """A relation to the terms of one controlled list."""
    return models.ManyToManyField(
        "vocabularies.Term",
        blank=True,
        limit_choices_to={"vocabulary": vocabulary},
        related_name=related_name,
        verbose_name=verbose_name,
    )


def section_order(section):
    """5.1.2 before 5.10: numbers compared as numbers (any other part after them, as text)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in section.split("."))


def period_outside(first, last):
    """The records whose period excludes the days ``first`` to ``last`` (``periods.OUTSIDE``), as a Q."""
    return models.Q(starts_on__gt=last) | models.Q(ends_on__lt=first)


def period_running(first, last):
    """The records whose period proves they ran on some of the days ``first`` to ``last`` (``periods.RUNNING``)
    once the ``period_outside`` ones are left out, as a Q."""
    open_ended_or_started_then = ~models.Q(status=Status.COMPLETED) | models.Q(starts_on__gte=first)
    return (
        models.Q(starts_on__isnull=False, ends_on__isnull=False)
        | (models.Q(starts_on__isnull=False, ends_on__isnull=True) & open_ended_or_started_then)
        | models.Q(starts_on__isnull=True, ends_on__lte=last)
    )


def shown_status(day, starts_on, ends_on, stored):
    """The status the portal shows on ``day``: it never claims "ongoing" without evidence.

    Completed: the record says so, or its end has passed. Planned: its start is still to
    come, or the record says planned and its period does not show it running. Ongoing: its
    period shows it running on ``day`` (``periods.evidence``: started and not ended, or started,
    open-ended and not completed). Unknown otherwise, also for a stored "ongoing" that no date
    supports: the stored status has no date, so it cannot say the record runs today.
    """
    if stored == Status.COMPLETED or (ends_on and ends_on < day):
        return Status.COMPLETED
    if starts_on and starts_on > day:
        return Status.PLANNED
    if evidence(day, day, starts_on, ends_on, completed=False) == RUNNING:
        return Status.ONGOING
    return Status.PLANNED if stored == Status.PLANNED else Status.UNKNOWN


class InitiativeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(moderation=Moderation.PUBLISHED)

    def counted(self):
        """The records that count in analyses: all but the rejected ones."""
        return self.exclude(moderation=Moderation.REJECTED)

    def serving(self, objective):
        """Initiatives linked to ``objective``, or (for an objective) to any of its sub-objectives."""
        links = Initiative.objectives.through.objects.filter(
            models.Q(objective=objective) | models.Q(objective__parent=objective)
        )
        return self.filter(pk__in=links.values("initiative_id"))

    def counts_by_objective(self, objectives):
        """``{objective pk: how many of these initiatives serve it}`` (an objective: itself or a sub-objective), in one query."""
        parents = {o.pk: o.parent_id for o in objectives}
        linked = {}
        links = Initiative.objectives.through.objects.filter(initiative__in=self, objective__in=list(parents))
        for objective_pk, initiative_pk in links.values_list("objective_id", "initiative_id"):
            linked.setdefault(objective_pk, set()).add(initiative_pk)
            if parents[objective_pk]:
                linked.setdefault(parents[objective_pk], set()).add(initiative_pk)
        return {pk: len(found) for pk, found in linked.items()}

    def with_terms(self, relation, codes):
        """Initiatives linked through ``relation`` (audiences, regions, ...) to a term of ``codes``."""
        if relation not in TERM_RELATIONS:
            raise ValueError(f"{relation!r} is not one of {', '.join(TERM_RELATIONS)}")
        model_field = Initiative._meta.get_field(relation)
        links = model_field.remote_field.through.objects.filter(**{f"{model_field.m2m_reverse_field_name()}__code__in": codes})
        return self.filter(pk__in=links.values(model_field.m2m_field_name()))

    def running_in_year(self, year):
        """The records that ran at some time in ``year``, on evidence; the registry's one rule for "running".

        Evidence is, first, the period (``periods.evidence``): it covers part of the year; or it
        started in or before the year and is open-ended (no end, and not completed); or, completed
        without an end, it started in the year; or, with only an end, it ended in the year. Else,
        while the period does not exclude the year: being listed in that year's edition (a
        ``PublishedListEntry`` of a document whose id ends with the year, e.g. wid-report-2022), or
        an accepted reach outcome for the year (its organisation counted who took part). A record
        with no such evidence is not running: its period is not known (``period_unknown_in_year``).
        """
        first, last = year_days(year)
        return self.exclude(period_outside(first, last)).filter(period_running(first, last) | self._attested(year))

    def period_unknown_in_year(self, year):
        """The records neither running in ``year`` on evidence nor outside it by their period: shown apart, never counted."""
        first, last = year_days(year)
        return self.exclude(period_outside(first, last)).exclude(period_running(first, last)).exclude(self._attested(year))

    def _attested(self, year):
        listed = PublishedListEntry.objects.filter(published_list__document__endswith=f"{year:04d}")
        reported = Initiative.objects.filter(outcomes__year=year, outcomes__status=REPORTED)
        return models.Q(pk__in=listed.values("initiative_id")) | models.Q(pk__in=reported.values("pk"))

    def with_completeness(self):
        """Annotated with whether each record says each field of ``completeness.FIELDS`` and how many it says."""
        says = completeness.said(Initiative)
        annotated = self.annotate(**{completeness.annotation_name(key): expression for key, expression in says.items()})
        count = sum(
            (models.Case(models.When(models.Q(**{completeness.annotation_name(key): True}), then=1), default=0) for key in says),
            models.Value(0),
        )
        return annotated.annotate(**{completeness.COUNT: count})

    def least_complete_first(self):
        return self.with_completeness().order_by(completeness.COUNT, "uid")

    def missing(self, key):
        """The records that do not say the field ``key`` of ``completeness.FIELDS``."""
        return self.with_completeness().filter(**{completeness.annotation_name(key): False})

    def publish(self, user, reason=""):
        """Publish the records not yet published; one history entry each, naming ``user``. Returns how many."""
        return self._moderate(Moderation.PUBLISHED, user, reason or _("Published"))

    def reject(self, user, reason):
        """Reject the records not yet rejected, for ``reason`` (required); one history entry each."""
        if not str(reason).strip():
            raise ValidationError(_("Say why the initiatives are rejected."), code="reason_required")
        return self._moderate(Moderation.REJECTED, user, reason)

    def _moderate(self, state, user, reason):
        from .writes import save_initiatives  # the write path imports these models

        changed = list(self.exclude(moderation=state))
        for initiative in changed:
            initiative.moderation = state
        save_initiatives([(initiative, {}) for initiative in changed], user, str(reason))
        return len(changed)


class Initiative(TranslatableModel):
    uid = models.SlugField(
        _("identifier"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier used in imports and links, e.g. coderdojo-belgium."),
    )
    title = TranslatedTextField(_("title"), max_length=300, help_text=_("e.g. CoderDojo: free coding clubs for children"))
    summary = TranslatedTextField(_("summary"), max_length=4000, multiline=True)
    organisations = models.ManyToManyField(
        "actors.Organisation", blank=True, related_name="initiatives", verbose_name=_("organisations")
    )
    sector = models.CharField(
        _("sector type"),
        max_length=10,
        choices=Sector.choices,
        default=Sector.UNKNOWN,
        help_text=_("Who runs it: public, private or mixed. Leave unknown unless the source says which."),
    )
    objectives = models.ManyToManyField(
        "strategy.Objective",
        blank=True,
        related_name="initiatives",
        verbose_name=_("objectives and sub-objectives"),
    )
    audiences = terms_of(Vocabulary.AUDIENCE, "initiatives_for_audience", _("target audiences"))
    regions = terms_of(Vocabulary.REGION, "initiatives_in_region", _("regions"))
    languages = terms_of(Vocabulary.LANGUAGE, "initiatives_in_language", _("languages"))
    formats = terms_of(Vocabulary.FORMAT, "initiatives_of_format", _("formats"))
    digcomp = models.ManyToManyField(
        "vocabularies.Term",
        blank=True,
        limit_choices_to={"vocabulary": Vocabulary.DIGCOMP},
        related_name="initiatives_developing",
        verbose_name=_("DigComp 2.2 areas and competences"),
        help_text=_(
            "What it develops, only where its description says so: an area (e.g. 3 Digital content creation) "
            "or a competence (e.g. 3.4 Programming). The self-check proposes it to people who want to improve them."
        ),
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.UNKNOWN)
    starts = models.CharField(
        _("starts"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021 or 2022-09."),
    )
    ends = models.CharField(
        _("ends"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY, YYYY-MM or YYYY-MM-DD; empty if open-ended."),
    )
    starts_on = models.DateField(_("first day"), null=True, editable=False, help_text=_("Derived from starts."))
    ends_on = models.DateField(_("last day"), null=True, editable=False, help_text=_("Derived from ends."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.UNKNOWN)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    contact_name = models.CharField(
        _("contact person"), max_length=200, blank=True, help_text=_("Private: never shown publicly or exported.")
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Private: never shown publicly or exported.")
    )
    source_document = models.CharField(
        _("source document"), max_length=300, blank=True, help_text=_("e.g. Women in Digital report 2022")
    )
    source_section = models.CharField(_("source section"), max_length=100, blank=True, help_text=_("e.g. 5.1.2"))
    provenance_note = models.TextField(
        _("provenance note"),
        blank=True,
        help_text=_("How the record was derived, e.g. sub-objectives assigned by judgment of the working group."),
    )
    moderation = models.CharField(
        _("moderation state"), max_length=10, choices=Moderation.choices, default=Moderation.DRAFT
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Counts the saves; an import refuses a row from an older one.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    history = HistoricalRecords(m2m_fields=RELATIONS)
    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["uid"]

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
        try:
            if ends_before_starts(self.starts, self.ends):
                errors["ends"] = ValidationError(
                    _("The end (%(ends)s) comes before the start (%(starts)s)."),
                    code="ends_before_starts",
                    params={"ends": self.ends, "starts": self.starts},
                )
        except ValueError:
            pass  # the field validators report a malformed date itself
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.derive()
        if not self._state.adding:
            self.version += 1
        super().save(*args, **kwargs)

    def derive(self):
        """Set what is computed from the record's own fields: its identifier if new, its period's bounds."""
        if not self.uid:
            self.uid = self.unique_uid(self.title.get("en") or self.text("title").text)
        self.starts_on, self.ends_on = bounds(self.starts, self.ends)

    def status_on(self, day=None):
        """The status shown on ``day`` (default today), from the period and the stored status (``shown_status``)."""
        return shown_status(day or timezone.localdate(), self.starts_on, self.ends_on, self.status)

    def completeness(self):
        """Which facts a visitor needs the record does not say, and its share (``completeness.Completeness``).

        Read from the ``with_completeness`` annotations where the queryset made them, else from the record.
        """
        names = {key: completeness.annotation_name(key) for key, _label in completeness.FIELDS}
        if all(hasattr(self, name) for name in names.values()):
            return completeness.Completeness.of({key: getattr(self, name) for key, name in names.items()})
        says = {
            "link": bool(self.url),
            "cost": self.cost != Cost.UNKNOWN,
            "period": bool(self.starts or self.ends),
            **{key: self.pk is not None and getattr(self, relation).exists() for key, relation in completeness.RELATION_OF.items()},
        }
        return completeness.Completeness.of(says)

    def source_sentence(self):
        """Where the record comes from, for the public: one sentence in the active language, or "".

        "Listed in “Women in Digital – Rapport 2022 (FOD Economie)”, section 5.1.2." from its listings in
        the report's lists (else the section numbers of ``source_section``); "Named in “…”." when no
        section number is known. Never the ``provenance_note``, which is the curators' and stays in the
        back office, nor a ``source_section`` that is not a section number (a curator's pointer).
        """
        if not self.source_document:
            return ""
        listed = set(self.listings.values_list("published_list__section", flat=True))
        sections = listed or {part.strip() for part in self.source_section.split(",") if SECTION_NUMBER.match(part.strip())}
        params = {"document": self.source_document, "sections": ", ".join(sorted(sections, key=section_order))}
        if listed:
            return ngettext("Listed in “%(document)s”, section %(sections)s.", "Listed in “%(document)s”, sections %(sections)s.", len(sections)) % params
        if sections:
            return ngettext("Named in “%(document)s”, section %(sections)s.", "Named in “%(document)s”, sections %(sections)s.", len(sections)) % params
        return _("Named in “%(document)s”.") % params

    def implied_audiences(self):
        """``[(Term, [Objective, ...])]``: the audiences the strategy names for what this record serves and it
        does not state itself, each with the objectives naming it, in the audience list's order."""
        served = Objective.objects.current().filter(pk__in=self.objectives.values("pk")).select_related("parent")
        named = served.implied_audiences()
        stated = {term.code for term in self.audiences.all()}
        terms = Term.objects.of(Vocabulary.AUDIENCE).filter(code__in=set().union(*named.values()) - stated)
        return [(term, [o for o in served if term.code in named[o.pk]]) for term in terms]

    @classmethod
    def unique_uid(cls, text):
        base = slugify(text)[:70].strip("-") or "initiative"
        uid, n = base, 1
        while cls.objects.filter(uid=uid).exists():
            n += 1
            uid = f"{base}-{n}"
        return uid


class PublishedList(models.Model):
    """A list of initiatives as a report published it, with the counts the report stated.

    The stated counts are published figures, kept verbatim; widmonitor compares them
    with what it computes from the entries and their initiatives.
    """

    document = models.CharField(_("document"), max_length=100, help_text=_("e.g. wid-report-2022"))
    section = models.CharField(_("section"), max_length=20, help_text=_("e.g. 5.1.2"))
    objective = models.ForeignKey(
        "strategy.Objective", models.PROTECT, related_name="published_lists", verbose_name=_("objective")
    )
    stated_text = models.TextField(_("stated sentence"), help_text=_("The report's sentence with the counts, verbatim."))
    stated_total = models.PositiveSmallIntegerField(_("stated total"), null=True, blank=True)
    stated_private = models.PositiveSmallIntegerField(_("stated private"), null=True, blank=True)
    stated_public = models.PositiveSmallIntegerField(_("stated public"), null=True, blank=True)
    stated_mixed = models.PositiveSmallIntegerField(_("stated mixed"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, help_text=_("Why the entries and the stated counts differ."))

    class Meta:
        verbose_name = _("published list")
        verbose_name_plural = _("published lists")
        ordering = ["document", "objective__position"]
        constraints = [models.UniqueConstraint(fields=["document", "section"], name="published_list_unique")]

    def __str__(self):
        return f"{self.document} {self.section}"


class PublishedListEntry(models.Model):
    """One bullet of a published list, pointing at the initiative it describes; or an initiative the
    list counts in its text rather than as a bullet (``bullet`` False)."""

    published_list = models.ForeignKey(PublishedList, models.CASCADE, related_name="entries")
    position = models.PositiveSmallIntegerField(_("position"))
    initiative = models.ForeignKey(Initiative, models.PROTECT, related_name="listings", verbose_name=_("initiative"))
    text = models.TextField(_("bullet text"), help_text=_("The bullet as published, verbatim."))
    bullet = models.BooleanField(
        _("bullet"),
        default=True,
        help_text=_(
            "Unticked: the list counts this initiative in its text, not as a bullet, e.g. the mixed initiative "
            "that section 5.1 of the 2022 report describes after its bullets; the text is then that sentence."
        ),
    )
    audience_text = models.TextField(_("target audience as published"), blank=True)

    class Meta:
        verbose_name = _("published list entry")
        verbose_name_plural = _("published list entries")
        ordering = ["published_list", "position"]
        constraints = [
            models.UniqueConstraint(fields=["published_list", "position"], name="published_entry_position_unique")
        ]

    def __str__(self):
        return f"{self.published_list} #{self.position}"


class FactPage(models.Model):
    """A public page that states facts about initiatives or organisations, as a facts file
    (data/registry/facts/*.yaml) cites it: its address, title, publisher, date, language and kind."""

    class Kind(models.TextChoices):
        NEWS = "news", _("news article")
        OWN_SITE = "own-site", _("own website")
        EVENT_LISTING = "event-listing", _("event listing")
        PUBLIC_BODY = "public-body", _("public body's page")
        OTHER = "other", _("other page")

    source_file = models.CharField(_("facts file"), max_length=100, help_text=_("e.g. wid-report-2022-a.yaml"))
    key = models.SlugField(_("page id"), max_length=100, help_text=_("The page's id in its facts file, e.g. knack-coderdojo-2021-09."))
    url = models.URLField(_("address"), max_length=1000)
    title = models.CharField(_("title"), max_length=500, help_text=_("The page's title as it reads."))
    publisher = models.CharField(_("publisher"), max_length=200, help_text=_("e.g. Data News (Knack)"))
    date = models.CharField(
        _("date"), max_length=10, blank=True, validators=[validate_partial_date], help_text=_("The page's own date, e.g. 2021-09; empty if it shows none.")
    )
    language = models.CharField(_("language"), max_length=8, help_text=_("e.g. nl"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("public page")
        verbose_name_plural = _("public pages")
        ordering = ["source_file", "key"]
        constraints = [models.UniqueConstraint(fields=["source_file", "key"], name="fact_page_unique_key")]

    def __str__(self):
        return f"{self.publisher}: {self.title}"


class FactSearch(models.Model):
    """One record of a facts file: the search for public pages about an initiative or an
    organisation, on a day, and whether any page about it was found. Its facts hang from it."""

    source_file = models.CharField(_("facts file"), max_length=100)
    initiative = models.ForeignKey(
        Initiative, models.CASCADE, null=True, blank=True, related_name="fact_searches", verbose_name=_("initiative")
    )
    organisation = models.ForeignKey(
        "actors.Organisation", models.CASCADE, null=True, blank=True, related_name="fact_searches", verbose_name=_("organisation")
    )
    searched = models.DateField(_("searched on"))
    searched_for = models.CharField(_("searched for"), max_length=300, blank=True, help_text=_("The words looked for."))
    no_page_found = models.BooleanField(_("no public page found"), default=False)

    class Meta:
        verbose_name = _("search for public pages")
        verbose_name_plural = _("searches for public pages")
        ordering = ["source_file", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(initiative__isnull=False, organisation__isnull=True)
                | models.Q(initiative__isnull=True, organisation__isnull=False),
                name="fact_search_one_subject",
            )
        ]

    def __str__(self):
        return f"{self.source_file}: {self.initiative or self.organisation}"


class Fact(models.Model):
    """One field's value as one public page states it, with the short phrase that shows where.

    ``use`` says what the loader did with it: it filled a field the record had empty, it agrees
    with the record's own value, it differs from it (kept, reported, never applied), pages
    differ among themselves, or it has no field on the record (ages, places) and is shown as it is.
    """

    class Use(models.TextChoices):
        FILLED = "filled", _("filled an empty field")
        AGREES = "agrees", _("agrees with the record")
        DIFFERS = "differs", _("differs from the record")
        PAGES_DIFFER = "pages-differ", _("pages differ")
        SHOWN = "shown", _("shown as stated")

    search = models.ForeignKey(FactSearch, models.CASCADE, related_name="facts", verbose_name=_("search"))
    field = models.CharField(_("field"), max_length=20, help_text=_("e.g. cost"))
    value = models.JSONField(_("value"), help_text=_('As the page states it, e.g. "free" or ["flanders"].'))
    page = models.ForeignKey(FactPage, models.CASCADE, related_name="facts", verbose_name=_("page"))
    says = models.CharField(_("says"), max_length=300, blank=True, help_text=_("A short phrase of the page that shows the fact."))
    use = models.CharField(_("use"), max_length=20, choices=Use.choices, default=Use.SHOWN)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("public fact")
        verbose_name_plural = _("public facts")
        ordering = ["search", "position"]

    def __str__(self):
        return f"{self.field}: {self.value}"
