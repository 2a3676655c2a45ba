"""The coverage map: counts per sub-objective and audience or region, cells that link to their search, gaps marked."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiatives
from widmonitor.portal import coverage
from widmonitor.vocabularies.models import Term

from ..search.registry import relations

# Fictional records, made up for these tests (not data): with the fictional registry they make
# sub-objective 3.4 × women a covered cell (3) while 1.3 × girls stays thin (1).
MORE = [
    {
        "uid": "fictional-women-meetup",
        "original_language": "en",
        "title": {"en": "Fictional meetup of women in tech"},
        "relations": {"audiences": ["women"], "regions": ["flanders"], "objectives": ["3.4"]},
    },
    {
        "uid": "fictional-women-webinar",
        "original_language": "en",
        "title": {"en": "Fictional webinar for women and girls"},
        "relations": {"audiences": ["women", "girls"], "regions": ["brussels", "flanders"], "objectives": ["3.4", "3.2"]},
    },
]


@pytest.fixture
def registry_with_more(fictional_registry):
    save_initiatives(
        [(Initiative(moderation="published", **{k: v for k, v in r.items() if k != "relations"}), relations(r["relations"])) for r in MORE],
        reason="Fictional test records",
    )


def cell_html(html, table_id, code, column):
    """The <td> of row ``code`` whose hidden label names ``column``, in table ``table_id``."""
    table = re.search(rf'<table class="coverage" id="{table_id}">(.*?)</table>', html, re.DOTALL).group(1)
    found = re.search(rf'<td class="cell [^"]*">(?:(?!</td>).)*\({re.escape(code)}, {re.escape(column)}\)(?:(?!</td>).)*</td>', table, re.DOTALL)
    return found.group(0)


def test_it_counts_each_cell_from_the_published_entries_in_one_query(registry_with_more, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = coverage.Counts()
    assert counts.cell("1.3", "audience", "girls").count == 1  # girls-code
    assert counts.cell("1.3", "audience", "women").count == 0  # only the unpublished secret-draft
    assert counts.cell("3.4", "audience", "women").count == 3  # mentoring-network, meetup, webinar
    assert counts.cell("3.4", "audience", "girls").count == 1  # webinar
    assert counts.cell("3.2", "audience", "women").count == 1  # webinar
    assert counts.cell("1.2", "audience", "teachers").count == 1  # teachers-ai
    assert counts.cell("3.4", "region", "flanders").count == 3
    assert counts.cell("3.4", "region", "brussels").count == 1
    assert counts.cell("2.1", "region", "wallonia").count == 1  # women-developers
    assert counts.cell("1.1", "region", "brussels").count == 0
    assert (counts.total("3.4").count, counts.total("1.3").count, counts.total("1.1").count) == (3, 1, 0)


@pytest.mark.parametrize(("count", "level"), [(0, "none"), (1, "thin"), (2, "thin"), (3, "covered"), (40, "covered")])
def test_a_cell_is_empty_thin_or_covered(count, level):
    assert coverage.Cell(count, "").level == level


def test_a_cell_links_to_the_search_of_its_sub_objective_and_column(registry_with_more):
    counts = coverage.Counts()
    assert counts.cell("1.2", "audience", "girls").params == "sub_objective=1.2&audience=girls"
    assert counts.cell("3.4", "region", "flanders").params == "sub_objective=3.4&region=flanders"
    assert counts.total("3.4").params == "sub_objective=3.4"


def test_the_page_shows_counts_links_and_marks_empty_and_thin_cells_with_words(anonymous, registry_with_more):
    html = anonymous.get("/en/coverage/").content.decode()
    covered = cell_html(html, "audience-table", "3.4", "women")
    assert 'class="cell cell-covered"' in covered and 'href="/en/initiatives/?sub_objective=3.4&amp;audience=women">3<' in covered
    thin = cell_html(html, "audience-table", "1.3", "girls")
    assert 'class="cell cell-thin"' in thin and ">1<" in thin and '<span class="marker-text">thin</span>' in thin
    empty = cell_html(html, "audience-table", "1.1", "girls")
    assert 'class="cell cell-none"' in empty and ">0<" in empty and '<span class="marker-text">none</span>' in empty
    assert 'href="/en/initiatives/?sub_objective=1.1&amp;audience=girls"' in empty
    region = cell_html(html, "region-table", "3.4", "Flanders")
    assert 'href="/en/initiatives/?sub_objective=3.4&amp;region=flanders">3<' in region
    assert "no published initiative" in html and "1 to 2 initiatives" in html  # the legend


def test_the_tables_are_accessible_and_scroll_in_a_labelled_focusable_region(anonymous, registry_with_more):
    html = anonymous.get("/en/coverage/").content.decode()
    assert '<div class="table-scroll" role="region" aria-labelledby="audience-table-caption" tabindex="0">' in html
    assert '<caption id="region-table-caption">Published initiatives per sub-objective and region</caption>' in html
    assert '<th scope="col">Flanders</th>' in html
    assert '<th scope="rowgroup" colspan="10">1 <span lang="en">Ensuring that more women graduate in the digital sector</span></th>' in html
    assert re.search(r'<th scope="row"><a href="/en/strategy/3.2/">3.2</a> <span lang="en">Lifelong learning</span></th>', html)


def test_the_visitor_picks_which_audiences_are_columns(anonymous, registry_with_more):
    people = anonymous.get("/en/coverage/").content.decode()
    ages = anonymous.get("/en/coverage/?audiences=ages").content.decode()
    assert '<th scope="col">girls</th>' in people and '<th scope="col">12 to 18</th>' not in people
    assert '<th scope="col">12 to 18</th>' in ages and '<th scope="col">girls</th>' not in ages
    assert '<option value="ages" selected>Age bands</option>' in ages
    assert anonymous.get("/en/coverage/?audiences=nonsense").content.decode().count('<th scope="col">girls</th>') == 1


def test_every_audience_of_the_vocabulary_is_in_some_group(vocabularies):
    shown = [code for key, _label in coverage.audience_groups() for code, _l in coverage.audience_columns(key)]
    assert sorted(shown) == sorted(Term.objects.of("audience").values_list("code", flat=True))


def test_a_code_no_group_names_shows_under_other(vocabularies):
    Term.objects.create(vocabulary="audience", code="fictional-grandparents", label={"en": "grandparents"}, position=99)
    assert coverage.audience_groups()[-1][0] == "other"
    assert coverage.audience_columns("other") == [("fictional-grandparents", "grandparents")]


def test_it_lists_the_age_bands_the_strategy_names_and_the_sub_objectives_nobody_serves_for_them(registry_with_more):
    gaps = {gap.band.code: gap for gap in coverage.age_band_gaps(coverage.Counts())}
    assert list(gaps) == ["age-lt6", "age-6-12", "age-12-18", "age-17-18"]
    named = {band: [(sub.code, cell.count) for sub, cell in gap.named_by] for band, gap in gaps.items()}
    # 1.2: teachers-ai states teachers and schools; sub-objective 1.2 implies girls aged 6 to 12
    assert named == {"age-lt6": [("1.1", 0)], "age-6-12": [("1.2", 1)], "age-12-18": [("1.3", 1)], "age-17-18": [("1.4", 0)]}
    assert "1.3" not in [sub.code for sub in gaps["age-12-18"].sub_objectives]
    assert [sub.code for sub in gaps["age-lt6"].sub_objectives][:4] == ["1.1", "1.2", "1.3", "1.4"]


def test_the_page_says_where_nobody_acts_for_an_age_band(anonymous, registry_with_more):
    html = anonymous.get("/en/coverage/").content.decode()
    assert "Sub-objective 1.1, which names this age band: 0 initiatives for it." in html
    assert "Sub-objective 1.3, which names this age band: 1 initiative for it." in html
    assert 'href="/en/initiatives/?sub_objective=1.3&amp;audience=age-12-18">See them</a>' in html
    assert re.search(r'<a href="/en/strategy/1.1/">1.1<span class="visually-hidden"> <span lang="en">Awakening', html)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_page_answers_in_every_language(anonymous, registry_with_more, language):
    response = anonymous.get(f"/{language}/coverage/?audiences=roles")
    html = response.content.decode()
    assert response.status_code == 200 and f'<html lang="{language}">' in html
    with translation.override(language):
        assert f'aria-current="page">{gettext("Coverage map")}</a>' in html


@pytest.mark.parametrize(
    ("count", "lacking", "level"), [(0, 0, "none"), (0, 1, "unknown"), (0, 7, "unknown"), (1, 3, "thin"), (3, 3, "covered")]
)
def test_no_initiative_is_nobody_only_when_every_initiative_of_the_row_says_where_or_for_whom(count, lacking, level):
    assert coverage.Cell(count, "", lacking=lacking).level == level


def test_a_cell_whose_row_has_initiatives_not_saying_the_field_is_not_known(registry_with_more):
    counts = coverage.Counts()
    # 1.2: teachers-ai says for whom (teachers, schools) but not where
    assert (counts.cell("1.2", "region", "brussels").level, counts.cell("1.2", "region", "brussels").lacking) == ("unknown", 1)
    assert counts.cell("1.2", "audience", "job-seekers").level == "none"
    # 2.1: women-developers says where (Wallonia) and for whom
    assert counts.cell("2.1", "region", "brussels").level == "none"
    assert counts.cell("2.1", "audience", "teachers").level == "none"


def test_audiences_the_strategy_implies_count_in_the_map(registry_with_more):
    counts = coverage.Counts()
    assert counts.cell("1.2", "audience", "girls").count == 1  # teachers-ai: objective 1 names girls
    assert counts.cell("1.2", "audience", "age-6-12").count == 1  # and 1.2 its age band
    assert counts.cell("3.4", "audience", "employees").count == 3  # objective 3 names employees; no record states it


def test_the_page_shows_not_known_apart_with_how_many_initiatives_do_not_say(anonymous, registry_with_more):
    html = anonymous.get("/en/coverage/").content.decode()
    unknown = cell_html(html, "region-table", "1.2", "Brussels-Capital Region")
    assert 'class="cell cell-unknown"' in unknown and '<span class="marker-text">not known</span>' in unknown
    assert "(1 initiative of this row does not say)" in unknown
    table = re.search(r'<table class="coverage" id="region-table">(.*?)</table>', html, re.DOTALL).group(1)
    assert '<th scope="col">Region not stated</th>' in table
    assert '<td class="lacking">1<span class="visually-hidden"> (1.2, Region not stated)</span></td>' in table
    assert 'class="cell cell-none"' in cell_html(html, "region-table", "2.1", "Brussels-Capital Region")
