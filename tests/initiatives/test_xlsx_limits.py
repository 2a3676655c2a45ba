"""A workbook over a limit is refused before its cells are parsed, saying which limit.

Each file is a real export with one part crafted the way a small upload can hide a huge
workbook: a member whose zip directory declares gigabytes, a shared string table of more
texts than an import reads, a cell longer than a cell can be, a document type declaration
whose entities would multiply text. Refusing it must cost little: the import's memory peak
stays far below what parsing the file would take.
"""

import struct
import tracemalloc
import zipfile

import pytest

from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.initiatives.xlsx_import import import_overview

from . import xlsx_factory as factory
from .xlsx_factory import MAIN_NS, SHEET_PART

STRINGS = "xl/sharedStrings.xml"
CENTRAL_HEADER = b"PK\x01\x02"


@pytest.fixture
def overview(strategy, tmp_path):
    """A valid export of two initiatives, its texts moved to a shared string table as Excel stores them."""
    factory.sample_initiatives()
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    factory.share_strings(path)
    assert import_overview(path, dry_run=True).errors == []
    return path


def shared_strings(path, items, declared):
    """Replace the shared string table by ``items`` (bytes of <si> elements), declaring ``declared`` of them;
    the prefix x names the table's namespace too."""
    table = b'<sst xmlns="%s" xmlns:x="%s" count="%d" uniqueCount="%d">%s</sst>' % (MAIN_NS, MAIN_NS, declared, declared, items)
    factory.edit_part(path, STRINGS, lambda data: table)


def declare_size(path, name, size):
    """Make the zip's directory declare ``size`` unpacked bytes for member ``name``, its data unchanged."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    start = data.find(CENTRAL_HEADER)
    while start != -1:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == encoded:
            struct.pack_into("<I", data, start + 24, size)
            path.write_bytes(bytes(data))
            return
        start = data.find(CENTRAL_HEADER, start + 4)
    raise KeyError(name)


def refusal(path):
    """The import's problems, and the peak of the memory it allocated, in MB."""
    tracemalloc.start()
    try:
        report = import_overview(path, dry_run=True)
        peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()
    return [(error.code, str(error)) for error in report.errors], peak


def test_a_member_declaring_a_huge_unpacked_size_is_refused_before_anything_is_unpacked(overview):
    declare_size(overview, STRINGS, 3_000_000_000)
    errors, _peak = refusal(overview)
    unpacked = round((3_000_000_000 + sum(i.file_size for i in zipfile.ZipFile(overview).infolist() if i.filename != STRINGS)) / 2**20, 1)
    assert errors == [
        (
            "unpacks_too_large",
            f"overview.xlsx: the workbook unpacks to {unpacked} MB, more than the 200 MB an import accepts "
            "(split the file and import each part)",
        )
    ]


def test_a_table_of_more_shared_strings_than_an_import_reads_is_refused_before_it_is_parsed(overview):
    shared_strings(overview, b"<si/>" * 1_000_001, declared=15_000_000)  # 5 MB of XML, 15 kB zipped
    errors, peak = refusal(overview)
    assert errors == [
        (
            "too_many_shared_strings",
            "overview.xlsx: the workbook holds more than the 1000000 distinct texts (shared strings) an import "
            "accepts (split the file and import each part)",
        )
    ]
    assert peak < 20  # parsing the table would hold a million texts


def test_shared_strings_named_with_a_prefix_are_counted_too(overview):
    shared_strings(overview, b"<x:si/>" * 1_000_001, declared=1)
    errors, _peak = refusal(overview)
    assert [code for code, _text in errors] == ["too_many_shared_strings"]


def test_a_shared_string_longer_than_a_cell_can_hold_is_refused_before_it_is_parsed(overview):
    shared_strings(overview, b"<si><t>" + b"a" * 50_000_000 + b"</t></si>", declared=1)  # 50 kB zipped
    errors, peak = refusal(overview)
    assert errors == [
        ("cell_too_long", "overview.xlsx: a cell holds more than the 32767 characters a cell can hold (Excel's limit)")
    ]
    assert peak < 20  # the cell alone is 50 MB


def test_a_cell_of_the_sheet_longer_than_a_cell_can_hold_is_refused_naming_the_sheet_and_one_as_long_is_read(overview):
    export_overview(overview)  # texts inline in the sheet, as the export writes them
    factory.edit(overview, {(2, "provenance_note"): "&" * 32_767})  # 163,835 bytes of &amp;
    assert import_overview(overview, dry_run=True).errors == []
    factory.replace_in_part(overview, SHEET_PART, b"Women in Tech Day", b"W" * 50_000_000)
    errors, peak = refusal(overview)
    assert errors == [
        (
            "cell_too_long",
            "Initiatives: a cell holds more than the 32767 characters a cell can hold (Excel's limit)",
        )
    ]
    assert peak < 20


def test_a_long_shared_string_hidden_in_a_cdata_section_is_refused_once_read(overview):
    hidden = b"<![CDATA[" + b"<a>" * 100_000 + b"]]>"  # 300,000 characters, no run of text long enough to see
    shared_strings(overview, b"<si><t>" + hidden + b"</t></si>", declared=1)
    errors, _peak = refusal(overview)
    assert [code for code, _text in errors] == ["cell_too_long"]


def test_a_document_type_declaration_whose_entities_multiply_text_is_refused(overview):
    doctype = b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    factory.edit_part(overview, STRINGS, lambda data: doctype + data.replace(b"CoderDojo", b"&b;", 1))
    errors, _peak = refusal(overview)
    assert errors == [
        (
            "doctype",
            "overview.xlsx: the file holds an XML document type declaration, which Excel and LibreOffice never "
            "write: open it in Excel or LibreOffice and save it again",
        )
    ]
