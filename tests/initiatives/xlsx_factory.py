"""Build and alter workbooks in tests: start from a valid export, break one thing, import it.

Values set with ``edit`` go through plain openpyxl, so a string starting with "=" becomes a
real formula cell and "#N/A" an error cell, just as if a person had typed them in Excel.
``edit_parts`` and the helpers below it change the zip parts of a workbook directly, the way
other programs write them (shared strings, a stored dimension) or a damaged copy holds them.
"""

import re
import struct
import zipfile
from io import BytesIO

from django.forms.models import model_to_dict
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_columns import INITIATIVES_SHEET
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term


def header_index(ws, header):
    """1-based index of the column headed ``header`` in row 1."""
    for cell in ws[1]:
        if cell.value == header:
            return cell.column
    raise KeyError(header)


def edit(path, changes, sheet=INITIATIVES_SHEET):
    """Set cells given as ``{(row, header): value}``; row is the 1-based Excel row."""
    workbook = load_workbook(path)
    ws = workbook[sheet]
    for (row, header), value in changes.items():
        ws.cell(row=row, column=header_index(ws, header)).value = value
    workbook.save(path)


def rename_header(path, old, new):
    workbook = load_workbook(path)
    ws = workbook[INITIATIVES_SHEET]
    ws.cell(row=1, column=header_index(ws, old), value=new)
    workbook.save(path)


def delete_column(path, header):
    workbook = load_workbook(path)
    ws = workbook[INITIATIVES_SHEET]
    ws.delete_cols(header_index(ws, header))
    workbook.save(path)


def append_row(path, values):
    """Add a data row given as ``{header: value}`` below the last one."""
    workbook = load_workbook(path)
    ws = workbook[INITIATIVES_SHEET]
    row = ws.max_row + 1
    for header, value in values.items():
        ws.cell(row=row, column=header_index(ws, header)).value = value
    workbook.save(path)


def rename_sheet(path, title):
    workbook = load_workbook(path)
    workbook[INITIATIVES_SHEET].title = title
    workbook.save(path)


def huge_workbook(path, data_rows):
    """An "Initiatives" sheet with a header and ``data_rows`` one-cell rows, written cheaply."""
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(INITIATIVES_SHEET)
    ws.append(["id", "title_nl", "title_fr", "title_en", "original_language"])
    for n in range(data_rows):
        ws.append([f"row-{n}"])
    workbook.save(path)


def sheet_values(path):
    """``{sheet title: [[cell values of a row], ...]}`` of every sheet, read as openpyxl sees them."""
    workbook = load_workbook(path, read_only=True)
    values = {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in workbook.worksheets}
    workbook.close()
    return values


def column_values(path, header, sheet=INITIATIVES_SHEET):
    """The data cells (row 2 on) of one column, as openpyxl cells (value and data_type)."""
    workbook = load_workbook(path)
    ws = workbook[sheet]
    letter = get_column_letter(header_index(ws, header))
    return [cell for cell in ws[letter][1:]]


def sample_initiatives():
    """Two organisations and two fully filled-in initiatives (rows 2 and 3 of their export)."""
    becode = Organisation.objects.create(slug="becode", name={"en": "BeCode"}, original_language="en", kind="non-profit")
    ella = Organisation.objects.create(slug="ella", name={"nl": "ella vzw"}, kind="non-profit")

    def terms(vocabulary, *codes):
        return Term.objects.filter(vocabulary=vocabulary, code__in=codes)

    coderdojo = Initiative.objects.create(
        uid="coderdojo-belgium",
        title={"nl": "CoderDojo België", "fr": "CoderDojo Belgique", "en": "CoderDojo Belgium"},
        summary={
            "nl": "Gratis programmeerclubs voor jongeren.",
            "fr": "Clubs de programmation gratuits pour les jeunes.",
            "en": "Free coding clubs for young people.",
        },
        original_language="nl",
        sector="private",
        cost="free",
        starts="2013",
        status="ongoing",
        url="https://coderdojobelgium.be/",
        moderation="published",
        contact_name="Private Person",
        contact_email="private.person@example.org",
        source_document="Women in Digital – Rapport 2022",
        source_section="5.1.2",
        provenance_note="Sub-objectives by judgment of the working group.",
    )
    coderdojo.organisations.set([becode, ella])
    coderdojo.objectives.set(Objective.objects.filter(code__in=["1", "1.2"]))
    coderdojo.audiences.set(terms("audience", "girls", "age-6-12"))
    coderdojo.regions.set(terms("region", "flanders"))
    coderdojo.languages.set(terms("language", "nl", "fr"))
    coderdojo.formats.set(terms("format", "training"))

    tech_day = Initiative.objects.create(
        uid="women-in-tech-day",
        title={"fr": "Journée des femmes dans la tech", "en": "Women in Tech Day"},
        original_language="fr",
        sector="public",
        starts="2022-03",
        ends="2022-03-08",
        status="completed",
        moderation="published",
    )
    tech_day.objectives.set(Objective.objects.filter(code__in=["3.1"]))
    tech_day.audiences.set(terms("audience", "women"))
    return coderdojo, tech_day


def headers(path, sheet=INITIATIVES_SHEET):
    """The header row's texts."""
    workbook = load_workbook(path, read_only=True)
    row = next(workbook[sheet].iter_rows(max_row=1, values_only=True))
    workbook.close()
    return [header for header in row if header]


def database_state():
    """Everything an import could change: the records, their links and their history."""
    records = []
    for initiative in Initiative.objects.order_by("uid"):
        fields = model_to_dict(initiative)
        fields["updated_at"] = initiative.updated_at
        records.append(fields)
    return records, Initiative.history.count()


def set_cells(path, cells, sheet=INITIATIVES_SHEET):
    """Set cells given as ``{"Z3": value}``, for columns that have no header to name them by."""
    workbook = load_workbook(path)
    for coordinate, value in cells.items():
        workbook[sheet][coordinate] = value
    workbook.save(path)


def merge_cells(path, *ranges, sheet=INITIATIVES_SHEET):
    """Merge cells as Excel does: the top-left value stays, the others are emptied."""
    workbook = load_workbook(path)
    for cell_range in ranges:
        workbook[sheet].merge_cells(cell_range)
    workbook.save(path)


def reorder_columns(path, first):
    """Move the columns headed ``first`` to the front, in that order, as a person rearranging columns would."""
    workbook = load_workbook(path)
    ws = workbook[INITIATIVES_SHEET]
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    order = [rows[0].index(header) for header in first]
    order += [index for index in range(len(rows[0])) if index not in order]
    for number, row in enumerate(rows, start=1):
        for column, index in enumerate(order, start=1):
            ws.cell(row=number, column=column).value = row[index]
    workbook.save(path)


# --- the zip parts of a workbook ------------------------------------------------------------------

SHEET_PART = "xl/worksheets/sheet1.xml"  # an export's first sheet: Initiatives
MAIN_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
INLINE_STRING = re.compile(rb'<c ([^>]*?) ?t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.DOTALL)


def edit_parts(path, change):
    """Rewrite the workbook's zip; ``change({part name: bytes})`` edits, adds or removes parts in place."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    change(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def edit_part(path, name, change):
    """Rewrite one part of the workbook's zip: ``change(bytes) -> bytes``."""
    edit_parts(path, lambda parts: parts.update({name: change(parts[name])}))


def replace_in_part(path, name, old, new):
    """Replace text in one part; the text must be there, so that a test cannot pass by changing nothing."""

    def change(data):
        assert old in data, (name, old)
        return data.replace(old, new)

    edit_part(path, name, change)


def part(path, name):
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def set_dimension(path, ref):
    """Store the dimension ``ref`` in the Initiatives sheet (write-only exports store none), stale or not."""

    def change(xml):
        xml = re.sub(rb"<dimension [^>]*>", b"", xml)
        assert b"<sheetViews>" in xml
        return xml.replace(b"<sheetViews>", b'<dimension ref="%s" /><sheetViews>' % ref.encode(), 1)

    edit_part(path, SHEET_PART, change)


def share_strings(path):
    """Move every inline string into a shared string table, as Excel and LibreOffice store text."""

    def change(parts):
        table = {}

        def shared(match):
            index = table.setdefault(match[3], len(table))
            return b'<c %s t="s"%s><v>%d</v></c>' % (match[1], match[2], index)

        for name in [name for name in parts if name.startswith("xl/worksheets/")]:
            parts[name] = INLINE_STRING.sub(shared, parts[name])
        items = b"".join(b"<si>%s</si>" % text for text in table)
        parts["xl/sharedStrings.xml"] = b'<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (
            MAIN_NS,
            len(table),
            len(table),
            items,
        )
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" '
            b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" /></Types>',
        )
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>",
            b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            b'Target="sharedStrings.xml" Id="rIdStrings" /></Relationships>',
        )

    edit_parts(path, change)


def flip_byte(path, name):
    """Corrupt one byte in the middle of a part's compressed data, as a bad disk or transfer would."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    data = bytearray(path.read_bytes())
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    data[info.header_offset + 30 + name_length + extra_length + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def compound_file(*streams):
    """A minimal stand-in for an OLE2 compound file (an .xls, or an .xlsx encrypted with a password).

    Only what the import looks at: the signature, and a directory sector whose 128-byte entries
    name ``streams``. No spreadsheet program could open it.
    """
    header = bytes.fromhex("D0CF11E0A1B11AE1").ljust(512, b"\0")
    entries = b""
    for name in ("Root Entry", *streams):
        encoded = name.encode("utf-16-le") + b"\0\0"
        entries += encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little") + bytes(62)
    return header + entries


def opendocument_spreadsheet():
    """A minimal .ods: the mimetype first and uncompressed, as the OpenDocument format requires."""
    data = BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return data.getvalue()
