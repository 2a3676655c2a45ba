"""The read-only API of the published registry: initiatives, organisations, the strategy, the lists.

Besides reading, one tool answers a POST without storing anything: ``/api/job-ads/check``
(``jobads/api.py``) analyses the vacancy text it is sent.

``/api/initiatives`` takes the portal search's query string as it is (same filters, same
text search, same order) and pages with ``limit`` and ``offset``; ``lang`` chooses the
content language of the texts. The schema is at ``/api/openapi.json``, the docs at ``/api/docs``.
"""

from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from django.conf import settings
from ninja import NinjaAPI, Query
from ninja.errors import HttpError

from widmonitor.initiatives.models import Initiative
from widmonitor.jobads.api import router as job_ads_router
from widmonitor.languages import content_codes
from widmonitor.search.query import SearchQuery, matching_ids
from widmonitor.strategy.models import Objective, Strategy
from widmonitor.vocabularies.choices import Cost, Sector, Status, Vocabulary
from widmonitor.vocabularies.models import Term

from . import indicators, problem_details, records, schemas
from .docs import LocalSwagger

class OpenDataApi(NinjaAPI):
    """The API, its description naming the open data's licence (``settings.DATA_LICENCE``) when it is asked for."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schema["info"]["license"] = {"name": settings.DATA_LICENCE["name"], "url": settings.DATA_LICENCE["url"]}
        return schema


api = OpenDataApi(
    title="widmonitor",
    version="1",
    description="The published registry of Women in Digital initiatives and the indicators, read-only. "
    "Texts come in the language asked for with `lang`, else in their original language, marked as a fallback.",
    urls_namespace="api",
    docs=LocalSwagger(),
)
api.add_router("/job-ads", job_ads_router)
api.add_router("/indicators", indicators.router)  # the indicators, their observations, SDMX-CSV and JSON-stat
problem_details.install(api)  # the indicator endpoints' errors as application/problem+json
CHOICE_LISTS = (("cost", Cost), ("sector", Sector), ("status", Status))


def content_language(lang):
    """The content language ``lang`` names (default: the site's), or a 422 that lists the known ones."""
    if not lang:
        return records.default_language()
    if lang not in content_codes():
        message = _('"%(value)s" is not a content language (expected one of %(expected)s).')
        raise HttpError(422, message % {"value": lang, "expected": ", ".join(content_codes())})
    return lang


@api.get("/initiatives", response=schemas.InitiativePage, summary="Search the published initiatives")
def initiatives(request, filters: Query[schemas.InitiativeFilters]):
    language = content_language(filters.lang)
    ids = matching_ids(SearchQuery.from_params(request.GET), language)  # all of them: the API pages with limit and offset
    shown = ids[filters.offset : filters.offset + filters.limit]
    strategy_codes = records.current_strategy_codes()
    items = [records.initiative(record, language, strategy_codes) for record in records.published_in_order(shown)]
    return {"count": len(ids), "limit": filters.limit, "offset": filters.offset, "items": items}


@api.get("/initiatives/{uid}", response=schemas.Initiative, summary="One published initiative")
def initiative(request, uid: str, lang: str = ""):
    language = content_language(lang)
    record = get_object_or_404(Initiative.objects.published(), uid=uid)
    return records.initiative(record, language, records.current_strategy_codes())


@api.get("/organisations", response=list[schemas.Organisation], summary="Every organisation")
def organisations(request, lang: str = ""):
    language = content_language(lang)
    return [records.organisation(record, language) for record in records.organisations()]


@api.get("/organisations/{slug}", response=schemas.OrganisationDetail, summary="One organisation and its initiatives")
def organisation(request, slug: str, lang: str = ""):
    language = content_language(lang)
    record = get_object_or_404(records.organisations(), slug=slug)
    initiatives = record.initiatives.published().order_by("uid")
    listed = [{"uid": i.uid, "title": records.text(i, "title", language)} for i in initiatives]
    return {**records.organisation(record, language), "initiatives": listed}


@api.get("/strategy", response=schemas.Strategy, summary="The strategy and its objectives")
def strategy(request, lang: str = ""):
    language = content_language(lang)
    current = Strategy.objects.current()
    if current is None:
        raise HttpError(404, _("No strategy is loaded yet."))
    objectives = list(Objective.objects.current())
    counts = Initiative.objects.published().counts_by_objective(objectives)
    codes = records.current_strategy_codes()
    tree = []
    for top in (o for o in objectives if not o.parent_id):
        children = [records.objective(o, language, counts, codes.implied, codes.audience_order) for o in objectives if o.parent_id == top.pk]
        tree.append({**records.objective(top, language, counts, codes.implied, codes.audience_order), "sub_objectives": children})
    return {
        "code": current.code,
        "title": records.text(current, "title", language),
        **{name: getattr(current, name) for name in ("country", "starts", "ends", "owner", "source")},
        "objectives": tree,
    }


@api.get("/vocabularies", response=schemas.Vocabularies, summary="The controlled lists and the fixed choices")
def vocabularies(request, lang: str = ""):
    language = content_language(lang)
    terms = Term.objects.all()
    with translation.override(language):
        lists = [
            {
                "code": code,
                "label": str(label),
                "terms": [
                    {"code": t.code, "label": records.text(t, "label", language), "labels": {k: v for k, v in t.label.items() if v}}
                    for t in terms
                    if t.vocabulary == code
                ],
            }
            for code, label in Vocabulary.choices
        ]
        choices = [
            {
                "code": name,
                "label": str(Initiative._meta.get_field(name).verbose_name),
                "choices": [{"code": code, "label": str(label)} for code, label in kind.choices],
            }
            for name, kind in CHOICE_LISTS
        ]
    return {"vocabularies": lists, "choices": choices}
