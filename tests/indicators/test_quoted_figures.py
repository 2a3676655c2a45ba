"""Published figures carry their own population, unit, measure and source, and belong to a series only when they are of it."""

import re

import pytest
import yaml
from django.conf import settings

from widmonitor.indicators import presentation
from widmonitor.indicators.published import load_published
from widmonitor.problems import Problems

FIGURES = settings.DATA_DIR / "sources" / "published-figures.yaml"
SCORES = settings.DATA_DIR / "sources" / "wid-scores.yaml"
PAGES = settings.DATA_DIR / "published_pages"


def figure_items(content):
    """The items of the detail page's list of published figures, tags removed."""
    section = re.search(r'<ul class="published-figures">(.*?)</ul>', content, re.S).group(1)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)) for item in re.findall(r"<li>(.*?)</li>", section, re.S)]


def card(content, code):
    return re.search(rf'<li class="indicator-card" id="indicator-{code}">(.*?)</li>', content, re.S).group(1)


def normalised(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(("code", "words", "own", "default"), [
    ("wid_ius_bs", "25 tot 54 jaar", "women, aged 25-54: 61 (percentage of individuals)", "aged 16-74"),
    ("wid_ius_bs", "25 tot 54 jaar", "men, aged 25-54: 65 (percentage of individuals)", "aged 16-74"),
    ("written_code", "16 tot 19 jaar", "women, aged 16-19: 3 (percentage of individuals)", "aged 16-74"),
    ("written_code", "16 tot 19 jaar", "men, aged 16-19: 16 (percentage of individuals)", "aged 16-74"),
])  # fmt: skip
def test_a_quoted_figure_shows_its_own_age_band_never_the_indicator_s(visitor, code, words, own, default):
    items = [item for item in figure_items(visitor.get(f"/en/indicators/{code}/").content.decode()) if words in item]
    shown = [item for item in items if own in item]
    assert len(shown) == 1, items
    assert default not in shown[0]
    assert "Not the unit or population of this indicator's series: not comparable with it." in shown[0]


def test_the_stock_of_ict_graduates_is_labelled_as_a_stock_and_kept_out_of_the_yearly_series(visitor):
    response = visitor.get("/en/indicators/ict_graduates/")
    published = response.context["published"]
    assert {(f.sex, f.unit, f.value) for f in published} == {("F", "NR", 16681), ("M", "NR", 104818), ("F", "PC", 13.7), ("M", "PC", 86.3)}
    assert all(f.measure == "stock" and not f.in_series and f.series == "" for f in published)
    items = figure_items(response.content.decode())
    assert all("It measures something else than this indicator: people who graduated over the years (a stock), "
               "not the graduates of one year that the indicator counts." in item for item in items)
    assert 2024 not in {row["year"] for row in response.context["over_time"]}  # the chart draws Eurostat's yearly flow only
    assert not presentation.summary(presentation.catalogue()["ict_graduates"]).published_pairs  # not shown as its value


@pytest.mark.parametrize(("code", "period", "age_band", "unit", "in_series"), [
    ("wid_ius_bs", "2021", "Y16-74", "PC_IND", True),
    ("wid_ius_bs", "2021", "Y25-54", "PC_IND", False),
    ("wid_sse_stem", "2022", "Y20-29", "P_THAB", True),
    ("wid_sse_stem", "2019", "", "PER_1000", False),  # the 2022 report gives no age band
    ("wid_ui_iu", "2021", "", "PC_IND", False),  # the page gives no age band
    ("wid_ui_egov", "2021", "Y16-74", "PC_IND", True),
])  # fmt: skip
def test_only_a_figure_of_the_indicator_s_unit_and_population_belongs_to_its_series(visitor, code, period, age_band, unit, in_series):
    figures = presentation.published_figures(presentation.catalogue()[code])
    chosen = [f for f in figures if (f.period, f.age_band, f.unit) == (period, age_band, unit)]
    assert chosen and {f.in_series for f in chosen} == {in_series}
    assert {f.series for f in chosen} == ({f.sex for f in chosen} if in_series else {""})


def test_two_published_versions_that_differ_are_both_shown_each_with_its_page(visitor):
    egov = card(visitor.get("/en/indicators/").content.decode(), "wid_ui_egov")
    assert '<span class="value">48.9</span> · Men: <span class="value">53.9</span>' in egov
    assert '<span class="value">48.7</span> · Men: <span class="value">54.5</span>' in egov
    assert '<a href="https://statbel.fgov.be/nl/nieuws/e-government-en-e-commerce-de-lift-belgie">' in egov
    assert '<a href="https://statbel.fgov.be/fr/themes/menages/utilisation-des-tic-aupres-des-menages">' in egov
    assert "The published versions differ: each is shown with its source, none is chosen." in egov
    stem = visitor.get("/en/indicators/wid_sse_stem/").content.decode()
    differing = [item for item in figure_items(stem) if "Another published version gives another value" in item]
    assert len(differing) == 2 and any("23.2" in item for item in differing) and any("23.3" in item for item in differing)


def test_a_card_shows_belgium_s_published_women_and_men_values_with_year_population_and_page(visitor):
    iu = card(visitor.get("/en/indicators/").content.decode(), "wid_ui_iu")
    assert "No data bundled yet." in iu
    assert ("Published for Belgium, 2021 (age not stated): Women: <span class=\"value\">92</span> · "
            "Men: <span class=\"value\">91</span> <span class=\"unit\">(percentage of individuals)</span>") in iu
    assert "https://economie.fgov.be/nl/themas/online/ict-belgie/barometer-van-de/huishoudens-en-internet/internetgebruik-door" in iu


def page_documents():
    return [document for document in yaml.safe_load(FIGURES.read_text())["documents"] if "page" in document]


def written(value):
    """The number as a page may print it: 48,9 or 48.9, 2021."""
    text = format(value, "g")
    return {text, text.replace(".", ",")}


def test_every_figure_from_a_page_is_copied_verbatim_from_its_stored_copy_with_the_page_s_address():
    documents = page_documents()
    scores = yaml.safe_load(SCORES.read_text())
    cited = {document["page"] for document in documents} | {page["page"] for page in scores["pages"].values()}
    assert cited == {path.name for path in PAGES.glob("*.excerpt.txt")}  # every stored copy is cited, every cited one is there
    quoted = [(document["page"], document["url"], figure) for document in documents for figure in document["figures"]]
    quoted += [
        (scores["pages"][item["page"]]["page"], scores["pages"][item["page"]]["url"], item)
        for edition in scores["editions"] for name, item in edition.items() if name != "edition"
    ]  # fmt: skip
    assert len(quoted) == 34
    for file, url, figure in quoted:
        text = (PAGES / file).read_text(encoding="utf-8")
        assert f"URL: {url}" in text, file
        assert normalised(figure["quote"]) in normalised(text), (file, figure["quote"])
        assert any(number in figure["quote"] for number in written(figure["value"])), (file, figure)


def test_a_figure_with_an_unknown_measure_loads_nothing(db, tmp_path):
    file = tmp_path / "figures.yaml"
    file.write_text(
        "documents:\n- document: r\n  sections:\n  - section: '1'\n    figures:\n"
        "    - {indicator: a, geo: BE, period: '2021', sex: F, unit: NR, value: 5, measure: stocks, quote: 'five'}\n"
    )

    with pytest.raises(Problems) as raised:
        load_published(file)

    assert str(raised.value.problems[0]) == (
        "figures.yaml, documents[1].sections[1].figures[1]: 'measure' is 'stocks' (expected one of stock)"
    )


def test_a_page_without_its_stored_copy_or_address_loads_nothing(db, tmp_path):
    file = tmp_path / "figures.yaml"
    file.write_text(
        "documents:\n- document: p\n  page: missing.excerpt.txt\n  figures:\n"
        "  - {indicator: a, geo: BE, period: '2021', sex: F, unit: PC_IND, value: 5, quote: 'five'}\n"
    )

    with pytest.raises(Problems) as raised:
        load_published(file)

    assert [problem.code for problem in raised.value.problems] == ["missing_file", "required"]
    assert "missing 'url'" in str(raised.value.problems[1])
