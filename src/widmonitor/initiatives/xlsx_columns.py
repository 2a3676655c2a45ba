"""The overview workbook's layout: one list of columns that both the export and the import read.

Each column names its header (what a person sees in row 1), the Initiative field it holds,
the kind of value (which decides how a cell is written and how it is parsed back) and how
long a cell may be. Changing the layout means changing this list, nothing else.
"""

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from widmonitor.strategy.models import Strategy

from .models import Initiative

INITIATIVES_SHEET = "Initiatives"
CODES_SHEET = "Codes"

# Kinds of column.
ID = "id"  # the initiative's uid
TEXT = "text"  # free text
TRANSLATED = "translated"  # free text in one content language (title_nl, summary_fr, ...)
CHOICE = "choice"  # one code of the field's fixed choices
CODES = "codes"  # several codes (or organisation names) joined by "; "
DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD
URL = "url"  # a web address

CODE_SEPARATOR = "; "

# Excel refuses longer cells; fields without a max_length are held to it.
EXCEL_CELL_LIMIT = 32767

# Where the codes of a CODES column come from.
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
    language: str = ""  # for TRANSLATED: nl, fr or en

    @property
    def model_field(self):
        return Initiative._meta.get_field(self.field)

    @property
    def max_length(self):
        if self.kind == CODES:
            return EXCEL_CELL_LIMIT
        return min(self.model_field.max_length or EXCEL_CELL_LIMIT, EXCEL_CELL_LIMIT)

    @property
    def choices(self):
        """The codes a CHOICE column accepts, in the model's order."""
        return [value for value, _label in self.model_field.choices]

    @property
    def default(self):
        """What a blank CHOICE cell means."""
        return self.model_field.default


def _translated(name, width, required=False):
    return [
        Column(f"{name}_{lang}", f"{name}_{lang}", TRANSLATED, width, required=required, language=lang)
        for lang in ("nl", "fr", "en")
    ]


COLUMNS = (
    Column("id", "uid", ID, 28, required=True),
    *_translated("title", 40, required=True),
    *_translated("summary", 60),
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
)

BY_HEADER = {column.header: column for column in COLUMNS}
SCALAR_COLUMNS = tuple(column for column in COLUMNS if column.kind != CODES)
CODE_COLUMNS = tuple(column for column in COLUMNS if column.kind == CODES)


def layout_letter(column):
    """The letter ``column`` has in an exported workbook, e.g. L for objectives."""
    return get_column_letter(COLUMNS.index(column) + 1)


def current_strategy():
    """The strategy whose objective codes the objectives column holds: the one the platform runs."""
    return Strategy.objects.current()
