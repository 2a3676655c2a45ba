"""The matcher's workflow for a cycle: candidates from the participations, a run around her choices, confirmation.

Every run is a new ``MatchingRun`` version holding the weights, the fixed and excluded pairs it
ran around and what it proposed: a later run never overwrites an earlier one, and each run starts
from the choices of the one before.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import emails
from .choices import Availability, Goal, Province, Role
from .matching import Candidate, MatchingError, Reason, describe, match
from .models import MatchingRun, Pair, Participation
from .topics import topic_choices

OPEN = (Pair.Status.PROPOSED, Pair.Status.ACTIVE)


def candidate(participation, capacity=0):
    profile = participation.profile
    return Candidate(
        key=str(participation.pk),
        languages=frozenset(profile.languages),
        topics=frozenset(profile.topics),
        goals=frozenset(profile.goals),
        region=profile.province or None,
        online=profile.online,
        on_site=profile.on_site,
        availability=frozenset(profile.availability),
        capacity=capacity,
    )


def candidates(cycle):
    """``(mentees, mentors)`` still to match: a mentee without an open pair, a mentor with places left."""
    people = cycle.participations.matchable().select_related("profile")
    busy_mentees = set(Pair.objects.filter(cycle=cycle, status__in=OPEN).values_list("mentee_id", flat=True))
    mentor_profiles = [p.profile_id for p in people if p.role == Role.MENTOR]
    load = {}  # a mentor of the pool may have mentees in another programme's cycle too
    for profile_id in Pair.objects.filter(mentor__profile_id__in=mentor_profiles, status__in=OPEN).values_list("mentor__profile_id", flat=True):
        load[profile_id] = load.get(profile_id, 0) + 1
    mentees = [candidate(p) for p in people if p.role == Role.MENTEE and p.pk not in busy_mentees]
    mentors = [candidate(p, p.profile.capacity - load.get(p.profile_id, 0)) for p in people if p.role == Role.MENTOR]
    return mentees, [mentor for mentor in mentors if mentor.capacity > 0]


def declined_pairs(cycle):
    """Pairs one of them declined: never proposed again in this cycle."""
    rows = Pair.objects.filter(cycle=cycle, status=Pair.Status.DECLINED).values_list("mentee_id", "mentor_id")
    return [[str(mentee), str(mentor)] for mentee, mentor in rows]


def run_matching(cycle, user, fixed=None, excluded=None):
    """Run ``match`` around ``fixed`` and ``excluded`` (default: the last run's); store and return the new version.

    Choices naming someone no longer to match (withdrawn, or paired since) are kept in the run but
    not passed to ``match``. A ``MatchingError`` stores nothing.
    """
    last = cycle.latest_run()
    fixed = [list(pair) for pair in (fixed if fixed is not None else last.fixed if last else [])]
    excluded = [list(pair) for pair in (excluded if excluded is not None else last.excluded if last else [])]
    mentees, mentors = candidates(cycle)
    keys = {c.key for c in mentees} | {c.key for c in mentors}
    usable = [tuple(pair) for pair in fixed if set(pair) <= keys]
    avoided = [tuple(pair) for pair in excluded + declined_pairs(cycle) if set(pair) <= keys]
    weights = cycle.programme.weights()
    proposal = match(mentees, mentors, weights, fixed=usable, excluded=avoided)
    with transaction.atomic():
        version = (cycle.runs.aggregate(top=Max("version"))["top"] or 0) + 1
        return MatchingRun.objects.create(
            cycle=cycle,
            version=version,
            weights=vars(weights),
            fixed=fixed,
            excluded=excluded,
            pairs=[
                {"mentee": p.mentee, "mentor": p.mentor, "score": p.score, "fixed": p.fixed, "reasons": stored(p.reasons)}
                for p in proposal.pairs
            ],
            unmatched=[{"mentee": u.mentee, "reasons": stored(u.reasons)} for u in proposal.unmatched],
            total_score=proposal.total_score,
            created_by=user,
        )


def stored(reasons):
    return [[reason.code, {key: list(value) if isinstance(value, tuple) else value for key, value in reason.params.items()}] for reason in reasons]


def sentences(reasons):
    """The stored reasons as sentences in the active language, codes turned into labels."""
    labels = {**dict(topic_choices()), **dict(Goal.choices), **dict(Availability.choices), **dict(Province.choices)}
    return [describe(Reason(code, params), labels) for code, params in reasons]


@transaction.atomic
def confirm(run, user):
    """Turn the run's proposal into pairs and e-mail each person her match. Only the latest run of a cycle, once."""
    run = type(run).objects.select_for_update().get(pk=run.pk)
    if run.confirmed_at or run != run.cycle.latest_run():
        raise MatchingError("stale_run", _("This run was confirmed already or a newer run exists: confirm the latest run."))
    mentees, mentors = candidates(run.cycle)
    free = {c.key for c in mentees} | {c.key for c in mentors}
    pairs = [
        Pair.objects.create(
            cycle=run.cycle, run=run, mentee_id=int(row["mentee"]), mentor_id=int(row["mentor"]), score=row["score"], reasons=row["reasons"]
        )
        for row in run.pairs
        if row["mentee"] in free and row["mentor"] in free
    ]
    run.confirmed_at = timezone.now()
    run.save(update_fields=["confirmed_at"])
    transaction.on_commit(lambda: [emails.send_match(pair) for pair in pairs])
    return pairs


def propose_from_pool(cycle, profile):
    """Add a mentor of the shared pool to ``cycle`` (her counts copied from her last participation)."""
    last = profile.participations.order_by("-created_at").first()
    participation, _created = Participation.objects.get_or_create(
        profile=profile,
        cycle=cycle,
        defaults={"role": Role.MENTOR, "from_pool": True, "gender": last.gender if last else "", "age_band": last.age_band if last else ""},
    )
    return participation


def explained(error, cycle):
    """The engine's error as the matcher reads it: the participations it names (by key) named by their people's names."""
    names = {str(pk): name for pk, name in cycle.participations.values_list("pk", "profile__name")}
    params = {key: names.get(str(value), value) if key in ("mentee", "mentor", "key") else value for key, value in error.params.items()}
    return str(error.message) % params
