"""The bundled registry against its source, the WiD report 2022.

The report's section 5 is read from data/sources/wid-report-2022-section5.yaml, extracted once
from the report (see data/sources/README.md); nothing here reads outside the repository.
"""

import re

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

from widmonitor.initiatives.analysis import analyse
from widmonitor.initiatives.models import Initiative, PublishedList, PublishedListEntry
from widmonitor.strategy.models import Objective

SOURCE = settings.DATA_DIR / "sources" / "wid-report-2022-section5.yaml"
SECTION_CODE = re.compile(r"5\.[1-5](?:\.[1-4])?")
STATED_KEYS = ("total", "private", "public", "mixed")
NUMBER_WORDS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}


def normalise(text):
    """Whitespace and quote variants as the PDF-to-text conversion left them."""
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"-\s+", "-", text)  # words hyphenated across a line break
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("•", " ")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def report_lists():
    """The report's 22 lists, by section: heading, intro, stated_text, bullet_count, bullets."""
    facts = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    assert facts["document"] == "wid-report-2022"
    sections = [item["section"] for item in facts["lists"]]
    assert len(sections) == len(set(sections)), "a section appears twice in the facts file"
    return {item["section"]: item for item in facts["lists"]}


def test_the_facts_file_has_22_lists_each_with_as_many_bullets_as_it_counted(report_lists):
    assert len(report_lists) == 22
    for section, item in report_lists.items():
        assert SECTION_CODE.fullmatch(section), section
        assert item["heading"].strip(), section
        assert item["stated_text"] and item["stated_text"] in item["intro"], section
        assert stated_from_sentence(item["stated_text"]), f"{section}: no count read from {item['stated_text']!r}"
        assert len(item["bullets"]) == item["bullet_count"], section
        assert all(bullet.strip() for bullet in item["bullets"]), section


def test_the_report_has_22_lists_and_the_registry_all_of_them(db, bundled_registry, report_lists):
    assert len(report_lists) == 22
    assert sorted(PublishedList.objects.values_list("section", flat=True)) == sorted(report_lists)


def test_every_list_is_linked_to_its_objective(db, bundled_registry):
    for published in PublishedList.objects.select_related("objective"):
        assert published.objective.code == published.section[2:], published.section
        for entry in published.entries.select_related("initiative"):
            assert entry.initiative.objectives.filter(pk=published.objective_id).exists(), (published.section, entry.position)


def test_every_bullet_of_every_list_is_an_entry_in_order(db, bundled_registry, report_lists):
    for published in PublishedList.objects.all():
        bullets = report_lists[published.section]["bullets"]
        entries = list(published.entries.filter(bullet=True))
        assert len(entries) == len(bullets), published.section
        for entry, bullet in zip(entries, bullets):
            bullet, text = normalise(bullet), normalise(entry.text)
            assert text and bullet.startswith(text), (published.section, entry.position, entry.text[:60])
            if entry.audience_text:
                assert normalise(entry.audience_text) in bullet[len(text) :], (published.section, entry.position)


def test_an_entry_that_is_not_a_bullet_is_a_sentence_the_report_prints_after_the_bullets(db, bundled_registry, report_lists):
    others = PublishedListEntry.objects.filter(bullet=False).select_related("published_list")
    assert [(entry.published_list.section, entry.initiative.uid) for entry in others] == [("5.1", "digiskills-belgium-platform")]
    for entry in others:
        assert normalise(entry.text) in normalise(report_lists[entry.published_list.section]["after_bullets"])


def test_the_2022_lists_whose_notes_explain_their_bullets_have_no_discrepancy(db, bundled_registry):
    lists = {result.section: result for result in analyse("wid-report-2022")}
    assert (lists["5.1"].bullets, lists["5.1"].initiatives, lists["5.1"].stated["total"]) == (9, 9, 9)
    assert (lists["5.1.4"].bullets, lists["5.1.4"].initiatives, lists["5.1.4"].stated_breakdown_total) == (10, 9, 9)
    assert lists["5.1"].discrepancies == [] and lists["5.1.4"].discrepancies == []


def stated_from_sentence(sentence):
    """The counts a stated sentence gives, read independently of the data file."""
    words = sentence.lower()
    for word, number in NUMBER_WORDS.items():
        words = re.sub(rf"\b{word}\b", str(number), words)
    found = {}
    for number, kind in re.findall(r"(\d+)\s+(?:soort(?:en)?\s+|types?\s+)?(privé|publieke?|gemengde?)", words):
        key = {"privé": "private", "publiek": "public", "publieke": "public", "gemengd": "mixed", "gemengde": "mixed"}[kind]
        found[key] = int(number)
    total = re.search(r"(\d+)\s+(?:\w+\s+)?initiatieven\b[^(]*\(", words)
    if total:
        found["total"] = int(total.group(1))
    return found


def test_stated_counts_are_the_report_s_own(db, bundled_registry, report_lists):
    """The stated sentence is the report's; the counts stored are exactly those it gives, none added."""
    wrong = []
    for published in PublishedList.objects.all():
        sentence = report_lists[published.section]["stated_text"]
        assert normalise(published.stated_text) == normalise(sentence), published.section
        stored = {key: getattr(published, f"stated_{key}") for key in STATED_KEYS}
        stored = {key: value for key, value in stored.items() if value is not None}
        stated = stated_from_sentence(sentence)
        if stored != stated:
            wrong.append(f"{published.section} {sentence!r}: stored {stored}, the sentence gives {stated}")
    assert not wrong, "\n".join(wrong)


def test_bullets_and_initiatives_agree_or_the_data_file_explains(db, bundled_registry):
    for result in analyse("wid-report-2022"):
        if result.bullets != result.initiatives or result.stated["total"] not in (None, result.bullets):
            assert result.note, f"{result.section}: difference without an explanation"


def test_every_initiative_has_title_and_summary_in_three_languages_and_a_source(db, bundled_registry):
    for initiative in Initiative.objects.all():
        for field in ("title", "summary"):
            texts = getattr(initiative, field)
            assert sorted(texts) == ["en", "fr", "nl"] and all(t.strip() for t in texts.values()), (initiative.uid, field)
        assert initiative.source_document and initiative.source_section, initiative.uid
        assert initiative.objectives.exists(), initiative.uid
        assert not initiative.contact_email and not initiative.contact_name


def test_an_initiative_of_another_document_names_that_document_not_the_2022_report(db, bundled_registry):
    sources = dict(Initiative.objects.filter(source_section__startswith="seed ").values_list("uid", "source_document"))
    assert len(sources) == 31
    assert sources["cionet-oktober-cyber-fest"] == "CIONET, Digital Belgium: A Dance of Regions and Leaders, 2024"
    assert sources["de-digitale-talentensneller"] == "Digitalcity.brussels, De Digitale Talentensneller, rapport 2025"
    assert not any("WiD report 2022" in document for document in sources.values())


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


# The repository stands alone: no code, test, benchmark or README reads the sibling folder the
# sources were once kept in. The needles are built from parts so that this file does not match.
OUTSIDE = "sha" + "red"
NEEDLES = (f"{OUTSIDE}/seeds", f"{OUTSIDE}/data", f"{OUTSIDE}\\seeds", "REPO_DIR" + ".parent")
CODE_NEEDLES = (
    re.compile(rf"""["']{OUTSIDE}["']"""),  # a path component: parent / "...", os.path.join(..., "...")
    re.compile(rf"""\.\.[/\\]{OUTSIDE}\b"""),  # a relative path out of the repository
)


def repository_text_files():
    root = settings.REPO_DIR
    yield root / "README.md"
    yield root / ".ci" / "run"
    for folder in ("src", "tests", "benchmarks", "config", "data"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and ".egg-info" not in str(path):
                yield path


def test_nothing_in_the_repository_reads_outside_it():
    found = []
    for path in repository_text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary (e.g. compiled translations, workbooks)
        where = path.relative_to(settings.REPO_DIR)
        found += [f"{where}: {needle}" for needle in NEEDLES if needle in text]
        if path.suffix in (".py", ".js", ".toml", ".cfg", ".ini", ".sh", ""):
            found += [f"{where}: {match.group(0)}" for pattern in CODE_NEEDLES for match in pattern.finditer(text)]
    assert not found, found
