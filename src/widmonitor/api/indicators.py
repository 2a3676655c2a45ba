"""``/api/indicators``: the indicator catalogue, each indicator with its sources and target, its
observations (filtered by geo, years and series, paged with links, with flags and revisions),
and its Eurostat series as SDMX-CSV 2.0 and JSON-stat 2.0 (``indicators/formats``).

Texts and labels come in the interface language ``lang`` (nl, fr, en; the catalogue is written in
all three). Errors are ``application/problem+json`` (``problem_details.py``).
"""

from typing import Annotated
from urllib.parse import urlencode

from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Path, Query, Router

from widmonitor.indicators.formats import FORMATS, Selection, cube
from widmonitor.indicators.models import Observation, ObservationRevision, Source
from widmonitor.indicators.presentation import FLAGS, catalogue, indicator_unit
from widmonitor.indicators.store import SEX
from widmonitor.languages import interface_codes
from widmonitor.problems import Problems

from . import indicator_schemas as schemas
from . import records
from .problem_details import PROBLEM_ENDPOINTS, bad_request, documented, from_problems, issue, not_found

router = Router(tags=["indicators"])
Code = Annotated[str, Path(description="The indicator's code (see /api/indicators).", example="wid_sse_icts")]
Lang = Annotated[str, Query(description="Language of the texts and labels: nl, fr or en; default en.", example="fr")]
SERIES_OF = {sex: name for name, sex in SEX.items()}
KINDS = (Source.Kind.EUROSTAT, Source.Kind.DOCUMENT)
PROBLEM_ENDPOINTS.update({"indicator_list", "indicator", "indicator_observations", "indicator_sdmx_csv", "indicator_json_stat"})

SDMX_EXAMPLE = (
    "STRUCTURE,STRUCTURE_ID,ACTION,freq,unit,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n"
    "dataflow,WIDMONITOR:WID_SSE_ICTS(1.0),I,A,PC,F,BE,2020,17.4,,\n"
    "dataflow,WIDMONITOR:WID_SSE_ICTS(1.0),I,A,PC,F,BE,2021,19.6,b,\n"
)
JSON_STAT_EXAMPLE = {
    "version": "2.0", "class": "dataset", "label": "Women's share among employed ICT specialists", "source": "Eurostat, isoc_sks_itsps",
    "id": ["freq", "unit", "sex", "geo", "time"], "size": [1, 1, 1, 1, 2],
    "role": {"time": ["time"], "geo": ["geo"], "metric": ["unit"]},
    "dimension": {"geo": {"label": "Geopolitical entity", "category": {"index": ["BE"], "label": {"BE": "Belgium"}}},
                  "time": {"label": "Time", "category": {"index": ["2020", "2021"], "label": {"2020": "2020", "2021": "2021"}}}},
    "value": {"0": 17.4, "1": 19.6}, "status": {"1": "b"},
    "extension": {"id": "wid_sse_icts", "status": {"label": {"b": "break in time series"}}},
}  # fmt: skip


def language(lang):
    if not lang:
        return records.default_language()
    if lang not in interface_codes():
        detail = _('"%(value)s" is not a language of the indicators (expected one of %(expected)s).')
        raise bad_request([issue("lang", lang, detail % {"value": lang, "expected": ", ".join(interface_codes())})])
    return lang


def known(code):
    try:
        return catalogue()[code]
    except KeyError:
        detail = _('No indicator "%(value)s" (the codes are listed at /api/indicators).') % {"value": code}
        raise not_found(detail, "code", code) from None


def selection(filters):
    try:
        return Selection.from_params(filters.geo, filters.since, filters.until, filters.series)
    except Problems as problems:
        raise from_problems(problems) from None


def links(request, indicator, lang):
    absolute = request.build_absolute_uri
    api = {name: absolute(reverse(f"api:{name}", args=[indicator.code])) for name in ("indicator", "indicator_observations", "indicator_sdmx_csv", "indicator_json_stat")}
    with translation.override(lang):
        page = absolute(reverse("indicators:detail", args=[indicator.code]))
        # the page's files with the columns' codes as headers, as a script reads them (opendata/headers.py)
        files = {fmt: absolute(reverse("indicators:download", args=[indicator.code, fmt])) + "?headers=codes" for fmt in ("csv", "xlsx")}
    return {"self": api["indicator"], "page": page, "observations": api["indicator_observations"],
            "sdmx_csv": api["indicator_sdmx_csv"], "json_stat": api["indicator_json_stat"], **files}  # fmt: skip


def summary(request, indicator, lang, counts):
    with translation.override(lang):
        unit = str(indicator_unit(indicator))
    return {
        "code": indicator.code,
        "title": records.text(indicator, "title", lang),
        "area": indicator.area,
        "unit": indicator.unit,
        "unit_label": unit,
        "kind": indicator.source.kind,
        "better": indicator.better,
        "data": indicator.data,
        "dataset": indicator.source.dataset,
        "observations": counts.get(indicator.code, 0),
        "links": links(request, indicator, lang),
    }


@router.get("", response=schemas.IndicatorList, url_name="indicator_list", summary="Every indicator",
            openapi_extra=documented(400))  # fmt: skip
def indicator_list(request, lang: Lang = ""):
    lang = language(lang)
    counts = dict(Observation.objects.values_list("indicator").annotate(count=Count("id")).order_by())
    items = [summary(request, indicator, lang, counts) for indicator in catalogue().values()]
    return {"count": len(items), "items": items}


@router.get("/{code}", response=schemas.IndicatorDetail, url_name="indicator", summary="One indicator: metadata, sources, target",
            openapi_extra=documented(400, 404))  # fmt: skip
def indicator(request, code: Code, lang: Lang = ""):
    lang = language(lang)
    found = known(code)
    observations = Observation.objects.filter(indicator=code)
    eurostat = observations.from_eurostat()
    target = found.target
    with translation.override(lang):
        flags = {letter: str(meaning) for letter, meaning in FLAGS.items()}
    return {
        **summary(request, found, lang, {code: observations.count()}),
        "definition": records.text(found, "definition", lang),
        "note": records.text(found, "note", lang),
        "gap_label": records.text(found, "gap_label", lang),
        "informs": list(found.informs),
        "target": target and {
            "statement": records.text(target, "statement", lang), "source": records.text(target, "source", lang),
            **{name: getattr(target, name) for name in ("year", "value", "unit", "geo", "applies_to")},
        },  # fmt: skip
        "sources": Source.objects.filter(pk__in=observations.values("source")).order_by("key"),
        "dimensions": {
            "geo": sorted(set(eurostat.values_list("geo", flat=True))),
            "periods": sorted(set(eurostat.values_list("period", flat=True))),
            "series": sorted({SERIES_OF[sex] for sex in eurostat.values_list("sex", flat=True)}),
        },
        "flags": flags,
    }


def page_links(request, count, limit, offset):
    def at(start):
        query = request.GET.copy()
        query["limit"], query["offset"] = str(limit), str(start)
        return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.lists()), doseq=True)}")

    last = max(0, (count - 1) // limit * limit)
    result = {"self": at(offset), "first": at(0), "last": at(last)}
    if offset > 0:
        result["prev"] = at(max(0, min(offset - limit, last)))
    if offset + limit < count:
        result["next"] = at(offset + limit)
    return result


def observation(row, lang):
    with translation.override(lang):
        meaning = [str(FLAGS.get(letter, letter)) for letter in row.flags]
    return {
        "geo": row.geo, "period": row.period, "series": SERIES_OF.get(row.sex, row.sex), "sex": row.sex, "age_band": row.age_band,
        "unit": row.unit, "value": row.value, "flags": row.flags, "flags_meaning": meaning, "kind": row.kind,
        "source": row.source.key, "retrieved_at": row.retrieved_at, "quote": row.quote,
        "revisions": [{"value": r.value, "flags": r.flags, "source": r.source.key if r.source else None,
                       "retrieved_at": r.retrieved_at, "replaced_at": r.replaced_at} for r in row.revisions.all()],
    }  # fmt: skip


@router.get("/{code}/observations", response=schemas.ObservationPage, url_name="indicator_observations",
            summary="An indicator's observations, with flags and revisions", openapi_extra=documented(400, 404))  # fmt: skip
def indicator_observations(request, code: Code, filters: Query[schemas.ObservationFilters]):
    lang = language(filters.lang)
    found = known(code)
    chosen = selection(filters)
    if filters.kind and filters.kind not in KINDS:
        detail = _('"%(value)s" is not a kind of source (expected eurostat or document).') % {"value": filters.kind}
        raise bad_request([issue("kind", filters.kind, detail)])
    rows = chosen.filter(Observation.objects.filter(indicator=found.code))
    rows = rows.filter(kind=filters.kind) if filters.kind else rows
    count = rows.count()
    revisions = Prefetch("revisions", queryset=ObservationRevision.objects.select_related("source"))
    ordered = rows.select_related("source").prefetch_related(revisions).order_by("-kind", "geo", "period", "sex", "age_band", "unit", "source__key")
    items = [observation(row, lang) for row in ordered[filters.offset : filters.offset + filters.limit]]
    return {"indicator": found.code, "count": count, "limit": filters.limit, "offset": filters.offset,
            "links": page_links(request, count, filters.limit, filters.offset), "items": items}  # fmt: skip


def statistical_file(request, code, filters, fmt):
    found = known(code)
    writer = FORMATS[fmt]
    with translation.override(language(filters.lang)):
        content = writer.write(cube(found, selection(filters)))
    response = HttpResponse(content, content_type=writer.MEDIA_TYPE)
    response["Content-Disposition"] = f'inline; filename="widmonitor-{found.code}.{writer.EXTENSION}"'
    return response


def file_responses(media_type, example):
    extra = documented(400, 404)
    extra["responses"][200] = {"description": "OK", "content": {media_type: {"schema": {"type": "string"}, "example": example}}}
    return extra


@router.get("/{code}/sdmx-csv", url_name="indicator_sdmx_csv", summary="An indicator's Eurostat series as SDMX-CSV 2.0",
            description="One row per observation, codes only; OBS_FLAG holds Eurostat's flags, CONF_STATUS C a confidential cell.",
            openapi_extra=file_responses(FORMATS["sdmx-csv"].MEDIA_TYPE, SDMX_EXAMPLE))  # fmt: skip
def indicator_sdmx_csv(request, code: Code, filters: Query[schemas.FileFilters]):
    return statistical_file(request, code, filters, "sdmx-csv")


@router.get("/{code}/json-stat", url_name="indicator_json_stat", summary="An indicator's Eurostat series as JSON-stat 2.0",
            description="A sparse dataset: `value` and `status` (Eurostat's flags) by cell position; the flags' meanings in `extension.status`.",
            openapi_extra=file_responses(FORMATS["json-stat"].MEDIA_TYPE, JSON_STAT_EXAMPLE))  # fmt: skip
def indicator_json_stat(request, code: Code, filters: Query[schemas.FileFilters]):
    return statistical_file(request, code, filters, "json-stat")
