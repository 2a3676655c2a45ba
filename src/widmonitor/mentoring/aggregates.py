"""A programme's figures per year, anonymous: who took part (in a pair both accepted), women, age bands, follow-ups.

Every count under ``SMALLEST_SHOWN`` is suppressed (``Cell.shown`` is None): a small cell could
name a person. The year is the year of the cycle's matching date.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from .choices import AgeBand, Gender, Role
from .models import FollowUp, Pair, Participation

SMALLEST_SHOWN = 10


@dataclass(frozen=True)
class Cell:
    count: int

    @property
    def shown(self):
        return self.count if self.count >= SMALLEST_SHOWN else None


@dataclass(frozen=True)
class YearFigures:
    year: int
    participants: Cell
    mentees: Cell
    mentors: Cell
    women: Cell
    ages: tuple  # ((label, Cell), …) in the bands' order
    answers: tuple  # ((round label, still in touch, new job or study, in an ICT role, answered), …) as Cells


def took_part(programmes):
    """Participations of ``programmes`` whose pair both accepted (running or ended after it ran)."""
    both_accepted = Q(mentee_accepted_at__isnull=False, mentor_accepted_at__isnull=False)
    paired = Pair.objects.filter(both_accepted, status__in=[Pair.Status.ACTIVE, Pair.Status.ENDED])
    ids = set(paired.values_list("mentee_id", flat=True)) | set(paired.values_list("mentor_id", flat=True))
    return Participation.objects.filter(pk__in=ids, cycle__programme__in=programmes)


def figures(programmes):
    """``[YearFigures]`` of ``programmes`` (one or several), newest year first."""
    people = took_part(programmes)
    years = sorted({day.year for day in people.values_list("cycle__matching_on", flat=True)}, reverse=True)
    return [year_figures(people.filter(cycle__matching_on__year=year), year) for year in years]


def year_figures(people, year):
    counts = people.aggregate(
        all=Count("pk"),
        mentees=Count("pk", filter=Q(role=Role.MENTEE)),
        mentors=Count("pk", filter=Q(role=Role.MENTOR)),
        women=Count("pk", filter=Q(gender=Gender.WOMAN)),
    )
    by_band = dict(people.exclude(age_band="").values_list("age_band").annotate(n=Count("pk")))
    ages = tuple((label, Cell(by_band.get(band, 0))) for band, label in AgeBand.choices if band)
    answers = []
    for code, label in FollowUp.Round.choices:
        rows = FollowUp.objects.filter(participation__in=people, round=code, answered_at__isnull=False)
        tally = rows.aggregate(
            touch=Count("pk", filter=Q(still_in_touch=True)),
            job=Count("pk", filter=Q(new_job_or_study=True)),
            ict=Count("pk", filter=Q(in_ict_role=True)),
            answered=Count("pk"),
        )
        answers.append((label, Cell(tally["touch"]), Cell(tally["job"]), Cell(tally["ict"]), Cell(tally["answered"])))
    return YearFigures(
        year, Cell(counts["all"]), Cell(counts["mentees"]), Cell(counts["mentors"]), Cell(counts["women"]), ages, tuple(answers)
    )
