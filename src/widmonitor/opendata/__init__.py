"""Open data that portals and statisticians harvest: the DCAT-AP 3 catalogue of every dataset the
platform publishes (``/catalog.ttl``, ``/catalog.jsonld``) and schema.org descriptions of the dataset pages."""
