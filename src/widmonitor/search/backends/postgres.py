"""Full-text matching on PostgreSQL: a GIN index over the analysed terms.

The terms are already folded and stemmed in Python (``search.analysis``), the same way for
both databases, so the index uses the plain ``simple`` configuration.
"""

CREATE = ["CREATE INDEX search_text_terms_gin ON search_text USING gin (to_tsvector('simple', terms))"]
DROP = ["DROP INDEX IF EXISTS search_text_terms_gin"]


def matching_ids(cursor, language, terms):
    """Initiative ids whose text in ``language`` holds every one of ``terms``."""
    cursor.execute(
        "SELECT initiative_id FROM search_text "
        "WHERE language = %s AND to_tsvector('simple', terms) @@ plainto_tsquery('simple', %s)",
        [language, " ".join(terms)],
    )
    return {row[0] for row in cursor.fetchall()}
