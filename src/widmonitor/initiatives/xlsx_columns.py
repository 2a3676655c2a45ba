"""The overview workbook's layout: one list of columns that both the export and the import read.

Each column names its header (what a person sees in row 1), the Initiative field it holds,
the kind of value (which decides how a cell is written and how it is parsed back) and how
long a cell may be. Translated fields get one column per configured content language
(``title_<code>`` for each), so the layout is built when needed, from the configuration.
"""

from dataclasses import dataclass
from functools import cached_property

from openpyxl.utils import get_column_letter

from widmonitor.languages import content_codes
from widmonitor.translated_fields import ContentLanguageField

from .models import Initiative

INITIATIVES_SHEET = "Initiatives"
CODES_SHEET = "Codes"

# Kinds of column.
ID = "id"  # the initiative's uid
VERSION = "version"  # the record's version when exported: an import refuses rows of an older one
TEXT = "text"  # free text
TRANSLATED = "translated"  # free text in one content language: one key of a TranslatedTextField
CHOICE = "choice"  # one code of the field's choices
CODES = "codes"  # several codes joined by "; "
DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD
URL = "url"  # a web address

CODE_SEPARATOR = "; "

# Excel refuses longer cells; fields without a max_length are held to it.
EXCEL_CELL_LIMIT = 32767

# Where the codes of a CODES column come from, besides the controlled lists.
ORGANISATION = "organisation"
OBJECTIVE = "objective"


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str
    width: int = 14
    required: bool = False
    vocabulary: str = ""  # for CODES: ORGANISATION, OBJECTIVE or a Vocabulary value
    language: str = ""  # for TRANSLATED: a content language code

    @property
    def model_field(self):
        return Initiative._meta.get_field(self.field)

    @property
    def max_length(self):
        if self.kind in (CODES, VERSION):
            return EXCEL_CELL_LIMIT
        return min(self.model_field.max_length or EXCEL_CELL_LIMIT, EXCEL_CELL_LIMIT)

    @property
    def choices(self):
        """The codes a CHOICE column accepts, in order."""
        if isinstance(self.model_field, ContentLanguageField):
            return content_codes()
        return [value for value, _label in self.model_field.choices]

    @property
    def default(self):
        """What a blank CHOICE cell means."""
        return self.model_field.get_default()


CURATORS_COLUMNS = ("provenance_note",)  # the back office's: never in a file for the public


class Layout:
    """The columns of the overview sheet, in the order the export writes them."""

    def __init__(self, leave_out=()):
        languages = content_codes()

        def translated(field, width, required=False):
            return [Column(f"{field}_{code}", field, TRANSLATED, width, required, language=code) for code in languages]

        self.columns = (
            Column("id", "uid", ID, 28, required=True),
            *translated("title", 40, required=True),
            *translated("summary", 60),
            Column("original_language", "original_language", CHOICE, 10, required=True),
            Column("organisations", "organisations", CODES, 30, vocabulary=ORGANISATION),
            Column("sector", "sector", CHOICE, 10),
            Column("objectives", "objectives", CODES, 14, vocabulary=OBJECTIVE),
            Column("audiences", "audiences", CODES, 24, vocabulary="audience"),
            Column("regions", "regions", CODES, 18, vocabulary="region"),
            Column("languages", "languages", CODES, 12, vocabulary="language"),
            Column("formats", "formats", CODES, 18, vocabulary="format"),
            Column("cost", "cost", CHOICE, 10),
            Column("starts", "starts", DATE, 11),
            Column("ends", "ends", DATE, 11),
            Column("status", "status", CHOICE, 11),
            Column("url", "url", URL, 30),
            Column("moderation", "moderation", CHOICE, 11),
            Column("source_document", "source_document", TEXT, 30),
            Column("source_section", "source_section", TEXT, 12),
            Column("provenance_note", "provenance_note", TEXT, 40),
            Column("digcomp", "digcomp", CODES, 16, vocabulary="digcomp"),  # after the older columns: their letters stay
            Column("version", "version", VERSION, 8),  # last: what a person edits comes first
        )
        self.columns = tuple(column for column in self.columns if column.header not in leave_out)
        self.by_header = {column.header: column for column in self.columns}

    @cached_property
    def scalar_columns(self):
        return tuple(column for column in self.columns if column.kind != CODES)

    @cached_property
    def version_column(self):
        return self.by_header["version"]

    @cached_property
    def code_columns(self):
        return tuple(column for column in self.columns if column.kind == CODES)

    def letter(self, column):
        """The letter ``column`` has in an exported workbook, e.g. L for objectives."""
        return get_column_letter(self.columns.index(column) + 1)
