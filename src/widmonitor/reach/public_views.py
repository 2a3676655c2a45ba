"""The reach for everyone: the totals of each reported year, and the open-data downloads per initiative and year."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from widmonitor.languages import active_language
from widmonitor.opendata import datasets, headers
from widmonitor.opendata.schema_org import dataset_json_ld

from . import open_data
from .models import Outcome
from .summary import reach_total


def overview(request):
    years = sorted(set(Outcome.objects.public().values_list("year", flat=True)), reverse=True)
    context = {"totals": [(year, reach_total(year)) for year in years], "json_ld": dataset_json_ld(datasets.reach(), request)}
    return render(request, "reach/open_data.html", context)


def download(request, fmt):
    if fmt not in open_data.FORMATS:
        raise Http404(f"No download as {fmt}.")
    try:
        kind = headers.chosen(request.GET)
    except headers.UnknownHeaders as error:
        return headers.refusal(error)
    content_type, write = open_data.FORMATS[fmt]
    response = HttpResponse(write(active_language(), kind), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="widmonitor-reach.{fmt}"'
    return response
