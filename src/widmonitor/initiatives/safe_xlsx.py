"""Formula-safe cells: text stays text on the way out, formulas are refused on the way in.

openpyxl turns any string starting with ``=`` into a formula. A title such as
``=HYPERLINK("http://evil", "click")`` must reach Excel as the text it is, so every string
is written with the string data type, and text starting with a character a spreadsheet
treats specially (= + - @ tab CR) also carries Excel's quote prefix, so that editing the
cell in Excel keeps it text. On import, a cell that *is* a formula is refused; a text cell
that merely starts with ``=`` is read back verbatim.

Text in a workbook may also carry OOXML's ``_xHHHH_`` escapes: Excel writes ``_x000D_`` for a
carriage return and ``_x005F_`` for an underscore that starts something escape-like. The
import decodes them, and refuses a character no cell can keep (a control character such as
U+000B, which XML cannot hold) rather than dropping it; the export escapes text that merely
looks like an escape, so that Excel shows it as it is.
"""

import datetime
import re

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import (
    ILLEGAL_CHARACTERS_RE,
    TYPE_ERROR,
    TYPE_FORMULA,
    TYPE_STRING,
)

RISKY_FIRST_CHARACTERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# What no cell can keep: control characters other than tab and line ends, lone surrogates, non-characters.
UNKEEPABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class UnsafeCell(ValueError):
    """A cell whose content is not a plain value: a formula, an error value such as #N/A, or a
    character no cell can keep."""

    def __init__(self, code, value):
        self.code, self.value = code, value
        super().__init__(f"{code}: {value}")


def clean_text(text):
    """Text as a cell can hold it: line ends as ``\\n``, no control characters XML refuses.

    XML reading turns a lone CR into LF anyway; doing it here keeps export and import agreeing.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def decode_escapes(text):
    """Text with its ``_xHHHH_`` escapes decoded, as Excel shows it; an escaped surrogate pair makes one character."""
    if "_x" not in text:
        return text
    text = ESCAPE.sub(lambda match: chr(int(match[1], 16)), text)
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def escape_lookalikes(text):
    """Text that merely looks like an escape (``_x000D_`` typed as such) with its underscore escaped."""
    return ESCAPE.sub(lambda match: "_x005F" + match[0], text) if "_x" in text else text


def write_cell(ws, value, font=None, fill=None, alignment=None, number_format=None):
    """A cell for a write-only worksheet; strings are always text, never formulas."""
    if isinstance(value, str):
        risky = value.startswith(RISKY_FIRST_CHARACTERS)
        value = escape_lookalikes(clean_text(value))
    cell = WriteOnlyCell(ws, value)
    if isinstance(value, str):
        cell.data_type = TYPE_STRING
        if risky:
            cell.quotePrefix = True
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if number_format is not None:
        cell.number_format = number_format
    return cell


def read_value(cell):
    """The plain value of a cell read by openpyxl (data_only=False), text with its escapes decoded; or UnsafeCell."""
    if cell.data_type == TYPE_FORMULA:
        raise UnsafeCell("formula", str(cell.value))
    if cell.data_type == TYPE_ERROR:
        raise UnsafeCell("error_value", str(cell.value))
    value = cell.value
    if isinstance(value, str) and "_x" in value:  # XML itself cannot hold what an escape can
        value = decode_escapes(value)
        unkeepable = UNKEEPABLE.search(value)
        if unkeepable:
            raise UnsafeCell("control_character", f"U+{ord(unkeepable[0]):04X}")
    return value


def as_text(value):
    """A plain cell value as text: numbers without a spurious ``.0``, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date().isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)
