"""Full-text matching on PostgreSQL: a GIN index over the analysed terms.

The terms are already folded and stemmed in Python (``search.analysis``), the same way for
both databases, so the index uses the plain ``simple`` configuration.
"""

CREATE = ["CREATE INDEX search_text_terms_gin ON search_text USING gin (to_tsvector('simple', terms))"]
DROP = ["DROP INDEX IF EXISTS search_text_terms_gin"]

