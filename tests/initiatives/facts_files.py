"""Small facts files for the facts loader's tests (fictional pages and facts, not data)."""

import yaml

NEWS = {
    "url": "https://news.example.org/coding-club-restarts",
    "title": "Coding club restarts",
    "publisher": "Example News",
    "date": "2021-09",
    "language": "nl",
    "kind": "news",
}
OWN_SITE = {
    "url": "https://codingclub.example.be/",
    "title": "Coding club",
    "publisher": "Coding club vzw",
    "language": "nl",
    "kind": "own-site",
}


def fact(value, page="news", says="stated here"):
    return {"value": value, "page": page, "says": says}


def facts_file(records, pages=None, searched="2026-12-07"):
    return {"searched": searched, "pages": {"news": NEWS, "own": OWN_SITE} if pages is None else pages, "records": list(records)}


def initiative_facts(uid, **facts):
    return {"initiative": uid, "facts": facts}


def write(tmp_path, data, name="facts.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
