"""No interface string of the report is left in English in the nl and fr renderings.

The report is rendered from a synthetic one whose content texts differ in each language, so a
text of the interface is the only kind that can read the same in two renderings; a text that
reads the same as in the English rendering is untranslated, unless the language spells it alike
(``SAME_IN``).
"""

import re

import pytest

from widmonitor.reports.render import render_html
from widmonitor.reports.report import (
    ChangedEntry,
    Changes,
    CountNotice,
    Figure,
    Indicator,
    InitiativeEntry,
    Meeting,
    ObjectiveSection,
    Report,
    Source,
    StatedList,
    Text,
)

# Texts that read the same in English: names, codes, and words that a language spells alike.
SAME_EVERYWHERE = {"widmonitor", "EU27", "PDF", "HTML", "xlsx", "Women in Digital 2022"}
# The originals of the texts shown in translation: the part of original texts shows them as written.
ORIGINALS = {"voorwoord-nl", "conclusion-fr"}
SAME_IN = {"nl": set(), "fr": {"Introduction", "Conclusion", "Annexes", "Date", "Participants", "Public", "Total"}}


def own(word):
    """A SYNTHETIC content text, different in each language, so that it never reads as the English interface."""
    return Text({"nl": f"{word}-nl", "fr": f"{word}-fr", "en": f"{word}-en"}, "nl")


def synthetic_report():
    """A SYNTHETIC report with one of everything: an indicator with a chart, an objective with an initiative, ..."""
    counts = {"public": 1, "private": 0, "mixed": 0, "unknown": 0}
    rows = [{"geo": "BE", "sex": "F", "year": year, "value": 10.0 + year % 10, "flags": "p"} for year in (2020, 2021)]
    return Report(
        year=2022, built_at="2022-12-31T12:00:00+00:00", languages=["nl", "fr", "en"],
        language_names={"nl": "Nederlands", "fr": "Français", "en": "English"}, strategy=own("strategie"),
        texts={
            "foreword": own("voorwoord"),
            "conclusion": Text({"nl": "besluit-nl", "fr": "conclusion-fr", "en": "conclusion-en"}, "fr"),
        },
        audiences={"girls": own("meisjes")}, supporting=[own("organisatie")],
        indicators=[
            Indicator("x_one", own("indicator"), "wid_ius", "PC_IND", "by_sex", 2021, Figure(11.0, "p"), Figure(None),
                      Figure(None), Figure(None), [Source("eurostat", "isoc_x")], rows),
            Indicator("x_two", own("leeg"), "", "PC_IND", "by_sex", None, Figure(None), Figure(None), Figure(None), Figure(None)),
        ],
        objectives=[
            ObjectiveSection("1", own("doel"), own("uitleg"), "", ["one"], counts, 1, counts),
            ObjectiveSection("1.1", own("subdoel"), own("uitleg"), "1", ["one"], counts, 1, counts),
        ],
        initiatives={"one": InitiativeEntry("one", own("initiatief"), own("samenvatting"), "public", ["girls"], [own("org")], "2021", "2023")},
        meetings=[Meeting("2022-03-24", "working-group", Text({}, "nl"), 50), Meeting("2022-06-01", "event", Text({}, "nl"), None)],
        changes=Changes(2021, "2021-12-31T12:00:00+00:00", ["one"], ["one"], [ChangedEntry("one", ["sector"])], [CountNotice("1", 3, 1)], 2),
        stated_document="wid-report-2021",
        stated_lists=[StatedList("wid-report-2021", "5.1", "1", 3, 2, counts, {"total": 4, "private": 1, "public": 1, "mixed": 1}, "", "")],
    )  # fmt: skip


def interface_texts(html):
    """The visible text chunks that contain a word."""
    body = re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL)
    chunks = {re.sub(r"^\d+\. ", "", chunk.strip()) for chunk in re.split(r"<[^>]+>", body)}
    return {chunk for chunk in chunks if re.search(r"[A-Za-z]{3,}", chunk) and chunk not in SAME_EVERYWHERE | ORIGINALS}


@pytest.mark.parametrize("language", ["nl", "fr"])
@pytest.mark.parametrize("template", ["reports/report.html", "reports/report_print.html"])
def test_no_interface_string_is_left_untranslated(db, language, template):
    english = interface_texts(render_html(synthetic_report(), "en", template))
    assert english, "the comparison needs the English interface texts"
    assert sorted(interface_texts(render_html(synthetic_report(), language, template)) & english - SAME_IN[language]) == []
