"""The matchers' pages, beside the partner pages: their programmes, a programme's cycles and figures, the matcher's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import aggregates, reach_proposal, runs
from .access import matcher_required, programmes_of
from .forms import AdjustForm, CycleForm, WeightsForm
from .matching import MatchingError
from .models import Cycle, Profile, Programme


@login_required(login_url="partners:login")
def programmes(request):
    return render(request, "mentoring/partner/programmes.html", {"programmes": programmes_of(request.user).select_related("initiative")})


@matcher_required(Programme)
def programme(request, programme):
    return programme_page(request, programme)


def programme_page(request, programme, weights=None, new_cycle=None, status=200):
    """A programme's cycles, its weights, a new cycle, and its figures."""
    context = {
        "programme": programme,
        "cycles": programme.cycles.all(),
        "figures": aggregates.figures([programme]),
        "smallest": aggregates.SMALLEST_SHOWN,
        "weights": weights or WeightsForm(instance=programme, prefix="weights"),
        "new_cycle": new_cycle or CycleForm(prefix="cycle"),
    }
    return render(request, "mentoring/partner/programme.html", context, status=status)


@require_POST
@matcher_required(Programme)
def set_weights(request, programme):
    form = WeightsForm(request.POST, instance=programme, prefix="weights")
    if not form.is_valid():
        return programme_page(request, programme, weights=form, status=400)
    form.save()
    messages.success(request, _("The weights are saved; the next run uses them."))
    return redirect("mentoring_partner:programme", programme.pk)


@require_POST
@matcher_required(Programme)
def add_cycle(request, programme):
    form = CycleForm(request.POST, instance=Cycle(programme=programme), prefix="cycle")
    if not form.is_valid():
        return programme_page(request, programme, new_cycle=form, status=400)
    cycle = form.save()
    messages.success(request, _("The cycle %(name)s is added.") % {"name": cycle.name})
    return redirect("mentoring_partner:programme", programme.pk)


@matcher_required(Cycle)
def cycle(request, cycle):
    return cycle_page(request, cycle)


def cycle_page(request, cycle, form=None, status=200):
    """The matcher's page: the latest run's proposal with its reasons, her tools to adjust it, the pool, the pairs."""
    run = cycle.latest_run()
    people = {str(p.pk): p for p in cycle.participations.select_related("profile")}
    mentees, mentors = runs.candidates(cycle)
    context = {
        "cycle": cycle,
        "run": run,
        "rows": proposal_rows(run, people) if run else None,
        "mentors": [people[m.key] for m in mentors],
        "pool": Profile.objects.in_pool().exclude(participations__cycle=cycle),
        "pairs": cycle.pairs.select_related("mentee__profile", "mentor__profile"),
        "to_match": len(mentees),
        "history": cycle.runs.select_related("created_by")[:20],
        "form": form,
    }
    return render(request, "mentoring/partner/cycle.html", context, status=status)


def proposal_rows(run, people):
    fixed = {tuple(pair) for pair in run.fixed}
    pairs = [
        {**row, "mentee_p": people.get(row["mentee"]), "mentor_p": people.get(row["mentor"]), "sentences": runs.sentences(row["reasons"]),
         "pinned": (row["mentee"], row["mentor"]) in fixed}
        for row in run.pairs
    ]
    unmatched = [{**row, "mentee_p": people.get(row["mentee"]), "sentences": runs.sentences(row["reasons"])} for row in run.unmatched]
    excluded = [{"mentee_p": people.get(a), "mentor_p": people.get(b), "mentee": a, "mentor": b} for a, b in run.excluded]
    return {"pairs": pairs, "unmatched": unmatched, "excluded": excluded}


@require_POST
@matcher_required(Cycle)
def run(request, cycle):
    return rerun(request, cycle)


def rerun(request, cycle, fixed=None, excluded=None):
    try:
        new = runs.run_matching(cycle, request.user, fixed, excluded)
    except MatchingError as error:
        messages.error(request, runs.explained(error, cycle))
    else:
        sentence = ngettext("Run %(version)s: %(pairs)s pair proposed.", "Run %(version)s: %(pairs)s pairs proposed.", len(new.pairs))
        messages.success(request, sentence % {"version": new.version, "pairs": len(new.pairs)})
    return redirect("mentoring_partner:cycle", cycle.pk)


@require_POST
@matcher_required(Cycle)
def adjust(request, cycle):
    last = cycle.latest_run()
    if last is None or last.confirmed_at:
        messages.error(request, _("Run the matching first: there is no open proposal to adjust."))
        return redirect("mentoring_partner:cycle", cycle.pk)
    mentees, mentors = runs.candidates(cycle)
    form = AdjustForm(request.POST, run=last, mentees={m.key for m in mentees}, mentors={m.key for m in mentors})
    if not form.is_valid():
        return cycle_page(request, cycle, form=form, status=400)
    return rerun(request, cycle, *form.choices())


@require_POST
@matcher_required(Cycle)
def confirm(request, cycle):
    last = cycle.latest_run()
    try:
        if last is None:
            raise MatchingError("no_run", _("Run the matching first."))
        pairs = runs.confirm(last, request.user)
    except MatchingError as error:
        messages.error(request, runs.explained(error, cycle))
    else:
        sentence = ngettext("%(count)s pair confirmed: each person is e-mailed her match.", "%(count)s pairs confirmed: each person is e-mailed her match.", len(pairs))
        messages.success(request, sentence % {"count": len(pairs)})
    return redirect("mentoring_partner:cycle", cycle.pk)


@require_POST
@matcher_required(Cycle)
def add_from_pool(request, cycle):
    chosen = request.POST.get("profile", "")
    profile = get_object_or_404(Profile.objects.in_pool(), pk=int(chosen) if chosen.isdigit() else 0)
    runs.propose_from_pool(cycle, profile)
    messages.success(request, _("%(name)s of the shared pool is added to this cycle's mentors.") % {"name": profile.name})
    return redirect("mentoring_partner:cycle", cycle.pk)



@require_POST
@matcher_required(Programme)
def propose_reach(request, programme):
    year = request.POST.get("year", "")
    try:
        outcome = reach_proposal.propose_reach(programme, int(year) if year.isdigit() else 0, request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Outcome #%(number)s is proposed as the initiative's reach for %(year)s; a moderator checks it before it is shown.") % {"number": outcome.pk, "year": outcome.year})
    return redirect("mentoring_partner:programme", programme.pk)
