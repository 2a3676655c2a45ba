"""The public site: short views that ask the registry and the search, and render."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import TERM_RELATIONS, Initiative
from widmonitor.languages import active_language
from widmonitor.opendata import datasets
from widmonitor.opendata.schema_org import dataset_json_ld
from widmonitor.search.cache import cached_page
from widmonitor.search.cards import cards
from widmonitor.search.query import SORTS, SearchQuery, search
from widmonitor.strategy.models import Objective, Strategy
from widmonitor.vocabularies.choices import Sector

from . import coverage, finder
from .audiences import PATHS
from .structured_data import initiative_json_ld


def home(request):
    published = Initiative.objects.published()
    context = {
        "strategy": Strategy.objects.current(),
        "paths": PATHS,
        "initiative_count": published.count(),
        "organisation_count": Organisation.objects.filter(initiatives__in=published).distinct().count(),
    }
    return render(request, "portal/home.html", context)


@cached_page
def initiative_list(request):
    results = search(SearchQuery.from_params(request.GET), active_language())
    # The registry's Dataset description belongs on its landing page, the unfiltered list; a search
    # result is not the dataset, and describing it would read the whole registry on every search.
    json_ld = None if request.GET else dataset_json_ld(datasets.registry(), request)
    return render(request, "portal/initiative_list.html", {"results": results, "sorts": SORTS, "json_ld": json_ld})


def initiative_detail(request, uid):
    initiative = get_object_or_404(Initiative.objects.published().prefetch_related("organisations", *TERM_RELATIONS), uid=uid)
    objectives = initiative.objectives.filter(pk__in=Objective.objects.current()).select_related("parent")
    context = {
        "initiative": initiative,
        "objectives": objectives,
        "implied_audiences": by_objectives(initiative.implied_audiences()),
        "source": initiative.source_sentence(),
        "json_ld": initiative_json_ld(initiative, request.build_absolute_uri()),
    }
    return render(request, "portal/initiative_detail.html", context)


def by_objectives(implied):
    """``[(objectives, [terms])]``: the implied audiences grouped by the objectives that name them."""
    groups = {}
    for term, objectives in implied:
        groups.setdefault(tuple(objectives), []).append(term)
    return list(groups.items())


def strategy(request):
    tops = list(Objective.objects.current().top_level().prefetch_related("children"))
    counts = Initiative.objects.published().counts_by_objective([o for top in tops for o in (top, *top.children.all())])
    objectives = [
        (top, counts.get(top.pk, 0), [(child, counts.get(child.pk, 0)) for child in top.children.all()]) for top in tops
    ]
    return render(request, "portal/strategy.html", {"strategy": Strategy.objects.current(), "objectives": objectives})


def objective_detail(request, code):
    objective = get_object_or_404(Objective.objects.current(), code=code)
    initiatives = Initiative.objects.published().serving(objective)
    counts = dict(initiatives.values_list("sector").annotate(n=Count("pk")).order_by())
    by_sector = [(label, counts[value]) for value, label in Sector.choices if counts.get(value)]
    sub_objectives = list(objective.children.all())
    served = Initiative.objects.published().counts_by_objective(sub_objectives)
    children = [(child, served.get(child.pk, 0)) for child in sub_objectives]
    shown = cards(initiatives.values_list("pk", flat=True))
    context = {"objective": objective, "initiatives": shown, "by_sector": by_sector, "children": children}
    return render(request, "portal/objective_detail.html", context)


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    initiatives = cards(organisation.initiatives.published().values_list("pk", flat=True))
    return render(request, "portal/organisation_detail.html", {"organisation": organisation, "initiatives": initiatives})


def coverage_map(request):
    groups = dict(coverage.audience_groups())
    group = request.GET.get("audiences", coverage.DEFAULT_GROUP)
    group = group if group in groups else coverage.DEFAULT_GROUP
    counts = coverage.Counts()
    context = {
        "group": group,
        "groups": groups,
        "group_label": groups[group],
        "audience_table": coverage.table(counts, "audience", coverage.audience_columns(group)),
        "region_table": coverage.table(counts, "region", coverage.region_columns()),
        "gaps": coverage.age_band_gaps(counts),
        "thin": coverage.THIN,
    }
    return render(request, "portal/coverage.html", context)


def finder_page(request):
    offered = finder.choices()
    profile = finder.profile_from(request.GET, offered)
    found = finder.find(profile, active_language()) if request.GET else None
    context = {
        "offered": offered,
        "profile": profile,
        "found": found,
        "relaxed": finder.relaxed_labels(found) if found and found.relaxed else [],
    }
    return render(request, "portal/finder.html", context)
