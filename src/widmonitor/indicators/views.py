"""The indicator pages: the catalogue grouped by WiD area, one page per indicator, its downloads."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from widmonitor.initiatives.models import Initiative
from widmonitor.opendata import datasets, headers
from widmonitor.opendata.schema_org import dataset_json_ld
from widmonitor.strategy.models import Objective

from . import charts, downloads, presentation, wid_score


def indicator_list(request):
    context = {"groups": presentation.grouped_summaries(), "flags": presentation.FLAGS.items(), "score": wid_score.score_view()}
    return render(request, "indicators/list.html", context)


def indicator_detail(request, code):
    indicator = known(code)
    by_geo = presentation.series_by_geo(indicator)
    summary = presentation.summary(indicator, by_geo)
    choices = presentation.comparable_countries(by_geo)
    chosen = request.GET.get("compare", "")
    chosen = chosen if chosen in dict(choices) else None
    over_time = charts.over_time_rows(indicator, by_geo, chosen)
    compared = presentation.comparison(indicator, by_geo)
    target = indicator.target if indicator.target and indicator.target.value is not None else None
    unit = str(summary.unit)
    context = {
        "summary": summary,
        "indicator": indicator,
        "latest_sentence": presentation.latest_sentence(summary) if summary.has_data else "",
        "choices": choices,
        "chosen": chosen,
        "over_time": over_time,
        "over_time_table": charts.over_time_table(over_time),
        "over_time_charts": charts.over_time_charts(over_time, _("%(title)s over time") % {"title": summary.title}, unit, indicator.unit, target),
        "comparison": compared,
        "member_states": sum(row[0] != presentation.EU27 for row in compared.rows),  # the caption counts countries, not the EU27
        "comparison_spec": charts.comparison(
            charts.comparison_rows(compared, presentation.main_value),
            _("%(title)s by country, %(year)s") % {"title": summary.title, "year": compared.year}, unit, indicator.unit,
        ),
        "published": presentation.published_figures(indicator),
        "sub_objectives": informed(indicator),
        "flags": presentation.FLAGS.items(),
        "json_ld": dataset_json_ld(datasets.indicator(indicator, datasets.indicator_facts()[indicator.code]), request),
    }
    return render(request, "indicators/detail.html", context)


def download(request, code, fmt):
    indicator = known(code)
    if fmt not in downloads.FORMATS:
        raise Http404(f"No download as {fmt}.")
    try:
        kind = headers.chosen(request.GET)
    except headers.UnknownHeaders as error:
        return headers.refusal(error)
    content_type, write = downloads.FORMATS[fmt]
    response = HttpResponse(write(indicator.code, kind), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="widmonitor-{indicator.code}.{fmt}"'
    return response


def known(code):
    try:
        return presentation.catalogue()[code]
    except KeyError:
        raise Http404(f"No indicator {code}.") from None


def informed(indicator):
    """``[(sub-objective, its published initiatives)]`` of the sub-objectives the indicator informs."""
    objectives = Objective.objects.current().sub_objectives().filter(code__in=indicator.informs)
    published = Initiative.objects.published()
    return [(objective, list(published.serving(objective).order_by("uid")[:10])) for objective in objectives]
