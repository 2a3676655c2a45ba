"""A programme's figures of a year proposed as its initiative's reach (the ``reach`` app's ``Outcome``), pending moderation.

Only figures with nothing suppressed may go: the reach pages publish an accepted outcome's counts
as they are, so participants and women must each be at least ``SMALLEST_SHOWN``; an age band with fewer
participants or women is left out (the bands may add up to less than the total, as the reach app allows).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from widmonitor.reach.models import Outcome, OutcomeByAge, SourceKind

from .aggregates import SMALLEST_SHOWN, figures, took_part
from .choices import Gender


def propose_reach(programme, year, user):
    """Create the pending outcome of ``programme``'s initiative for ``year`` from its figures; ``ValidationError`` if it cannot."""
    found = next((row for row in figures([programme]) if row.year == year), None)
    if found is None or found.participants.shown is None or found.women.shown is None:
        raise ValidationError(
            _("The figures of %(year)s count fewer than 10 participants or women: they stay anonymous and are not proposed."),
            code="too_few", params={"year": year},
        )
    with transaction.atomic():
        outcome = Outcome(
            initiative=programme.initiative, year=year, participants=found.participants.count, women_and_girls=found.women.count,
            source_kind=SourceKind.OWN_COUNT, entered_by=user,
            source_note=str(_("Counted by widmonitor's mentoring service: the people of %(programme)s in a pair both accepted, in the cycles matched in %(year)s.") % {"programme": programme.name, "year": year}),
        )
        outcome.full_clean()
        outcome.save()
        for band, participants, women in age_rows(programme, year):
            OutcomeByAge.objects.create(outcome=outcome, band=band, participants=participants, women_and_girls=women)
    return outcome


def age_rows(programme, year):
    """``[(band, participants, women)]`` of the bands where both counts are at least ``SMALLEST_SHOWN``."""
    people = took_part([programme]).filter(cycle__matching_on__year=year).exclude(age_band="")
    rows = people.values("age_band").annotate(n=Count("pk"), women=Count("pk", filter=Q(gender=Gender.WOMAN))).order_by("age_band")
    return [(row["age_band"], row["n"], row["women"]) for row in rows if min(row["n"], row["women"]) >= SMALLEST_SHOWN]
