"""SDMX-CSV 2.0 (SDMX 3.0's CSV format), with codes only, as Eurostat serves its own data.

One row per observation: ``STRUCTURE`` (``dataflow``), ``STRUCTURE_ID`` (``WIDMONITOR:<CODE>(1.0)``,
the indicator's code in upper case: no SDMX registry describes it), ``ACTION`` (``I``, information),
the dimensions (``freq``, ``unit``, ``sex`` and ``age`` where the cube has them, ``geo``,
``TIME_PERIOD``), ``OBS_VALUE`` (empty for a missing value), then the attributes Eurostat uses:
``OBS_FLAG``, the observation's status as Eurostat's flags kept whole (``b``, ``p``, ``bu``...),
and ``CONF_STATUS`` ``C`` for a confidential cell (Eurostat's flag ``c``, which it moves there
too). A dimension that does not apply to a cell is ``_Z``. Numbers are written as Python's
shortest exact form, with a point: ``float(text)`` gives the stored value back.
"""

import csv
import io

from ..cube import NOT_APPLICABLE

NAME = "SDMX-CSV 2.0"
# The media type the SDMX REST API gives SDMX-CSV 2.0 data (content negotiation: its ``Accept`` header selects this
# very format), https://fmrwiki.sdmx.io/latest/formats/data/DataFormats/; the file is UTF-8, as SDMX-CSV requires.
MEDIA_TYPE = "application/vnd.sdmx.data+csv; version=2.0.0"
EXTENSION = "sdmx.csv"
CONFORMS_TO = "https://github.com/sdmx-twg/sdmx-csv/blob/v2.0.0/data-message/docs/sdmx-csv-field-guide.md"
AGENCY = "WIDMONITOR"
VERSION = "1.0"
CONFIDENTIAL = "c"


def structure_id(code):
    return f"{AGENCY}:{code.upper()}({VERSION})"


def number(value):
    """The stored float as the shortest text that reads back exactly: 19.6, 1234 (not 1234.0), empty for none."""
    if value is None:
        return ""
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def write(cube):
    dimensions = [name for name, _codes in cube.dimensions]
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["STRUCTURE", "STRUCTURE_ID", "ACTION", *[d if d != "time" else "TIME_PERIOD" for d in dimensions],
                     "OBS_VALUE", "OBS_FLAG", "CONF_STATUS"])  # fmt: skip
    identifier = structure_id(cube.indicator.code)
    for cell in cube.cells:
        key = cube.key(cell)
        confidential = CONFIDENTIAL in cell.flags
        writer.writerow([
            "dataflow", identifier, "I", *[key[d] for d in dimensions], number(cell.value),
            cell.flags.replace(CONFIDENTIAL, ""), "C" if confidential else "",
        ])  # fmt: skip
    return stream.getvalue().encode("utf-8")


__all__ = ["CONFORMS_TO", "EXTENSION", "MEDIA_TYPE", "NAME", "NOT_APPLICABLE", "write"]
