"""The bundled public facts (data/registry/facts/*.yaml, whatever files are there): every fact names
the page that states it, every address is http:// or https:// with a host, and they load onto the
bundled registry without a problem."""

from urllib.parse import urlsplit

import pytest
import yaml
from django.conf import settings

from widmonitor.initiatives.facts_loader import load_facts
from widmonitor.initiatives.models import Fact

FACTS_DIR = settings.DATA_DIR / "registry" / "facts"
ADDRESS_FIELDS = ("url", "website")


def bundled_files():
    return sorted(FACTS_DIR.glob("*.yaml"))


def stated_facts(data):
    """``(record, field, entry)`` of every fact of a facts file, as written."""
    for record in data.get("records") or []:
        name = record.get("initiative") or record.get("organisation")
        for field, stated in (record.get("facts") or {}).items():
            for entry in stated if isinstance(stated, list) else [stated]:
                yield name, field, entry


def is_web_address(value):
    parts = urlsplit(value) if isinstance(value, str) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.hostname)


def source_problems(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    pages = data.get("pages") or {}
    problems = [f"{path.name}: page {key} has no http(s) address with a host" for key, page in pages.items() if not is_web_address(page.get("url"))]
    for name, field, entry in stated_facts(data):
        if not isinstance(entry, dict) or entry.get("page") not in pages:
            problems.append(f"{path.name}: {name}.{field} has no source page among the file's pages")
        elif field in ADDRESS_FIELDS and not is_web_address(entry.get("value")):
            problems.append(f"{path.name}: {name}.{field} {entry.get('value')!r} is not an http(s) address with a host")
    return problems


def test_every_bundled_fact_has_its_source_page_and_every_address_is_http_with_a_host():
    problems = [problem for path in bundled_files() for problem in source_problems(path)]
    assert problems == []


def test_the_check_finds_a_fact_without_its_page_and_an_address_without_a_host(tmp_path):
    path = tmp_path / "bad.yaml"
    records = [{"initiative": "a", "facts": {"cost": {"value": "free", "page": "gone"}, "url": {"value": "https:///x", "page": "p"}}}]
    path.write_text(yaml.safe_dump({"pages": {"p": {"url": "www.example.org"}}, "records": records}), encoding="utf-8")
    assert source_problems(path) == [
        "bad.yaml: page p has no http(s) address with a host",
        "bad.yaml: a.cost has no source page among the file's pages",
        "bad.yaml: a.url 'https:///x' is not an http(s) address with a host",
    ]


@pytest.mark.django_db
def test_the_bundled_facts_load_onto_the_bundled_registry(bundled_registry):
    files = bundled_files()
    summary = load_facts(files)
    written = sum(1 for path in files for _fact in stated_facts(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert summary.facts == written == Fact.objects.count()
    assert all(is_web_address(fact.value) for fact in Fact.objects.filter(field__in=ADDRESS_FIELDS))
