"""The recomputed Women in Digital score on the indicator list: computed only from complete inputs."""

import re

from django.utils import timezone

from widmonitor.indicators.computations.ranking import EU_MEMBER_STATES
from widmonitor.indicators.computations.score import WID_SCOREBOARD
from widmonitor.indicators.models import Observation, Source
from widmonitor.indicators.store import load_bundled


def score_section(client):
    html = client.get("/en/indicators/").content.decode()
    return re.search(r'<section class="wid-score".*?</section>', html, re.S).group(0)


def test_with_the_bundled_data_the_score_says_which_inputs_are_missing(db, client):
    load_bundled()
    section = score_section(client)
    assert "Not computed yet:" in section and "Regular internet use" in section
    assert "this is not the European Commission's score" in section
    assert "/ 100" not in section


def test_a_country_best_on_every_input_scores_100(db, client):
    """SYNTHETIC observations, made for this test: Belgium has the EU's best value on all 12 inputs."""
    source = Source.objects.create(key="test:synthetic", kind=Source.Kind.EUROSTAT, dataset="synthetic", retrieved_at=timezone.now())
    rows = []
    for area in WID_SCOREBOARD:
        for indicator in area.indicators:
            for rank, geo in enumerate(EU_MEMBER_STATES):
                best = geo == "BE"
                value = (90.0 if best else 10.0 + rank) if indicator.higher_is_better else (1.0 if best else 40.0 + rank)
                sex = "" if indicator.code == "wid_sse_gpg" else "F"
                rows.append(Observation(indicator=indicator.code, geo=geo, period="2023", sex=sex, age_band="", unit="PC",
                                        value=value, flags="p" if best and indicator.code == "wid_ius_bs" else "", source=source,
                                        retrieved_at=timezone.now(), quote=""))
    Observation.objects.bulk_create(rows)

    section = score_section(client)

    assert re.search(r'<span class="value">100</span> <span class="flags">p</span>\s*/ 100', section), section
    assert "Not computed yet" not in section
