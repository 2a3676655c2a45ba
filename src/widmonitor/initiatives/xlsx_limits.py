"""The limits an uploaded workbook is held to before its cells are parsed, each found out cheaply first.

A small .xlsx can unpack to something huge: a zip member compresses a thousandfold, a 1 MB
file can share fifteen million texts, and one cell can hold hundreds of megabytes. So, before
openpyxl builds anything:

- the sizes the zip's directory declares for its members are added up (``check_unpacked``):
  zipfile never unpacks more than a member's declared size (more fails its CRC check), so
  the sum bounds what reading the workbook can unpack;
- the shared strings and the sheets' parts are scanned as bytes, a chunk at a time
  (``scan_part``): their shared texts counted (``<si>`` elements), their longest run of text
  measured (a cell's text holds no ``<``), and an XML document type declaration, through
  which entities could multiply text, refused (Excel and LibreOffice never write one);
- while the shared strings are parsed, they are counted again and each one's length is
  checked (``SharedStrings``), in case the bytes hid one from the scan.

Each refusal is a ``LimitExceeded`` naming the limit, as a problem of the import.
"""

import re

from django.utils.translation import gettext_lazy as _

from .xlsx_columns import EXCEL_CELL_LIMIT

# Bytes all members unpack to: twice what a 20 MB upload like the export of the bundled registry unpacks to
# (its 73 kB file unpacks to 374 kB, 5.1 times as much).
MAX_UNPACKED = 200 * 1024 * 1024
MAX_SHARED_STRINGS = 1_000_000  # distinct texts: 20 text cells in each of the 50,000 rows an import accepts
# A cell's text in the file: at most 10 bytes per character (a character reference such as &#x10FFFF;),
# so a run of more bytes than this holds more characters than a cell can.
MAX_TEXT_BYTES = 10 * EXCEL_CELL_LIMIT
# A shared string as the file holds it, escapes undecoded: Excel's _xHHHH_ is 7 characters for one.
MAX_RAW_CELL = 7 * EXCEL_CELL_LIMIT
CHUNK_SIZE = 1 << 20

SHARED_STRING_STARTS = [b"<si" + end for end in (b">", b"/", b" ", b"\t", b"\n", b"\r")]  # <si>, <si/>, <si ...>
PREFIXED_SHARED_STRING = re.compile(rb"<[^\s<>/:!?]+:si[\s/>]")  # <x:si>, as a namespace prefix may name it
LONG_TEXT = re.compile(rb"<[^<]{%d}" % MAX_TEXT_BYTES)  # a tag and the text after it, with no tag in between
DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)

MESSAGES = {
    "unpacks_too_large": _(
        "the workbook unpacks to %(size)s MB, more than the %(limit)s MB an import accepts (split the file and "
        "import each part)"
    ),
    "too_many_shared_strings": _(
        "the workbook holds more than the %(limit)s distinct texts (shared strings) an import accepts (split the "
        "file and import each part)"
    ),
    "cell_too_long": _("a cell holds more than the %(limit)s characters a cell can hold (Excel's limit)"),
    "doctype": _(
        "the file holds an XML document type declaration, which Excel and LibreOffice never write: open it in "
        "Excel or LibreOffice and save it again"
    ),
}


class LimitExceeded(Exception):
    """A workbook over one of the limits: ``code`` (a key of MESSAGES), ``params``, the part and sheet it is in."""

    def __init__(self, code, part="", sheet="", **params):
        self.code, self.part, self.sheet, self.params = code, part, sheet, params
        super().__init__(code)

    @property
    def message(self):
        return MESSAGES[self.code]


def megabytes(size):
    return round(size / 1024 / 1024, 1)


def check_unpacked(archive):
    """Refuse a zip whose members, as its directory declares them, unpack to more than MAX_UNPACKED bytes."""
    size = sum(member.file_size for member in archive.infolist())
    if size > MAX_UNPACKED:
        raise LimitExceeded("unpacks_too_large", size=megabytes(size), limit=MAX_UNPACKED // (1024 * 1024))


def scan_part(source, name, sheet="", count_strings=False):
    """Read a part's bytes a chunk at a time: refuse a document type declaration, a run of text longer than a
    cell can hold, and (``count_strings``) more than MAX_SHARED_STRINGS shared strings.

    Each chunk is searched up to its last ``<``, the rest kept for the next one, so a tag is never cut in two
    and a run of text is measured whole.
    """
    kept, count = b"", 0
    while chunk := source.read(CHUNK_SIZE):
        data = kept + chunk
        cut = data.rfind(b"<")
        searched, kept = (data[:cut], data[cut:]) if cut > 0 else (b"", data)
        if len(kept) > MAX_TEXT_BYTES or LONG_TEXT.search(searched):
            raise LimitExceeded("cell_too_long", name, sheet, limit=EXCEL_CELL_LIMIT)
        if DOCTYPE.search(searched):
            raise LimitExceeded("doctype", name, sheet)
        if count_strings:
            count += shared_strings_in(searched)
            if count > MAX_SHARED_STRINGS:
                raise LimitExceeded("too_many_shared_strings", name, limit=MAX_SHARED_STRINGS)
    if DOCTYPE.search(kept):
        raise LimitExceeded("doctype", name, sheet)
    if count_strings and count + shared_strings_in(kept) > MAX_SHARED_STRINGS:
        raise LimitExceeded("too_many_shared_strings", name, limit=MAX_SHARED_STRINGS)


def shared_strings_in(data):
    """How many shared strings (``si`` elements) start in ``data``, counted without a Python step per element
    unless a namespace prefix names them."""
    count = sum(data.count(start) for start in SHARED_STRING_STARTS)
    if b":si" in data:
        count += sum(1 for _match in PREFIXED_SHARED_STRING.finditer(data))
    return count


def check_shared_string(strings, text, name):
    """Refuse the shared string ``text`` about to be added to ``strings`` if it is one too many or too long."""
    if len(strings) >= MAX_SHARED_STRINGS:
        raise LimitExceeded("too_many_shared_strings", name, limit=MAX_SHARED_STRINGS)
    if len(text) > MAX_RAW_CELL:
        raise LimitExceeded("cell_too_long", name, limit=EXCEL_CELL_LIMIT)
