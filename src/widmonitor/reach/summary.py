"""The reach of the registry in one year, by sub-objective, objective, audience and age band: plain rows.

Only accepted outcomes of published initiatives count. Each row says how many published
initiatives are in its scope and how many of them reported at all, so a reader sees how much
of the registry the figures cover. An initiative serving several sub-objectives (or audiences)
counts in each of their rows: rows of one table do not add up to the total (``reach_total``).
A few queries per table, whatever the size of the registry.

The scope of a year is the published initiatives that ran in it on evidence
(``InitiativeQuerySet.running_in_year``), the rule the annual report counts by: an initiative
whose dates do not settle the year counts in it only if it is listed in that year's edition
or its organisation reported its reach for that year (an accepted outcome is itself evidence
that it ran). So "2 of 5 reported" means 2 of the 5 initiatives known to run that year.

``initiatives`` narrows the scope to some initiatives (a queryset or an iterable of
initiatives or their pks); unpublished ones, and those not running in the year, never count.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max

from widmonitor.initiatives.models import Initiative
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.models import Term

from .ages import AgeBand
from .models import Outcome, OutcomeByAge, share


@dataclass(frozen=True)
class ReachRow:
    subject: object  # an Objective, an audience Term, an AgeBand, or None for the whole scope
    initiatives: int  # published initiatives in scope
    reported: int  # of which with an accepted outcome for the year (for an age band: giving that band)
    participants: int
    women: int
    sessions: int | None  # the sum of the sessions given; None for age bands, which have none

    @property
    def women_share(self):
        return share(self.women, self.participants)


def in_scope(year, initiatives=None):
    """The published initiatives running in ``year``, narrowed to ``initiatives`` when given."""
    scope = Initiative.objects.published().running_in_year(year)
    if initiatives is None:
        return scope
    if hasattr(initiatives, "values"):
        return scope.filter(pk__in=initiatives.values("pk"))
    return scope.filter(pk__in=[getattr(item, "pk", item) for item in initiatives])


# What other apps add to an initiative's reach (the events app: its events' accepted outcomes), as pairs of
# functions of (year, scope): figures ``{initiative pk: (participants, women, sessions)}`` and age rows
# ``[(band, participants, women)]``. Registered by those apps when ready, so this app imports none of them.
_contributions = []


def register_contribution(figures, ages):
    if (figures, ages) not in _contributions:
        _contributions.append((figures, ages))


def accepted_figures(year, scope):
    """``{initiative pk: (participants, women, sessions)}`` of the accepted outcomes of ``year`` in ``scope``,
    with what the registered contributions add (an event counts as one session)."""
    outcomes = Outcome.objects.accepted().filter(year=year, initiative__in=scope)
    figures = {pk: (p, w, s) for pk, p, w, s in outcomes.values_list("initiative_id", "participants", "women_and_girls", "sessions")}
    for contribution, _ages in _contributions:
        for pk, (p, w, s) in contribution(year, scope).items():
            own = figures.get(pk, (0, 0, None))
            figures[pk] = (own[0] + p, own[1] + w, (own[2] or 0) + s)
    return figures


def row(subject, initiative_pks, figures):
    reported = [figures[pk] for pk in initiative_pks if pk in figures]
    return ReachRow(
        subject=subject,
        initiatives=len(initiative_pks),
        reported=len(reported),
        participants=sum(f[0] for f in reported),
        women=sum(f[1] for f in reported),
        sessions=sum(f[2] for f in reported if f[2] is not None),
    )


def rows_by(subjects, links, year, scope):
    """One row per subject, from ``links``: pairs (subject pk, initiative pk)."""
    members = defaultdict(set)
    for subject_pk, initiative_pk in links:
        members[subject_pk].add(initiative_pk)
    figures = accepted_figures(year, scope)
    return [row(subject, members[subject.pk], figures) for subject in subjects]


def objective_rows(subjects, current, year, scope):
    """One row per objective of ``subjects`` (some of the ``current`` ones): a sub-objective counts the initiatives
    linked to it; an objective those linked to it or to any of its sub-objectives."""
    top = {objective.pk: objective.parent_id or objective.pk for objective in current}
    links = Initiative.objectives.through.objects.filter(objective__in=current, initiative__in=scope)
    direct, serving = defaultdict(set), defaultdict(set)
    for objective_pk, initiative_pk in links.values_list("objective_id", "initiative_id"):
        direct[objective_pk].add(initiative_pk)
        serving[top[objective_pk]].add(initiative_pk)
    figures = accepted_figures(year, scope)
    return [row(subject, (direct if subject.parent_id else serving)[subject.pk], figures) for subject in subjects]


def reach_by_subobjective(year, initiatives=None):
    """The reach of ``year`` per sub-objective of the current strategy, in the strategy's order."""
    current = list(Objective.objects.current())
    subjects = [objective for objective in current if objective.parent_id is not None]
    return objective_rows(subjects, current, year, in_scope(year, initiatives))


def reach_by_objective(year, initiatives=None):
    """The reach of ``year`` per objective, counting the initiatives linked to it or to any of its sub-objectives."""
    current = list(Objective.objects.current())
    subjects = [objective for objective in current if objective.parent_id is None]
    return objective_rows(subjects, current, year, in_scope(year, initiatives))


def reach_by_audience(year, initiatives=None):
    """The reach of ``year`` per target audience of the controlled list, in its order."""
    scope = in_scope(year, initiatives)
    subjects = list(Term.objects.of(Vocabulary.AUDIENCE))
    links = Initiative.audiences.through.objects.filter(term__in=subjects, initiative__in=scope)
    return rows_by(subjects, links.values_list("term_id", "initiative_id"), year, scope)


def reach_total(year, initiatives=None):
    """The reach of ``year`` over the whole scope: each initiative counted once."""
    scope = in_scope(year, initiatives)
    return row(None, set(scope.values_list("pk", flat=True)), accepted_figures(year, scope))


def reach_by_age(year, initiatives=None):
    """Per age band, the sums of the bands the accepted outcomes of ``year`` give; ``reported``: how many gave it."""
    scope = in_scope(year, initiatives)
    ages = OutcomeByAge.objects.filter(outcome__in=Outcome.objects.accepted().filter(year=year, initiative__in=scope))
    sums = defaultdict(lambda: [0, 0, 0])
    rows = list(ages.values_list("band", "participants", "women_and_girls"))
    for _figures, contribution in _contributions:
        rows += contribution(year, scope)
    for band, participants, women in rows:
        sums[band][0] += 1
        sums[band][1] += participants
        sums[band][2] += women
    total = scope.count()
    return [
        ReachRow(subject=band, initiatives=total, reported=sums[band][0], participants=sums[band][1], women=sums[band][2], sessions=None)
        for band in AgeBand
    ]


def latest_reported_year():
    """The latest year with an accepted outcome of a published initiative, or None."""
    return Outcome.objects.public().aggregate(latest=Max("year"))["latest"]


def reach_of_objective(objective, year):
    """Rows for an objective's page: the objective itself, then each of its sub-objectives."""
    current = list(Objective.objects.current())
    own = [o for o in current if o.pk == objective.pk]
    children = [] if objective.parent_id else [o for o in current if o.parent_id == objective.pk]
    return objective_rows(own + children, current, year, in_scope(year).serving(objective))
