"""Small registry files for loader tests (fictional records, not data)."""

import yaml


def initiative(uid, **fields):
    record = {
        "uid": uid,
        "title": {"nl": f"Titel {uid}", "fr": f"Titre {uid}", "en": f"Title {uid}"},
        "summary": {"nl": "Samenvatting.", "fr": "Résumé.", "en": "Summary."},
        "original_language": "nl",
    }
    record.update(fields)
    return record


def registry(initiatives=(), organisations=(), lists=(), document="test-report"):
    return {
        "document": document,
        "title": "Fictional test report",
        "strategy": "belgium-wid-2021",
        "organisations": list(organisations),
        "initiatives": list(initiatives),
        "lists": list(lists),
    }


def published_list(section, objective, uids, stated=None):
    return {
        "section": section,
        "objective": objective,
        "stated_text": "fictional sentence",
        "stated": stated or {},
        "entries": [{"initiative": uid, "text": f"bullet {uid}", "audience": ""} for uid in uids],
    }


def write(tmp_path, data, name="registry.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path
