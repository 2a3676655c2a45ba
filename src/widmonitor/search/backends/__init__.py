"""One interface, two backends: ``matching_ids(language, terms)`` on SQLite (FTS5) and PostgreSQL."""

from django.db import connection

from . import postgres, sqlite_fts5

BACKENDS = {"sqlite": sqlite_fts5, "postgresql": postgres}


def backend(vendor):
    try:
        return BACKENDS[vendor]
    except KeyError as error:
        raise NotImplementedError(f"full-text search needs SQLite or PostgreSQL, not {vendor}") from error


def matching_ids(language, terms):
    with connection.cursor() as cursor:
        return backend(connection.vendor).matching_ids(cursor, language, terms)
