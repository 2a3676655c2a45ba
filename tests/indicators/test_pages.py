"""The indicator pages and downloads, on the bundled real data."""

import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook

from widmonitor.indicators import presentation
from widmonitor.indicators.models import Observation

LANGUAGES = ["nl", "fr", "en"]


def spec(content, chart_id):
    match = re.search(rf'<script id="{chart_id}" type="application/json">(.*?)</script>', content, re.DOTALL)
    assert match, f"no JSON block {chart_id}"
    return json.loads(match.group(1))


def card(content, code):
    match = re.search(rf'<li class="indicator-card" id="indicator-{code}">(.*?)</li>', content, re.DOTALL)
    assert match, f"no card for {code}"
    return match.group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_and_an_indicator_page_answer_in_every_language(visitor, language):
    assert visitor.get(f"/{language}/indicators/").status_code == 200
    page = visitor.get(f"/{language}/indicators/wid_sse_icts/")
    assert page.status_code == 200
    assert page.context["summary"].title == {"nl": "Aandeel vrouwen onder de werkende ICT-specialisten",
                                             "fr": "Part des femmes parmi les spécialistes des TIC en emploi",
                                             "en": "Women's share among employed ICT specialists"}[language]


def test_an_unknown_indicator_is_not_found(visitor):
    assert visitor.get("/en/indicators/no_such_indicator/").status_code == 404
    assert visitor.get("/en/indicators/wid_sse_icts/download.pdf").status_code == 404


def test_the_list_shows_belgium_s_latest_value_with_its_flag_and_source(visitor):
    content = visitor.get("/en/indicators/").content.decode()
    icts = card(content, "wid_sse_icts")
    stored = Observation.objects.from_eurostat().get(indicator="wid_sse_icts", geo="BE", period="2021", sex="F")
    assert (stored.value, stored.flags) == (19.6, "b")
    assert "Belgium</dt>" not in icts and "Belgium, 2021" in icts
    assert '<span class="value">19.6</span> <span class="flags">b</span>' in icts
    assert "Source: Eurostat, isoc_sks_itsps" in icts


def test_the_list_shows_the_gap_women_minus_men_with_the_flags_of_both(visitor):
    content = visitor.get("/en/indicators/").content.decode()
    abs_card = card(content, "wid_ius_abs")
    cells = {o.sex: o for o in Observation.objects.from_eurostat().filter(indicator="wid_ius_abs", geo="BE", period="2025")}
    gap = cells["F"].value - cells["M"].value
    assert "Gap (women − men)" in abs_card
    assert f'<span class="value">{gap:.2f}'.rstrip("0").rstrip(".") in abs_card
    assert "percentage points" in abs_card


def test_an_indicator_without_data_says_so_and_shows_no_number(visitor):
    content = visitor.get("/en/indicators/").content.decode()
    ib = card(content, "wid_ui_ib")  # neither Eurostat data nor published figures
    assert "No data bundled yet." in ib
    assert 'class="value"' not in ib and not re.search(r"\d", ib.split("</h3>")[1])
    page = visitor.get("/en/indicators/wid_ui_ib/").content.decode()
    assert "No data bundled yet." in page
    assert "chart-over-time" not in page


def test_the_indicator_page_tables_equal_the_stored_observations_with_their_flags(visitor):
    response = visitor.get("/en/indicators/wid_sse_icts/")
    rows = response.context["over_time"]
    stored = Observation.objects.from_eurostat().filter(indicator="wid_sse_icts", geo="BE", unit="PC", sex="F")
    assert {(r["year"], r["value"], r["flags"]) for r in rows if r["geo"] == "BE"} == {
        (int(o.period), o.value, o.flags) for o in stored
    }
    content = response.content.decode()
    assert "<th scope=\"row\">2021</th><td class=\"number\"><span class=\"value\">19.6</span> <span class=\"flags\">b</span></td>" in content
    assert "break in time series" in content and "low reliability" in content


def test_the_chart_specs_parse_with_a_women_and_a_men_series(visitor):
    content = visitor.get("/en/indicators/wid_ius_abs/").content.decode()
    over_time = spec(content, "chart-over-time")
    assert over_time["$schema"].endswith("vega-lite/v5.json")
    assert {"Women", "Men"} <= {row["series"] for row in over_time["data"]["values"]}
    assert {"BE", "EU27_2020"} <= {row["geo"] for row in over_time["data"]["values"]}
    lines = over_time["layer"][0]["encoding"]
    assert lines["strokeDash"]["field"] == "series" and lines["shape"]["field"] == "series"
    assert lines["strokeWidth"]["field"] == "country"
    by_country = spec(content, "chart-by-country")
    home = [row for row in by_country["data"]["values"] if row["home"]]
    assert [row["geo"] for row in home] == ["BE"]
    assert len(by_country["data"]["values"]) >= 27
    assert 'aria-label="Line chart of Above basic digital skills over time' in content


def test_the_country_comparison_marks_belgium_in_bold_and_lists_every_member_state_with_a_value(visitor):
    response = visitor.get("/en/indicators/wid_sse_icts/")
    geos = [row[0] for row in response.context["comparison"].rows]
    assert response.context["comparison"].year == 2021
    assert "BE" in geos and len(geos) >= 27
    assert '<tr class="home"><th scope="row"><strong>Belgium</strong>' in response.content.decode()


def test_a_gap_indicator_shows_its_one_series(visitor):
    response = visitor.get("/en/indicators/wid_sse_gpg/")
    rows = response.context["over_time"]
    assert {row["series"] for row in rows} == {"Gap"}
    stored = Observation.objects.from_eurostat().get(indicator="wid_sse_gpg", geo="BE", period="2024", sex="")
    belgium_2024 = next(row for row in rows if (row["geo"], row["year"]) == ("BE", 2024))
    assert (belgium_2024["value"], belgium_2024["flags"]) == (stored.value, stored.flags)


def test_published_figures_are_shown_apart_with_their_document(visitor):
    content = visitor.get("/en/indicators/written_code/").content.decode()
    assert "No data bundled yet." in content
    assert "As quoted in" in content and "section 2.3" in content
    assert "Slechts 1 procent van de vrouwen" in content


def test_the_page_links_the_initiatives_of_the_sub_objectives_it_informs(visitor):
    response = visitor.get("/fr/indicators/wid_sse_icts/")
    assert [objective.code for objective, _ in response.context["sub_objectives"]] == ["2.1", "3.1", "3.4"]
    assert 'href="/fr/initiatives/?sub_objective=3.4"' in response.content.decode()


def test_the_csv_download_holds_every_observation_with_flags_and_source(visitor):
    response = visitor.get("/en/indicators/wid_sse_icts/download.csv?headers=codes")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == Observation.objects.filter(indicator="wid_sse_icts").count()
    be = next(r for r in rows if (r["geo"], r["period"], r["sex"]) == ("BE", "2021", "F"))
    assert (be["value"], be["flags"], be["flags_meaning"], be["dataset"]) == ("19.6", "b", "break in time series", "isoc_sks_itsps")
    assert be["source_kind"] == "eurostat" and "isoc_sks_itsps" in be["source"]


def test_the_xlsx_download_holds_the_observations_and_the_quoted_figures(visitor):
    response = visitor.get("/en/indicators/written_code/download.xlsx?headers=codes")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert header[:8] == ["indicator", "geo", "period", "sex", "age_band", "unit", "value", "flags"]
    assert len(rows) == Observation.objects.filter(indicator="written_code").count() > 0
    record = dict(zip(header, rows[0]))
    assert record["source_kind"] == "document" and record["section"] == "2.3"


def test_the_latest_value_is_the_last_year_that_has_one(visitor):
    """Belgium's ICT graduates stop in 2014; 2015 is in the file without a value."""
    card_html = card(visitor.get("/en/indicators/").content.decode(), "ict_graduates")
    assert "Belgium, 2014" in card_html and "Belgium, 2015" not in card_html


def test_the_chart_s_text_alternative_names_belgium_s_latest_values_and_flags(visitor):
    content = visitor.get("/en/indicators/wid_sse_icts/").content.decode()
    assert "<figcaption>Belgium, 2021: women 19.6 (flag b)." in content


def test_the_comparison_table_leaves_out_series_without_any_value(visitor):
    response = visitor.get("/en/indicators/wid_sse_icts/")
    assert [name for name, _label in response.context["comparison"].columns] == ["women"]
    assert '<tr class="home"><th scope="row"><strong>Belgium</strong> ◆</th><td class="number"><span class="value">19.6</span> <span class="flags">b</span></td></tr>' in response.content.decode()


def test_a_title_without_translation_falls_back_to_the_original_marked_with_its_language(visitor, monkeypatch):
    indicator = presentation.catalogue()["wid_sse_icts"]
    monkeypatch.setitem(indicator.title, "fr", "")
    content = visitor.get("/fr/indicators/wid_sse_icts/").content.decode()
    assert '<h1 lang="en">Women&#x27;s share among employed ICT specialists</h1>' in content


def test_a_chosen_country_joins_belgium_and_the_eu27_over_time(visitor):
    response = visitor.get("/en/indicators/wid_ius_abs/?compare=FR")
    assert {row["geo"] for row in response.context["over_time"]} == {"BE", "EU27_2020", "FR"}
    assert "for Belgium, the EU27 and France" in response.content.decode()
    ignored = visitor.get("/en/indicators/wid_ius_abs/?compare=XX")
    assert {row["geo"] for row in ignored.context["over_time"]} == {"BE", "EU27_2020"}
