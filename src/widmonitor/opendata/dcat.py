"""The DCAT-AP 3 catalogue of ``datasets()`` as an rdflib graph, for ``/catalog.ttl`` and ``/catalog.jsonld``.

Licence (``settings.DATA_LICENCE``), access rights, themes (the EU's data themes), languages,
file types and places are the URIs of the EU's controlled vocabularies; media types are IANA's.
The publisher is who runs the site (``settings.CONTACT``); the contact point is its e-mail address
when one is configured, else the site's contact page. Indicators carry StatDCAT-AP's
``stat:dimension``, ``stat:attribute`` and ``stat:numSeries`` with the SDMX-RDF components of their
series (the flags are ``sdmx-attribute:obsStatus``, a confidential cell ``sdmx-attribute:confStatus``).
Every node a DCAT-AP 3 shape expects to be of a class is typed (an address too: ``rdfs:Resource``, which
RDFS infers of anything), so the graph validates against the shapes without inference.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from widmonitor.languages import interface_codes

from .datasets import datasets, in_languages

ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
QB = Namespace("http://purl.org/linked-data/cube#")
STAT = Namespace("http://data.europa.eu/(xyz)/statdcat-ap/")  # StatDCAT-AP 1.0.1's namespace, as the specification writes it
SDMX_DIMENSION = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
AUTHORITY = "http://publications.europa.eu/resource/authority/"
THEMES = f"{AUTHORITY}data-theme"
IANA = "https://www.iana.org/assignments/media-types/"
LANGUAGES = {"nl": "NLD", "fr": "FRA", "en": "ENG", "de": "DEU"}
# Eurostat geo codes → the EU's country list (ISO 3166 alpha-3); aggregates such as EU27_2020 have none
COUNTRIES = {
    "AT": "AUT", "BE": "BEL", "BG": "BGR", "CY": "CYP", "CZ": "CZE", "DE": "DEU", "DK": "DNK", "EE": "EST", "EL": "GRC",
    "ES": "ESP", "FI": "FIN", "FR": "FRA", "HR": "HRV", "HU": "HUN", "IE": "IRL", "IT": "ITA", "LT": "LTU", "LU": "LUX",
    "LV": "LVA", "MT": "MLT", "NL": "NLD", "PL": "POL", "PT": "PRT", "RO": "ROU", "SE": "SWE", "SI": "SVN", "SK": "SVK",
    "AL": "ALB", "BA": "BIH", "CH": "CHE", "IS": "ISL", "ME": "MNE", "MK": "MKD", "NO": "NOR", "RS": "SRB", "TR": "TUR", "UK": "GBR",
}  # fmt: skip
THEME_LABELS = {  # the English labels of the EU's data themes used here
    "SOCI": "Population and society", "EDUC": "Education, culture and sport", "TECH": "Science and technology",
    "GOVE": "Government and public sector", "ECON": "Economy and finance",
}  # fmt: skip
DIMENSIONS = {"freq": SDMX_DIMENSION.freq, "unit": SDMX_ATTRIBUTE.unitMeasure, "sex": SDMX_DIMENSION.sex, "age": SDMX_DIMENSION.age,
              "geo": SDMX_DIMENSION.refArea, "time": SDMX_DIMENSION.refPeriod}  # fmt: skip
ATTRIBUTES = {"obs_status": SDMX_ATTRIBUTE.obsStatus, "conf_status": SDMX_ATTRIBUTE.confStatus}
PREFIXES = {"dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "vcard": VCARD, "skos": SKOS, "adms": ADMS, "qb": QB, "stat": STAT,
            "sdmx-dimension": SDMX_DIMENSION, "sdmx-attribute": SDMX_ATTRIBUTE}  # fmt: skip


class CatalogueGraph:
    """Builds the graph; ``base`` is the site's address (``https://example.org``), which every path is prefixed with."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)
        self.catalog = URIRef(self.url(reverse("opendata:catalog_ttl")))

    def url(self, path):
        return f"{self.base}{path}"

    def add(self, subject, predicate, obj):
        self.graph.add((subject, predicate, obj))

    def typed(self, uri, kind):
        node = URIRef(uri)
        self.add(node, RDF.type, kind)
        return node

    def texts(self, subject, predicate, texts):
        for language, text in texts.items():
            if text:
                self.add(subject, predicate, Literal(text, lang=language))

    def build(self):
        catalog, found = self.catalog, datasets()
        self.add(catalog, RDF.type, DCAT.Catalog)
        self.texts(catalog, DCTERMS.title, in_languages(lambda: _("Women in Digital open data")))
        self.texts(catalog, DCTERMS.description, in_languages(lambda: _(
            "The datasets this platform publishes: the registry of Women in Digital initiatives, the indicators "
            "with their Eurostat series and the figures documents quote, and the editions of the annual report."
        )))  # fmt: skip
        self.add(catalog, DCTERMS.publisher, self.publisher())
        self.add(catalog, FOAF.homepage, self.typed(self.url("/"), FOAF.Document))
        self.add(catalog, DCTERMS.license, self.licence())
        self.languages(catalog)
        scheme = self.typed(THEMES, SKOS.ConceptScheme)
        self.add(scheme, DCTERMS.title, Literal("Data theme", lang="en"))
        self.add(catalog, DCAT.themeTaxonomy, scheme)
        modified = [dataset.modified for dataset in found if dataset.modified]
        self.add(catalog, DCTERMS.modified, Literal(max(modified, default=timezone.now()).isoformat(timespec="seconds"), datatype=XSD.dateTime))
        nodes = {dataset.key: self.dataset(dataset) for dataset in found}
        for node in nodes.values():
            self.add(catalog, DCAT.dataset, node)
        self.add(catalog, DCAT.service, self.service([node for key, node in nodes.items() if not key.startswith("report-") and key != "funded-projects"]))
        return self.graph

    def publisher(self):
        node = self.typed(self.url("/#operator"), FOAF.Agent)
        name = settings.CONTACT["operator"] or _("the operator of %(site)s") % {"site": self.base}
        self.add(node, FOAF.name, Literal(name))
        return node

    def contact_point(self):
        node = BNode()
        self.add(node, RDF.type, VCARD.Kind)
        self.add(node, VCARD.fn, Literal(settings.CONTACT["operator"] or self.base))
        if settings.CONTACT["email"]:
            self.add(node, VCARD.hasEmail, URIRef(f"mailto:{settings.CONTACT['email']}"))
        else:
            self.add(node, VCARD.hasURL, URIRef(self.url(reverse("sitepages:page", args=["contact"]))))
        return node

    def licence(self):
        return self.typed(settings.DATA_LICENCE["url"], DCTERMS.LicenseDocument)

    def languages(self, subject, codes=None):
        for code in codes or interface_codes():
            if code in LANGUAGES:
                self.add(subject, DCTERMS.language, self.typed(f"{AUTHORITY}language/{LANGUAGES[code]}", DCTERMS.LinguisticSystem))

    def theme(self, code):
        node = self.typed(f"{THEMES}/{code}", SKOS.Concept)
        self.add(node, SKOS.prefLabel, Literal(THEME_LABELS[code], lang="en"))
        self.add(node, SKOS.inScheme, URIRef(THEMES))
        return node

    def dataset(self, dataset):
        node = URIRef(f"{self.catalog}#{dataset.key}")
        self.add(node, RDF.type, DCAT.Dataset)
        self.add(node, DCTERMS.identifier, Literal(dataset.key))
        self.texts(node, DCTERMS.title, dataset.title)
        self.texts(node, DCTERMS.description, dataset.description)
        for language, words in dataset.keywords.items():
            for word in words:
                self.add(node, DCAT.keyword, Literal(word, lang=language))
        for path in dataset.landing_pages.values():
            self.add(node, DCAT.landingPage, self.typed(self.url(path), FOAF.Document))
        for code in dataset.themes:
            self.add(node, DCAT.theme, self.theme(code))
        self.add(node, DCTERMS.publisher, self.publisher())
        self.add(node, DCAT.contactPoint, self.contact_point())
        self.add(node, DCTERMS.accessRights, self.typed(f"{AUTHORITY}access-right/PUBLIC", DCTERMS.RightsStatement))
        self.languages(node, {d.language for d in dataset.distributions if d.language} or None)
        self.coverage(node, dataset)
        if dataset.modified:
            self.add(node, DCTERMS.modified, Literal(dataset.modified.isoformat(timespec="seconds"), datatype=XSD.dateTime))
        for distribution in dataset.distributions:
            self.add(node, DCAT.distribution, self.distribution(node, distribution))
        self.statistics(node, dataset)
        return node

    def coverage(self, node, dataset):
        for geo in dataset.geo:
            if geo in COUNTRIES:
                self.add(node, DCTERMS.spatial, self.typed(f"{AUTHORITY}country/{COUNTRIES[geo]}", DCTERMS.Location))
        if dataset.first_year is not None:
            period = BNode()
            self.add(period, RDF.type, DCTERMS.PeriodOfTime)
            self.add(period, DCAT.startDate, Literal(f"{dataset.first_year}-01-01", datatype=XSD.date))
            if dataset.last_year is not None:
                self.add(period, DCAT.endDate, Literal(f"{dataset.last_year}-12-31", datatype=XSD.date))
            self.add(node, DCTERMS.temporal, period)

    def distribution(self, dataset, distribution):
        node = URIRef(f"{dataset}-{distribution.key}")
        address = self.typed(self.url(distribution.path), RDFS.Resource)
        self.add(node, RDF.type, DCAT.Distribution)
        self.add(node, DCTERMS.title, Literal(distribution.title, lang=distribution.language or "en"))
        self.add(node, DCAT.accessURL, address)
        self.add(node, DCAT.downloadURL, address)
        self.add(node, DCAT.mediaType, self.typed(f"{IANA}{distribution.media_type}", DCTERMS.MediaType))
        self.add(node, DCTERMS.format, self.typed(f"{AUTHORITY}file-type/{distribution.file_type}", DCTERMS.MediaTypeOrExtent))
        self.add(node, DCTERMS.license, self.licence())
        if distribution.language:
            self.languages(node, [distribution.language])
        if distribution.conforms_to:
            self.add(node, DCTERMS.conformsTo, self.typed(distribution.conforms_to, DCTERMS.Standard))
        return node

    def statistics(self, node, dataset):
        """StatDCAT-AP: the components of an indicator's series and how many series it has."""
        for name in dataset.dimensions:
            component = DIMENSIONS[name]
            self.add(node, STAT.attribute if name == "unit" else STAT.dimension, component)
            self.add(component, RDF.type, QB.AttributeProperty if name == "unit" else QB.DimensionProperty)
        for name in dataset.attributes:
            self.add(node, STAT.attribute, ATTRIBUTES[name])
            self.add(ATTRIBUTES[name], RDF.type, QB.AttributeProperty)
        if dataset.series is not None:
            self.add(node, STAT.numSeries, Literal(dataset.series, datatype=XSD.int))

    def service(self, served):
        node = URIRef(f"{self.catalog}#api")
        self.add(node, RDF.type, DCAT.DataService)
        self.texts(node, DCTERMS.title, in_languages(lambda: _("widmonitor API: the registry and the indicators")))
        self.add(node, DCAT.endpointURL, self.typed(self.url("/api/"), RDFS.Resource))
        self.add(node, DCAT.endpointDescription, self.typed(self.url("/api/openapi.json"), RDFS.Resource))
        self.add(node, DCTERMS.license, self.licence())
        self.add(node, DCTERMS.accessRights, self.typed(f"{AUTHORITY}access-right/PUBLIC", DCTERMS.RightsStatement))
        for dataset in served:
            self.add(node, DCAT.servesDataset, dataset)
        return node


def catalogue_graph(base):
    return CatalogueGraph(base).build()
