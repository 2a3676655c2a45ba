"""An indicator whose one series already is a gap (Eurostat's gender pay gap, sdg_05_20 and
earn_gr_gpgr2) is (men − women) / men in % of men's average gross hourly earnings: every place
that shows it says so, in the reader's language, and never calls it women minus men."""

import csv
import io
import json
import re

import pytest

from widmonitor.indicators import presentation
from widmonitor.indicators.models import Observation

DEFINITION = {"en": "(men − women) / men", "nl": "(mannen − vrouwen) / mannen", "fr": "(hommes − femmes) / hommes"}
WOMEN_MINUS_MEN = {"en": "women − men", "nl": "vrouwen − mannen", "fr": "femmes − hommes"}
UNIT = {"en": "% of men&#x27;s average gross hourly earnings", "nl": "% van het gemiddelde bruto-uurloon van mannen",
        "fr": "% de la rémunération horaire brute moyenne des hommes"}
POSITIVE = {"en": "A positive value means women earn less per hour than men",
            "nl": "Een positieve waarde betekent dat vrouwen per uur minder verdienen dan mannen",
            "fr": "Une valeur positive signifie que les femmes gagnent moins par heure que les hommes"}
LANGUAGES = list(DEFINITION)


def card(content, code):
    match = re.search(rf'<li class="indicator-card" id="indicator-{code}">(.*?)</li>', content, re.DOTALL)
    assert match, f"no card for {code}"
    return match.group(1)


def chart_specs(content):
    return [json.loads(block) for block in re.findall(r'<script id="chart-[^"]*" type="application/json">(.*?)</script>', content, re.DOTALL)]


def axis_titles(spec):
    """Every axis title of a Vega-Lite spec, wherever its layers put them."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("x", "y") and isinstance(value, dict) and isinstance(value.get("title"), (str, list)):
                found.append(" ".join(value["title"]) if isinstance(value["title"], list) else value["title"])  # a title's lines
            found += axis_titles(value)
    elif isinstance(spec, list):
        for item in spec:
            found += axis_titles(item)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", ["wid_sse_gpg", "gpg_ict"])
def test_the_pay_gap_page_states_men_minus_women_over_men_in_the_reader_s_language_never_women_minus_men(visitor, language, code):
    content = visitor.get(f"/{language}/indicators/{code}/").content.decode()

    assert DEFINITION[language] in content
    assert POSITIVE[language] in content
    assert UNIT[language] in content
    assert WOMEN_MINUS_MEN[language] not in content
    assert "percentage points" not in content and "procentpunten" not in content and "points de pourcentage" not in content


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pay_gap_charts_name_its_unit_on_their_axes(visitor, language):
    content = visitor.get(f"/{language}/indicators/wid_sse_gpg/").content.decode()

    titles = [title for spec in chart_specs(content) for title in axis_titles(spec)]
    unit = UNIT[language].replace("&#x27;", "'")
    assert titles.count(unit) >= 2  # over time and by country
    assert not any(title in ("percentage", "pourcentage") for title in titles)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_s_women_minus_men_statement_leaves_the_pay_gap_out_and_its_card_gives_its_own_definition(visitor, language):
    content = visitor.get(f"/{language}/indicators/").content.decode()

    pay_gap = card(content, "wid_sse_gpg")
    assert DEFINITION[language] in pay_gap and UNIT[language] in pay_gap
    assert WOMEN_MINUS_MEN[language] not in pay_gap
    lead = {"en": "An indicator that is itself a gap, such as the gender pay gap, has its own definition",
            "nl": "Een indicator die zelf een kloof is, zoals de loonkloof, heeft een eigen definitie",
            "fr": "Un indicateur qui est lui-même un écart, comme l'écart de rémunération, a sa propre définition"}[language]
    assert lead in content.replace("&#x27;", "'")
    # a by-sex indicator still shows women minus men, in percentage points
    assert WOMEN_MINUS_MEN[language] in card(content, "wid_ius_abs")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_score_s_inputs_give_the_pay_gap_in_its_own_unit(visitor, language):
    content = visitor.get(f"/{language}/indicators/").content.decode()

    score = content[content.index('<section class="wid-score"'):]
    score = score[:score.index("</section>")]
    row = re.search(r"<tr>(?:(?!</tr>).)*" + re.escape(presentation.catalogue()["wid_sse_gpg"].title[language].replace("'", "&#x27;")) + r".*?</tr>", score, re.DOTALL)
    assert row, "no row of the pay gap among the score's inputs"
    assert f"<td>{UNIT[language]}</td>" in row.group(0)


def test_belgium_s_pay_gap_reads_as_closing_not_as_rising_falling_or_parity(visitor):
    """Belgium's pay gap fell from 9.5 (2006) to 0.7 (2022, and 2023-2024 provisional): a gap closing, not parity."""
    stored = dict(Observation.objects.from_eurostat().filter(indicator="wid_sse_gpg", geo="BE").values_list("period", "value"))
    assert (stored["2006"], stored["2022"], stored["2024"]) == (9.5, 0.7, 0.7)

    page = visitor.get("/en/indicators/wid_sse_gpg/")

    assert page.context["summary"].trend == "gap closing"
    assert "<dt>Trend in Belgium</dt><dd>gap closing</dd>" in page.content.decode()
    assert "<dt>Progress means</dt><dd>a smaller gap: a value closer to 0 (parity)</dd>" in page.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pay_gap_download_says_what_its_value_is_in_the_reader_s_language(visitor, language):
    response = visitor.get(f"/{language}/indicators/wid_sse_gpg/download.csv?headers=codes")

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    belgium = next(row for row in rows if (row["geo"], row["period"]) == ("BE", "2024"))
    assert (belgium["value"], belgium["flags"], belgium["sex"]) == ("0.7", "p", "")
    assert belgium["unit_label"] == UNIT[language].replace("&#x27;", "'")
    assert DEFINITION[language] in belgium["definition"]


def test_the_comparison_table_names_the_pay_gap_column_by_its_own_definition(visitor):
    response = visitor.get("/en/indicators/wid_sse_gpg/")

    assert response.context["comparison"].columns == [("gap", "Pay gap, (men − women) / men")]
    assert presentation.gap_name(presentation.catalogue()["wid_ius_abs"]) == "Gap (women − men)"


@pytest.fixture(scope="module")
def report_2024(setup_data, django_db_blocker):
    from widmonitor.reports.build import build_report

    with django_db_blocker.unblock():
        return build_report(2024)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_s_current_situation_gives_the_pay_gap_its_own_definition_and_unit(report_2024, language):
    from widmonitor.reports.render import render_html

    html = render_html(report_2024, language)

    section = html[html.index('id="indicator-wid_sse_gpg"'):]
    section = section[:section.index("</table>")]
    assert DEFINITION[language] in section and POSITIVE[language] in section
    assert f"<td>{UNIT[language]}</td>" in section
    assert WOMEN_MINUS_MEN[language] not in section
    number = {"en": "0.7", "nl": "0,7", "fr": "0,7"}[language]
    assert f'<td class="number">{number} <span class="flag">p</span></td>' in section
