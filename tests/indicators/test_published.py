"""Figures quoted by documents: loaded as their own sources, never mixed with Eurostat."""

import pytest

from widmonitor.indicators import store
from widmonitor.indicators.models import Observation
from widmonitor.indicators.published import load_published
from widmonitor.problems import Problems


def test_it_loads_the_report_figures_with_their_document_section_and_sentence(db):
    summary = load_published()

    code = Observation.objects.published().get(indicator="written_code", sex="F", age_band="Y16-74")
    assert (code.geo, code.period, code.unit, code.value) == ("BE", "2021", "PC_IND", 1.0)
    assert code.source.key == "document:wid-report-2022:2.3"
    assert (code.source.document, code.source.section) == ("wid-report-2022", "2.3")
    assert code.quote == "Slechts 1 procent van de vrouwen tussen 16 en 74 jaar heeft ooit al code geschreven."
    stem = Observation.objects.published().filter(indicator="wid_sse_stem", period="2019")
    assert {o.sex: o.value for o in stem} == {"F": 7.5, "M": 20.7}
    share = Observation.objects.published().get(indicator="ict_graduates", unit="PC", sex="F")
    assert (share.value, share.period, share.source.document) == (13.7, "2024", "digitalcity-brussels-2025")
    assert summary.created == 52


def test_published_figures_stay_apart_from_eurostat_series(db):
    store.load_bundled(["wid_ius_abs"])
    load_published()

    eurostat = Observation.objects.from_eurostat().filter(indicator="wid_ius_abs", geo="BE", period="2021", sex="F")
    published = Observation.objects.published().filter(indicator="wid_ius_abs", geo="BE", period="2021", sex="F")
    assert [o.value for o in published] == [23.0]
    assert 23.16 in [o.value for o in eurostat]
    assert not set(o.source_id for o in published) & set(o.source_id for o in eurostat)


def test_loading_twice_changes_nothing(db):
    load_published()
    before = list(Observation.objects.order_by("id").values())

    summary = load_published()

    assert (summary.created, summary.revised, summary.unchanged) == (0, 0, 52)
    assert list(Observation.objects.order_by("id").values()) == before


def test_a_figure_without_a_number_loads_nothing(db, tmp_path):
    file = tmp_path / "figures.yaml"
    file.write_text(
        "documents:\n- document: r\n  sections:\n  - section: '1'\n    figures:\n"
        "    - {indicator: a, geo: BE, period: '2021', sex: F, unit: PC, value: 5, quote: 'five'}\n"
        "    - {indicator: a, geo: BE, period: '2021', sex: M, unit: PC, value: 'less than one in five', quote: 'x'}\n"
    )

    with pytest.raises(Problems) as raised:
        load_published(file)

    assert str(raised.value.problems[0]) == (
        "figures.yaml, documents[1].sections[1].figures[2]: "
        "'value' must be the number the text states, not 'less than one in five'"
    )
    assert not Observation.objects.exists()
