"""What waits for a moderator: proposals, submitted initiatives and outcomes (oldest first), editions to publish,
and the least complete records; each line links to the back office page where she acts.

The back office's first page shows it (``back_office.BackOfficeSite.index``); the daily e-mail counts it
(``digest``). A user sees only the sections her permissions let her act on.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from widmonitor.events.models import Event, EventOutcome
from widmonitor.initiatives import completeness
from widmonitor.initiatives.models import Initiative
from widmonitor.partners.models import Proposal
from widmonitor.reach.models import Outcome
from widmonitor.reports.build import report_years
from widmonitor.reports.models import Edition
from widmonitor.vocabularies.choices import Moderation


SHOWN = 10  # lines per section; a link leads to all of them


@dataclass(frozen=True)
class Line:
    """One thing to do: what (``text``, linked to ``url``, where the moderator acts), a ``detail``, and since when."""

    text: str
    url: str
    detail: str = ""
    since: datetime.datetime | None = None


@dataclass(frozen=True)
class Section:
    """``total`` things of one kind, ``lines`` the first of them, ``all_url`` the list of all (if the back office has
    one); ``someone_waits``: a partner waits for the answer."""

    key: str
    title: str
    lines: list
    total: int
    all_url: str
    empty: str
    someone_waits: bool = True

    @property
    def oldest(self):
        return self.lines[0].since if self.lines else None


def dashboard_for(user, today=None):
    """The sections ``user`` may act on, in the order of her day: answers first, then publishing, then the records."""
    makers = (
        ("partners.change_proposal", proposals),
        ("initiatives.change_initiative", submissions),
        ("reach.change_outcome", outcomes),
        ("events.change_event", events),
        ("events.change_eventoutcome", event_outcomes),
        ("reports.add_edition", lambda: editions(today or timezone.localdate())),
        ("initiatives.change_initiative", incomplete),
    )
    return [make() for permission, make in makers if user.has_perm(permission)]


def changelist(name, **filters):
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    return reverse(f"admin:{name}_changelist") + (f"?{query}" if query else "")


def proposals():
    waiting = Proposal.objects.filter(status=Proposal.Status.PENDING).select_related("initiative", "author").order_by("created_at", "pk")
    lines = [
        Line(
            _("Proposal #%(number)s: %(initiative)s") % {"number": proposal.pk, "initiative": proposal.initiative},
            reverse("admin:partners_proposal_change", args=[proposal.pk]),
            _("by %(partner)s") % {"partner": proposal.author.get_username()} if proposal.author else "",
            proposal.created_at,
        )
        for proposal in waiting[:SHOWN]
    ]
    return Section(
        "proposals", _("Proposals to decide"), lines, waiting.count(), changelist("partners_proposal", status__exact="pending"),
        _("No proposal waits."),
    )


def submissions():
    waiting = Initiative.objects.filter(moderation=Moderation.SUBMITTED).select_related("created_by").order_by("created_at", "pk")
    lines = [
        Line(
            str(initiative),
            reverse("admin:initiatives_initiative_change", args=[initiative.pk]),
            _("by %(partner)s") % {"partner": initiative.created_by.get_username()} if initiative.created_by else "",
            initiative.created_at,
        )
        for initiative in waiting[:SHOWN]
    ]
    return Section(
        "submissions", _("Submitted initiatives to publish or reject"), lines, waiting.count(),
        changelist("initiatives_initiative", moderation__exact=Moderation.SUBMITTED), _("No submitted initiative waits."),
    )


def outcomes():
    waiting = Outcome.objects.filter(status=Outcome.Status.PENDING).select_related("initiative", "entered_by").order_by("created_at", "pk")
    lines = [
        Line(
            _("Outcome #%(number)s (%(year)s): %(initiative)s") % {"number": outcome.pk, "year": outcome.year, "initiative": outcome.initiative},
            reverse("admin:reach_outcome_change", args=[outcome.pk]),
            _("by %(partner)s") % {"partner": outcome.entered_by.get_username()} if outcome.entered_by else "",
            outcome.created_at,
        )
        for outcome in waiting[:SHOWN]
    ]
    return Section(
        "outcomes", _("Outcomes (reach) to accept or reject"), lines, waiting.count(),
        changelist("reach_outcome", status__exact=Outcome.Status.PENDING), _("No outcome waits."),
    )


def events():
    waiting = Event.objects.filter(moderation=Moderation.SUBMITTED).select_related("created_by").order_by("created_at", "pk")
    lines = [
        Line(
            str(event),
            reverse("admin:events_event_change", args=[event.pk]),
            _("by %(partner)s") % {"partner": event.created_by.get_username()} if event.created_by else "",
            event.created_at,
        )
        for event in waiting[:SHOWN]
    ]
    return Section(
        "events", _("Submitted events to publish or reject"), lines, waiting.count(),
        changelist("events_event", moderation__exact=Moderation.SUBMITTED), _("No submitted event waits."),
    )


def event_outcomes():
    waiting = EventOutcome.objects.filter(status=EventOutcome.Status.PENDING).select_related("event", "entered_by")
    waiting = waiting.order_by("created_at", "pk")
    lines = [
        Line(
            _("Outcome #%(number)s of the event %(event)s") % {"number": outcome.pk, "event": outcome.event},
            reverse("admin:events_eventoutcome_change", args=[outcome.pk]),
            _("by %(partner)s") % {"partner": outcome.entered_by.get_username()} if outcome.entered_by else "",
            outcome.created_at,
        )
        for outcome in waiting[:SHOWN]
    ]
    return Section(
        "event-outcomes", _("Outcomes of events to accept or reject"), lines, waiting.count(),
        changelist("events_eventoutcome", status__exact=EventOutcome.Status.PENDING), _("No outcome of an event waits."),
    )


def years_to_publish(today):
    """The years of the strategy that have ended since its latest published edition (all of them if none is)."""
    published = set(Edition.objects.published().values_list("year", flat=True))
    latest = max(published, default=None)
    return [year for year in report_years() if year < today.year and (latest is None or year > latest)]


def editions(today):
    withdrawn = set(Edition.objects.filter(published_at__isnull=True).values_list("year", flat=True))
    lines = []
    for year in years_to_publish(today):
        ended = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
        if year in withdrawn:  # its row exists: publishing again is an action of the list
            url, detail = changelist("reports_edition"), _("withdrawn; publish it again from the list")
        else:
            url, detail = reverse("admin:reports_edition_add") + f"?year={year}", _("the year has ended")
        lines.append(Line(_("Annual report %(year)s") % {"year": year}, url, detail, ended))
    return Section(
        "editions", _("Editions to publish"), lines[:SHOWN], len(lines), changelist("reports_edition"),
        _("Every ended year since the latest edition is published."), someone_waits=False,
    )


def incomplete():
    """The records (not rejected) that miss most of the facts a visitor needs (``initiatives.completeness``)."""
    records = Initiative.objects.counted().with_completeness().filter(**{f"{completeness.COUNT}__lt": len(completeness.FIELDS)})
    lines = [
        Line(
            str(record),
            reverse("admin:initiatives_initiative_change", args=[record.pk]),
            _("missing: %(fields)s") % {"fields": ", ".join(str(label) for label in record.completeness().missing_labels())},
        )
        for record in records.order_by(completeness.COUNT, "created_at", "pk")[:SHOWN]
    ]
    total = records.count()
    return Section(
        "incomplete", _("Least complete records"), lines, total, reverse("admin:initiatives_initiative_changelist"),
        _("No record lacks any of these."), someone_waits=False,
    )
