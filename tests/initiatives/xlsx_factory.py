"""Build and alter workbooks in tests: start from a valid export, break one thing, import it.

Values set with ``edit`` go through plain openpyxl, so a string starting with "=" becomes a
real formula cell and "#N/A" an error cell, just as if a person had typed them in Excel.
"""

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.vocabularies.models import Term
from widmonitor.initiatives.xlsx_columns import INITIATIVES_SHEET
from widmonitor.strategy.models import Objective


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
