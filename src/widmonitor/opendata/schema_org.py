"""schema.org ``Dataset`` descriptions of the dataset pages (search engines' dataset search reads them),
made from the same ``datasets.Dataset`` as the DCAT-AP catalogue."""

from django.conf import settings

from widmonitor.languages import active_language


def dataset_json_ld(dataset, request):
    language = active_language()
    absolute = request.build_absolute_uri
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": dataset.title.get(language) or next(iter(dataset.title.values())),
        "description": dataset.description.get(language) or next(iter(dataset.description.values())),
        "url": absolute(dataset.landing_pages.get(language) or next(iter(dataset.landing_pages.values()))),
        "identifier": dataset.key,
        "keywords": dataset.keywords.get(language, []),
        "license": settings.DATA_LICENCE["url"],
        "isAccessibleForFree": True,
        "inLanguage": sorted({d.language for d in dataset.distributions if d.language}),
        "includedInDataCatalog": {"@type": "DataCatalog", "url": absolute("/catalog.ttl")},
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": d.essence, "contentUrl": absolute(d.path), "name": d.title}
            for d in dataset.distributions
            if d.language in ("", language)
        ],
    }
    if settings.CONTACT["operator"]:
        data["publisher"] = {"@type": "Organization", "name": settings.CONTACT["operator"]}
    if dataset.first_year is not None:
        data["temporalCoverage"] = f"{dataset.first_year}/{dataset.last_year or '..'}"
    if dataset.geo:
        data["spatialCoverage"] = list(dataset.geo)
    if dataset.modified:
        data["dateModified"] = dataset.modified.isoformat(timespec="seconds")
    if dataset.dimensions:
        data["variableMeasured"] = dataset.key.removeprefix("indicator-")
    return data
