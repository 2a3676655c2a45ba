"""The full-text tables the search once kept in the database: FTS5 on SQLite, GIN on PostgreSQL.

Only migrations use this now: 0002 made them, 0004 drops them, because each worker's in-memory
index (``search.snapshot``) matches and ranks the words the same way on both databases.
"""

from . import postgres, sqlite_fts5

BACKENDS = {"sqlite": sqlite_fts5, "postgresql": postgres}


def backend(vendor):
    try:
        return BACKENDS[vendor]
    except KeyError as error:
        raise NotImplementedError(f"full-text search needs SQLite or PostgreSQL, not {vendor}") from error
