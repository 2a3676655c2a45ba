"""Many events from a workbook: every cell checked, each problem located by sheet, row and column, nothing written on any."""

import datetime
import io

import pytest
from openpyxl import Workbook, load_workbook
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from widmonitor.events.models import Event
from widmonitor.events.xlsx_events import columns, import_events
from widmonitor.problems import Problems

from .conftest import client_of

HEADERS = [column.header for column in columns()]
GOOD = {
    "initiative": "x-coding-club", "title_en": "Girls hackathon", "original_language": "en",
    "start_day": "2027-03-28", "start_time": "10:00", "end_time": "16:00", "municipality": "Gent", "province": "VOV",
    "audiences": "girls; age-12-18", "languages": "nl", "cost": "free", "capacity": 30,
}


def workbook(*rows, headers=HEADERS):
    book = Workbook()
    sheet = book.active
    sheet.title = "Events"
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("events.xlsx", out.getvalue())


def places(problems):
    return [(p.sheet, p.row, p.column, p.header, p.code) for p in problems.value.problems]


def test_a_good_workbook_submits_every_event_for_moderation(records, vocabularies, people):
    created = import_events(workbook(GOOD, {**GOOD, "title_en": "Online CTF", "online": "yes", "province": None, "municipality": None}), people["partner of X"])
    assert [e.moderation for e in created] == ["submitted", "submitted"]
    hackathon = Event.objects.get(title__en="Girls hackathon")
    assert hackathon.starts_at == datetime.datetime(2027, 3, 28, 8, 0, tzinfo=datetime.timezone.utc)
    assert hackathon.region == "flanders"
    assert sorted(hackathon.audiences.values_list("code", flat=True)) == ["age-12-18", "girls"]
    assert Event.objects.get(title__en="Online CTF").online


def test_each_bad_cell_is_located_and_nothing_is_written(records, vocabularies, people):
    bad = [
        GOOD,  # a good row: not written either
        {**GOOD, "province": "XXX", "start_day": "28/03/2027"},
        {**GOOD, "initiative": "y-draft", "audiences": "girls; unicorns", "capacity": -3},
        {**GOOD, "start_time": "02:30", "registration_url": "not a link", "cost": "paid"},
    ]
    with pytest.raises(Problems) as problems:
        import_events(workbook(*bad), people["partner of X"])
    letter = {header: chr(ord("A") + i) for i, header in enumerate(HEADERS)}
    assert places(problems) == [
        ("Events", 3, letter["start_day"], "start_day", "bad_day"),
        ("Events", 3, letter["province"], "province", "bad_choice"),
        ("Events", 4, letter["initiative"], "initiative", "bad_choice"),  # Y's record is not hers
        ("Events", 4, letter["audiences"], "audiences", "bad_code"),
        ("Events", 4, letter["capacity"], "capacity", "bad_number"),
        ("Events", 5, letter["registration_url"], "registration_url", "bad_url"),
        ("Events", 5, letter["start_time"], "start_time", "time_skipped"),
    ]
    assert Event.objects.count() == 0


def test_the_problems_read_as_sentences_naming_the_place(records, vocabularies, people):
    with pytest.raises(Problems) as problems:
        import_events(workbook({**GOOD, "province": "XXX"}), people["partner of X"])
    letter = chr(ord("A") + HEADERS.index("province"))
    assert str(problems.value.problems[0]) == (
        f'Events, row 2, column {letter} (province): "XXX" is not one of VAN, VLI, VOV, VBR, VWV, WBR, WHT, WLG, WLX, WNA, BRU'
    )


def test_a_row_the_model_refuses_is_located_at_the_cell_to_change(records, vocabularies, people):
    with pytest.raises(Problems) as problems:
        import_events(workbook({**GOOD, "cost": "paid"}, {**GOOD, "province": None}), people["partner of X"])
    letter = {header: chr(ord("A") + i) for i, header in enumerate(HEADERS)}
    assert places(problems) == [
        ("Events", 2, letter["price"], "price", "price_required"),
        ("Events", 3, letter["province"], "province", "place_required"),
    ]


def test_a_formula_and_an_unknown_column_are_refused(records, vocabularies, people):
    with pytest.raises(Problems) as problems:
        import_events(workbook({**GOOD, "title_en": "=HYPERLINK(\"http://evil\")"}), people["partner of X"])
    assert places(problems)[0][4] == "formula"
    with pytest.raises(Problems) as problems:
        import_events(workbook(GOOD, headers=[*HEADERS, "colour"]), people["partner of X"])
    assert places(problems) == [("Events", 1, chr(ord("A") + len(HEADERS)), "", "unknown_header")]


def test_a_file_that_is_not_a_workbook_is_refused_in_one_sentence(records, vocabularies, people):
    with pytest.raises(Problems) as problems:
        import_events(SimpleUploadedFile("events.xlsx", b"title;day\nA;2027-03-28\n"), people["partner of X"])
    assert [p.code for p in problems.value.problems] == ["not_xlsx"]


def test_the_template_names_every_column_and_her_initiatives_and_reads_back_once_filled(records, vocabularies, people):
    response = client_of(people["partner of X"]).get(reverse("partner_events:template"))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert [cell.value for cell in book["Events"][1]] == HEADERS
    codes = [(row[0].value, row[1].value) for row in book["Codes"].iter_rows()]
    assert ("initiative", "x-coding-club") in codes and ("initiative", "y-draft") not in codes
    book["Events"].append([GOOD.get(header) for header in HEADERS])
    out = io.BytesIO()
    book.save(out)
    assert len(import_events(SimpleUploadedFile("filled.xlsx", out.getvalue()), people["partner of X"])) == 1


def test_the_upload_page_lists_the_problems_and_answers_400(records, vocabularies, people):
    response = client_of(people["partner of X"]).post(reverse("partner_events:upload"), {"workbook": workbook({**GOOD, "province": "XXX"})})
    assert response.status_code == 400
    assert "column" in response.content.decode() and Event.objects.count() == 0
