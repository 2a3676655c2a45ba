"""The organisations that support the strategy: the 58 that section 4 of the 2022 edition lists, recorded as
supporters from 2022 on (data/reports/2022/supporting.yaml, by registry identifier), counted and listed by the report."""

import re

import pytest
import yaml
from django.conf import settings

from widmonitor.actors.models import Organisation
from widmonitor.problems import Problems
from widmonitor.reports.build import build_report
from widmonitor.reports.bundled import load_bundled, load_supporters
from widmonitor.reports.models import Meeting, Supporter
from widmonitor.reports.render import render_html

LISTED = settings.DATA_DIR / "reports" / "2022" / "supporting.yaml"


def listed_slugs():
    return [item["organisation"] for item in yaml.safe_load(LISTED.read_text(encoding="utf-8"))["organisations"]]


def supporting_section(html):
    return re.search(r'<h3>[^<]*</h3>\s*(<p>[^<]*</p>\s*<ul class="supporting">.*?</ul>.*?)</section>', html, re.S).group(1)


def test_the_edition_lists_58_distinct_registry_organisations(data):
    slugs = listed_slugs()
    assert len(slugs) == len(set(slugs)) == 58
    assert Organisation.objects.filter(slug__in=slugs).count() == 58


def test_every_registry_organisation_recorded_from_section_4_is_listed_and_every_other_listed_one_says_section_4(data):
    slugs = set(listed_slugs())
    from_section_4 = set(Organisation.objects.filter(source_section="4").values_list("slug", flat=True))
    assert from_section_4 <= slugs
    for organisation in Organisation.objects.filter(slug__in=slugs - from_section_4):
        assert "section 4" in organisation.provenance_note and "not in section 4" not in organisation.provenance_note, organisation.slug


def test_the_2022_report_counts_and_lists_the_supporting_organisations(data):
    report = build_report(2022)
    names = {organisation.slug: str(organisation.text("name")) for organisation in Organisation.objects.filter(slug__in=listed_slugs())}
    assert sorted(str(name.pick("nl")) for name in report.supporting) == sorted(names.values())
    assert report.supporting_sources == ["Women in Digital – Rapport 2022 (FOD Economie), section 4"]
    html = supporting_section(render_html(report, "en"))
    assert html.startswith("<p>In 2022, 58 organisations support the strategy:</p>")
    assert html.count("<li>") == 58
    assert '<li><span lang="nl">Accenture</span></li>' in html and '<li><span lang="nl">Womenpreneur</span></li>' in html
    assert '<p class="source">Source: Women in Digital – Rapport 2022 (FOD Economie), section 4</p>' in html


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("nl", "In 2022 steunen 58 organisaties de strategie:"), ("fr", "En 2022, 58 organisations soutiennent la stratégie :")],
)
def test_the_count_reads_in_the_readers_language(data, language, sentence):
    assert supporting_section(render_html(build_report(2022), language)).startswith(f"<p>{sentence}</p>")


def test_a_supporter_counts_from_its_first_year_up_to_its_last(data):
    Supporter.objects.filter(organisation__slug="accenture").update(until=2022)
    newcomer = Organisation.objects.get(slug="becode")
    Supporter.objects.create(organisation=newcomer, since=2023, source="Back office, 2023")
    assert "becode" not in {s.organisation.slug for s in Supporter.objects.in_year(2022)}
    assert {s.organisation.slug for s in Supporter.objects.in_year(2023)} == set(listed_slugs()) - {"accenture"} | {"becode"}
    report = build_report(2023)
    assert len(report.supporting) == 58 and report.supporting_sources == ["Back office, 2023", "Women in Digital – Rapport 2022 (FOD Economie), section 4"]


def test_an_organisation_linked_only_to_a_meeting_of_the_year_is_counted_and_said_to_come_from_the_meetings(data):
    meeting = Meeting.objects.get(date="2022-03-24")
    meeting.organisations.add(Organisation.objects.get(slug="becode"))
    report = build_report(2022)
    assert (len(report.supporting), report.supporting_at_meetings) == (59, 1)
    assert "1 of them is known from the working group's meetings of the year." in render_html(report, "en")


def test_loading_again_keeps_a_supporter_edited_in_the_back_office(data):
    Supporter.objects.filter(organisation__slug="agoria").update(until=2023, source="Edited by the working group")
    assert load_bundled() == (0, 0, 0)
    assert Supporter.objects.filter(organisation__slug="agoria", until=2023, source="Edited by the working group").exists()


def test_a_list_naming_an_organisation_the_registry_lacks_is_refused_with_every_problem(data, tmp_path):
    path = tmp_path / "supporting.yaml"
    path.write_text("source: A report\nsince: 2024\norganisations:\n  - {organisation: nobody}\n  - {organisation: agoria}\n  - {}\n", encoding="utf-8")
    with pytest.raises(Problems) as raised:
        load_supporters(path)
    assert [(problem.code, problem.item) for problem in raised.value.problems] == [
        ("required", "organisations[3]"), ("unknown_organisation", "organisations[1]"),
    ]  # fmt: skip
    assert not Supporter.objects.filter(since=2024).exists()
