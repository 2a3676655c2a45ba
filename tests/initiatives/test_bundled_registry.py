"""The bundled registry against its source, the WiD report 2022 (../shared/seeds/001_*.txt)."""

import re

import pytest
from django.conf import settings
from django.core.management import call_command

from widmonitor.initiatives.analysis import analyse
from widmonitor.initiatives.models import Initiative, PublishedList
from widmonitor.strategy.models import Objective

REPORT = next((settings.REPO_DIR.parent / "shared" / "seeds").glob("001_*.txt"))
SECTION_HEADING = re.compile(r"^\s*(5\.[1-5](?:\.[1-4])?)\. ", re.M)
NUMBER_WORDS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}


def normalise(text):
    """Whitespace and quote variants as the PDF-to-text conversion left them."""
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"-\s+", "-", text)  # words hyphenated across a line break
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("•", " ")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def raw_sections():
    text = REPORT.read_text(encoding="utf-8")
    body = text[text.index(" 5. Bestaande/toekomstige initiatieven") : text.index(" 6. Mogelijke denkpistes")]
    marks = list(SECTION_HEADING.finditer(body))
    ends = [m.start() for m in marks[1:]] + [len(body)]
    return {m.group(1): body[m.start() : end] for m, end in zip(marks, ends)}


@pytest.fixture(scope="module")
def report_sections(raw_sections):
    return {section: normalise(text) for section, text in raw_sections.items()}


def test_the_report_has_22_lists_and_the_registry_all_of_them(db, bundled_registry, report_sections):
    assert len(report_sections) == 22
    assert sorted(PublishedList.objects.values_list("section", flat=True)) == sorted(report_sections)


def test_every_list_is_linked_to_its_objective(db, bundled_registry):
    for published in PublishedList.objects.select_related("objective"):
        assert published.objective.code == published.section[2:], published.section
        for entry in published.entries.select_related("initiative"):
            assert entry.initiative.objectives.filter(pk=published.objective_id).exists(), (published.section, entry.position)


def test_every_bullet_of_every_list_is_an_entry_in_order(db, bundled_registry, raw_sections, report_sections):
    for published in PublishedList.objects.all():
        entries = list(published.entries.all())
        assert len(entries) == raw_sections[published.section].count("•"), published.section
        section, position = report_sections[published.section], 0
        for entry in entries:
            found = section.find(normalise(entry.text)[:60], position)
            assert found >= 0, (published.section, entry.position, entry.text[:60])
            position = found


def stated_from_sentence(sentence):
    """The counts a stated sentence gives, read independently of the data file."""
    words = sentence.lower()
    for word, number in NUMBER_WORDS.items():
        words = re.sub(rf"\b{word}\b", str(number), words)
    found = {}
    for number, kind in re.findall(r"(\d+)\s+(?:soorten?\s+|types?\s+)?(privé|publieke?|gemengde?)", words):
        key = {"privé": "private", "publiek": "public", "publieke": "public", "gemengd": "mixed", "gemengde": "mixed"}[kind]
        found[key] = int(number)
    total = re.search(r"(\d+)\s+(?:\w+\s+)?initiatieven\b[^(]*\(", words)
    if total:
        found["total"] = int(total.group(1))
    return found


def test_stated_counts_are_the_report_s_own(db, bundled_registry, report_sections):
    for published in PublishedList.objects.all():
        assert normalise(published.stated_text) in report_sections[published.section], published.section
        stated = stated_from_sentence(published.stated_text)
        for key, value in stated.items():
            assert getattr(published, f"stated_{key}") == value, (published.section, key)
        if "total" not in stated and "soort " not in published.stated_text:
            assert published.stated_total is None, f"{published.section}: a total the report does not state"


def test_bullets_and_initiatives_agree_or_the_data_file_explains(db, bundled_registry):
    for result in analyse("wid-report-2022"):
        if result.bullets != result.initiatives or result.stated["total"] not in (None, result.bullets):
            assert result.note, f"{result.section}: difference without an explanation"


def test_every_initiative_has_title_and_summary_in_three_languages_and_a_source(db, bundled_registry):
    for initiative in Initiative.objects.all():
        for field in ("title_nl", "title_fr", "title_en", "summary_nl", "summary_fr", "summary_en"):
            assert getattr(initiative, field).strip(), (initiative.uid, field)
        assert initiative.source_document and initiative.source_section, initiative.uid
        assert initiative.objectives.exists(), initiative.uid
        assert not initiative.contact_email and not initiative.contact_name


def test_initiatives_mapped_by_judgment_say_so(db, bundled_registry):
    unlisted = Initiative.objects.filter(listings__isnull=True)
    assert unlisted.exists()
    for initiative in unlisted:
        assert "judgment" in initiative.provenance_note.lower() or "judgement" in initiative.provenance_note.lower(), initiative.uid


def test_analysis_prints_all_22_lists_and_the_report_s_inconsistencies(db, bundled_registry, capsys):
    call_command("analysis", document="wid-report-2022")
    out = capsys.readouterr().out
    for code in Objective.objects.values_list("code", flat=True):
        assert re.search(rf"^5\.{re.escape(code)}\s+{re.escape(code)}\s", out, re.M), code
    assert "The stated breakdown by type adds up to 9, not to the stated total of 8." in out
