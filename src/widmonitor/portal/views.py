"""The public site: short views that ask the registry and the search, and render."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.search.cache import cached_page
from widmonitor.search.cards import cards
from widmonitor.search.query import SORTS, SearchQuery, search
from widmonitor.strategy.models import Objective, Strategy
from widmonitor.vocabularies.choices import Sector

from . import coverage, finder
from .audiences import PATHS
from .structured_data import initiative_json_ld


def language():
    return get_language().split("-")[0]


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
    results = search(SearchQuery.from_params(request.GET), language())
    return render(request, "portal/initiative_list.html", {"results": results, "sorts": SORTS})


def initiative_detail(request, uid):
    initiative = get_object_or_404(Initiative.objects.published(), uid=uid)
    objectives = initiative.objectives.filter(pk__in=Objective.objects.current()).select_related("parent")
    context = {
        "initiative": initiative,
        "objectives": objectives,
        "json_ld": initiative_json_ld(initiative, request.build_absolute_uri()),
    }
    return render(request, "portal/initiative_detail.html", context)


def strategy(request):
    published = Initiative.objects.published()
    objectives = []
    for objective in Objective.objects.current().top_level().prefetch_related("children"):
        children = [(child, published.serving(child).count()) for child in objective.children.all()]
        objectives.append((objective, published.serving(objective).count(), children))
    return render(request, "portal/strategy.html", {"strategy": Strategy.objects.current(), "objectives": objectives})


def objective_detail(request, code):
    objective = get_object_or_404(Objective.objects.current(), code=code)
    initiatives = Initiative.objects.published().serving(objective)
    counts = dict(initiatives.values_list("sector").annotate(n=Count("pk")).order_by())
    by_sector = [(label, counts[value]) for value, label in Sector.choices if counts.get(value)]
    children = [(child, Initiative.objects.published().serving(child).count()) for child in objective.children.all()]
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
    found = finder.find(profile, language()) if request.GET else None
    context = {
        "offered": offered,
        "profile": profile,
        "found": found,
        "relaxed": finder.relaxed_labels(found) if found and found.relaxed else [],
    }
    return render(request, "portal/finder.html", context)
