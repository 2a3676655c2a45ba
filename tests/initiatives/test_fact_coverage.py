import pytest
from django.core.management import call_command

from widmonitor.initiatives.fact_coverage import coverage, organisation_coverage
from widmonitor.initiatives.facts_loader import load_facts
from widmonitor.initiatives.registry_loader import load_registry

from . import registry_files
from .facts_files import OWN_SITE, fact, facts_file, initiative_facts, write


@pytest.fixture
def searched(tmp_path, strategy):
    """Five fictional records: a url from an own page, a url from the source, none found, not stated, never searched."""
    data = registry_files.registry(
        organisations=[{"slug": "club-vzw", "name": "Club vzw"}],
        initiatives=[
            registry_files.initiative("from-page"),
            registry_files.initiative("from-source", url="https://source.example.org/", cost="paid"),
            registry_files.initiative("nothing-found"),
            registry_files.initiative("cost-only"),
            registry_files.initiative("never-searched"),
        ],
    )
    load_registry([registry_files.write(tmp_path, data)])
    records = [
        initiative_facts("from-page", url=fact(OWN_SITE["url"], page="own"), ages=fact({"min": 7})),
        initiative_facts("from-source", url=fact("https://source.example.org", page="news", says="zie source.example.org"), cost=fact("free")),
        {"initiative": "nothing-found", "no_page_found": True},
        initiative_facts("cost-only", cost=fact("free")),
        {"organisation": "club-vzw", "no_page_found": True},
    ]
    load_facts([write(tmp_path, facts_file(records))])


def test_each_field_is_counted_by_the_kind_of_its_source_and_whether_anyone_searched(searched):
    rows = {row.field: row for row in coverage()}
    url = rows["url"]
    assert (url.records, url.have, url.from_source, url.from_pages["own-site"], url.from_pages["news"]) == (5, 2, 1, 1, 0)
    assert (url.no_page_found, url.not_stated, url.not_searched, url.confirmed) == (1, 1, 1, 1)
    cost = rows["cost"]
    assert (cost.have, cost.from_source, cost.from_pages["news"], cost.contradicted, cost.not_stated) == (2, 1, 1, 1, 1)
    assert (rows["ages"].have, rows["ages"].from_pages["news"]) == (1, 1)
    website = {row.field: row for row in organisation_coverage()}["website"]
    assert (website.records, website.have, website.no_page_found) == (1, 0, 1)


def test_the_command_prints_a_row_per_field(searched, capsys):
    call_command("registry_facts")
    out = capsys.readouterr().out
    assert out.startswith("Published initiatives (5):\n  field ")
    assert [line.split() for line in out.splitlines() if line.strip().startswith("url ")] == [
        ["url", "2", "1", "0", "1", "0", "0", "0", "1", "1", "0", "1", "1", "0"]
    ]
    assert "Organisations (1):" in out
