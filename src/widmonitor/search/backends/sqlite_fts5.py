"""Full-text matching on SQLite: an FTS5 index kept in step with search_text by triggers."""

CREATE = [
    "CREATE VIRTUAL TABLE search_text_fts USING fts5("
    "terms, content='search_text', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN "
    "INSERT INTO search_text_fts(rowid, terms) VALUES (new.id, new.terms); END",
    "CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN "
    "INSERT INTO search_text_fts(search_text_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END",
    "CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN "
    "INSERT INTO search_text_fts(search_text_fts, rowid, terms) VALUES ('delete', old.id, old.terms); "
    "INSERT INTO search_text_fts(rowid, terms) VALUES (new.id, new.terms); END",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_text_au",
    "DROP TRIGGER IF EXISTS search_text_ad",
    "DROP TRIGGER IF EXISTS search_text_ai",
    "DROP TABLE IF EXISTS search_text_fts",
]

