"""What a file handed in as a workbook really is, told from its bytes, never from its name.

People upload what their spreadsheet program saved: an .xlsx, but also an OpenDocument
spreadsheet, an old Excel 97-2003 workbook, a workbook encrypted with a password, a CSV
export, or an .xlsx cut short on the way. Each needs its own advice, so ``file_kind`` looks
at the first bytes and, for a zip, at its directory:

- an .xlsx is a zip holding ``xl/`` parts; an .ods is a zip whose first member, stored
  uncompressed as the OpenDocument format requires, is ``mimetype``;
- an .xls and a password-encrypted .xlsx are both OLE2 compound files: the encrypted one
  holds an ``EncryptionInfo`` stream, the old workbook a ``Workbook`` (or ``Book``) stream;
- a zip that cannot be opened but starts with an Office part was an .xlsx, now damaged;
- text with a line break or a field separator is a CSV file or the like; other bytes are just not a workbook.
"""

import codecs
import re
import struct
import zipfile

XLSX = "xlsx"
ODS = "ods"
XLS = "xls"
ENCRYPTED = "encrypted"
TEXT = "text"
DAMAGED = "damaged"
OTHER = "other"

HEAD_SIZE = 4096
ZIP_SIGNATURE = b"PK\x03\x04"
LOCAL_HEADER = struct.Struct("<4s2xHH8x2I2H")  # signature, flags, method, sizes, name and extra lengths
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
OFFICE_PARTS = ("[Content_Types].xml", "_rels/", "docProps/", "xl/")  # what an .xlsx zip starts with
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
OLE2_ENTRY = 128  # bytes per directory entry; sectors are 512 or 4096 bytes, so entries sit on multiples of 128
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")  # bytes no text file holds (tab, line ends and form feed aside)
TABLE_BYTES = re.compile(rb"[\n\r,;\t]")  # what text holding rows of a table has


def file_kind(path):
    """One of the kinds above: what the file at ``path`` is, whatever its name says."""
    with path.open("rb") as file:
        head = file.read(HEAD_SIZE)
    if head.startswith(OLE2_SIGNATURE):
        return compound_file_kind(path.read_bytes())
    if head.startswith(ZIP_SIGNATURE):
        return zip_kind(path, head)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode Text"
        return TEXT
    return TEXT if TABLE_BYTES.search(head) and not CONTROL_BYTES.search(head) else OTHER


def zip_kind(path, head):
    name, stored = first_member(head)
    if name == "mimetype":
        return ODS if stored.startswith(ODS_MIMETYPE) else OTHER
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:  # no readable directory: cut short, or not a zip at all
        return DAMAGED if name.startswith(OFFICE_PARTS) else OTHER
    return XLSX if any(name.startswith("xl/") for name in names) else OTHER


def first_member(head):
    """``(name, content if stored uncompressed, else b"")`` of a zip's first member, from its local header."""
    if len(head) < LOCAL_HEADER.size:
        return "", b""
    _signature, flags, method, compressed_size, _size, name_length, extra_length = LOCAL_HEADER.unpack_from(head)
    name = head[LOCAL_HEADER.size : LOCAL_HEADER.size + name_length].decode("utf-8" if flags & 0x800 else "cp437")
    start = LOCAL_HEADER.size + name_length + extra_length
    return name, head[start : start + compressed_size] if method == zipfile.ZIP_STORED else b""


def compound_file_kind(data):
    """A password-encrypted workbook, an old .xls, or another OLE2 file (a Word .doc, an Outlook .msg...)."""
    if has_stream(data, "EncryptionInfo"):
        return ENCRYPTED
    if has_stream(data, "Workbook") or has_stream(data, "Book"):
        return XLS
    return OTHER


def has_stream(data, name):
    """Whether the compound file's directory has an entry ``name``.

    An entry is 128 bytes: the name in UTF-16LE with its terminator, padded to 64 bytes, then
    the length of that name in bytes. Only a match at an entry's place with that length counts,
    so the same characters inside a stream's content do not.
    """
    encoded = name.encode("utf-16-le") + b"\0\0"
    length = len(encoded).to_bytes(2, "little")
    for match in re.finditer(re.escape(encoded), data):
        start = match.start()
        if start % OLE2_ENTRY == 0 and data[start + 64 : start + 66] == length:
            return True
    return False
