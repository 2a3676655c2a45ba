"""The recomputed Women in Digital score on the indicator list: computed only from complete inputs."""

import re

import polars as pl

from widmonitor.indicators import presentation, store
from widmonitor.indicators.computations.ranking import EU_MEMBER_STATES
from widmonitor.indicators.computations.score import WID_SCOREBOARD
from widmonitor.indicators.models import Source
from widmonitor.indicators.store import load_bundled


def score_section(client):
    html = client.get("/en/indicators/").content.decode()
    return re.search(r'<section class="wid-score".*?</section>', html, re.S).group(0)


def test_with_the_bundled_data_the_score_says_which_inputs_are_missing(db, client):
    load_bundled()
    section = score_section(client)
    assert "Not computed: 9 inputs have no value for Belgium in 2021." in section and "Regular internet use" in section
    assert "This is not the European Commission's score." in section
    assert "/ 100" not in section


def test_a_country_best_on_every_input_scores_100(db, client):
    """SYNTHETIC observations, made for this test: Belgium has the EU's best value on all 12 inputs."""
    rows = []
    for area in WID_SCOREBOARD:
        for indicator in area.indicators:
            for rank, geo in enumerate(EU_MEMBER_STATES):
                best = geo == "BE"
                value = (90.0 if best else 10.0 + rank) if indicator.higher_is_better else (1.0 if best else 40.0 + rank)
                sex = "" if indicator.code == "wid_sse_gpg" else "F"
                unit = presentation.catalogue()[indicator.code].unit
                rows.append((indicator.code, geo, "2023", sex, "", unit, value, "p" if best and indicator.code == "wid_ius_bs" else "", ""))
    store.write(pl.DataFrame(rows, schema=store.empty_rows().schema, orient="row"),
                {"key": "test:synthetic", "kind": Source.Kind.EUROSTAT, "dataset": "synthetic"})

    section = score_section(client)

    assert re.search(r'<span class="value">100</span> <span class="flags">p</span>\s*/ 100', section), section
    assert "Not computed" not in section and "Reference year: 2023" in section


def test_the_list_shows_the_commission_s_published_scores_for_belgium_with_their_pages(db, client):
    section = score_section(client)

    rows = re.findall(r"<tr>\s*<th scope=\"row\">(WiD \d{4})</th>(.*?)</tr>", section, re.S)
    cells = {edition: [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for edition, row in rows}
    assert {edition: values[:4] for edition, values in cells.items()} == {
        "WiD 2019": ["not stated", "51.4", "11 of 28", "not stated"],
        "WiD 2020": ["not stated", "52.79", "not stated", "not stated"],
        "WiD 2021": ["2020", "55.6", "12 of 27", "53.2"],
        "WiD 2022": ["2021", "58.3", "12 of 27", "54.9"],
    }
    wid_2022 = dict(rows)["WiD 2022"]
    assert '<a href="https://economie.fgov.be/fr/themes/line/les-tic-en-belgique/barometre-de-la-societe-de/competences-et-emplois/women-digital-wid">' in wid_2022
    assert "The European Commission's score, as published" in section and "Recomputed by widmonitor" in section


def test_the_recomputation_takes_every_input_in_one_reference_year_and_says_which(db, client):
    load_bundled()
    section = score_section(client)

    assert "Reference year: 2021, the latest year in which Belgium has a value for the most inputs (3 of 12)." in section
    above_basic = re.search(r"<th scope=\"row\">Above basic digital skills</th>(.*?)</tr>", section, re.S).group(1)
    assert '<span class="value">23.16</span>' in above_basic  # Belgium's women in 2021, not its latest year (2025: 27.58)
    assert "2021, 2023, 2025" in above_basic and "Eurostat, isoc_sk_dskl_i21" in above_basic
    pay_gap = re.search(r"<th scope=\"row\">Unadjusted gender pay gap</th>(.*?)</tr>", section, re.S).group(1)
    assert "2006–2024" in pay_gap
