"""An .xlsx package opened for streaming, with what openpyxl's read-only mode leaves out.

openpyxl's read-only reader streams a sheet's cells, but on its own it

- half-decodes shared strings: it drops every ``x005F_`` and leaves the other ``_xHHHH_``
  escapes Excel writes (``_x000D_`` for a carriage return), while inline strings keep them all;
- skips a sheet whose part is missing from the zip, as if the workbook had no such sheet;
- does not say which cells are merged;
- unpacks and parses whatever the zip holds, however large (``xlsx_limits``).

``WorkbookPackage`` is openpyxl's own reader with these gaps filled: shared strings stay as
the file holds them, so that every string reaches ``safe_xlsx.read_value`` undecoded and is
decoded there once; a missing sheet part is an error; ``merged_ranges`` scans a sheet's
part for its ``mergeCell`` elements, as bytes, without parsing the XML again; and the limits
of ``xlsx_limits`` are checked before anything is unpacked or parsed (``LimitExceeded``).
"""

import re
import zipfile
import zlib

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from . import xlsx_limits

# What reading a damaged package raises, from zipfile, zlib, the XML parser (lxml's errors are
# SyntaxErrors too) and openpyxl's handling of values that make no sense (a number "abc", a
# shared string that is not in the table, a workbook without a workbook part: OSError).
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, SyntaxError, KeyError, IndexError, ValueError, TypeError, OSError)

STRING_TAG = f"{{{SHEET_MAIN_NS}}}si"
MERGE_CELL = re.compile(rb"""<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([^"']*)["']""")
CHUNK_SIZE = 1 << 20
OVERLAP = 1024  # more than a mergeCell element's bytes up to its ref, so none is cut in two


class WorkbookPackage(ExcelReader):
    """openpyxl's read-only reader of an open .xlsx file; ``read()`` it, then take ``wb``."""

    def __init__(self, file):
        super().__init__(file, read_only=True, data_only=False)

    def read(self):
        xlsx_limits.check_unpacked(self.archive)
        super().read()

    def read_strings(self):
        part = self.package.find(SHARED_STRINGS)
        if part is not None:
            name = part.PartName[1:]
            with self.archive.open(name) as source:
                xlsx_limits.scan_part(source, name, count_strings=True)
            with self.archive.open(name) as source:
                self.shared_strings = raw_string_table(source, name)

    def read_worksheets(self):
        """Check every sheet's part against the limits first: openpyxl parses a sheet without a stored
        dimension whole as it opens it, to find one."""
        for sheet, relationship in self.parser.find_sheets():
            if relationship.target in self.valid_files:
                with self.archive.open(relationship.target) as source:
                    xlsx_limits.scan_part(source, relationship.target, sheet=sheet.name)
        super().read_worksheets()

    def sheet_part(self, name):
        """The part holding the sheet ``name``, found through the workbook's relationships.

        None if the workbook has no such sheet; KeyError if it names a part the zip lacks.
        """
        for sheet, relationship in self.parser.find_sheets():
            if sheet.name == name:
                if relationship.target not in self.valid_files:
                    raise KeyError(relationship.target)
                return relationship.target
        return None

    def merged_ranges(self, part):
        """The merged ranges of a sheet part, e.g. ``[CellRange("A3:A5")]``; ValueError for a nonsense range."""
        with self.archive.open(part) as source:
            return [CellRange(match[1].decode("ascii")) for match in scan(source, MERGE_CELL, b"mergeCell")]


def raw_string_table(source, name="xl/sharedStrings.xml"):
    """The shared strings, escapes and all (openpyxl's ``read_string_table`` without its partial decoding),
    each checked against the limits (``xlsx_limits.check_shared_string``)."""
    strings = []
    for _event, node in iterparse(source):
        if node.tag == STRING_TAG:
            text = Text.from_tree(node).content
            xlsx_limits.check_shared_string(strings, text, name)
            strings.append(text)
            node.clear()
    return strings


def scan(source, pattern, marker):
    """The matches of ``pattern`` in a byte stream, read a chunk at a time; none is found twice.

    Chunks without ``marker`` (a literal every match contains) are skipped without running the pattern.
    """
    kept, kept_at, found_until = b"", 0, 0  # the end of the previous chunk and where it starts in the stream
    while chunk := source.read(CHUNK_SIZE):
        data = kept + chunk
        if marker in data:
            for match in pattern.finditer(data):
                if kept_at + match.start() >= found_until:
                    found_until = kept_at + match.end()
                    yield match
        kept = data[-OVERLAP:]
        kept_at += len(data) - len(kept)
