"""An indicator's Eurostat series out in the formats statisticians use, one folder of the same shape each.

Each format is a folder (``sdmx_csv/``, ``jsonstat/``) whose ``writer.py`` has ``NAME``,
``MEDIA_TYPE`` (the Content-Type it is served with), ``EXTENSION``, ``CONFORMS_TO`` (the address
of the standard it follows, for the catalogue's ``dct:conformsTo``) and ``write(cube)`` → bytes.
``cube.py`` reads what they all write: an indicator's observations for a ``Selection`` (geo,
years, series). Every writer's output is read back by ``indicators.readers`` in the tests, value
for value.
"""

from . import jsonstat, sdmx_csv
from .cube import Cube, Selection, cube

FORMATS = {"sdmx-csv": sdmx_csv, "json-stat": jsonstat}

__all__ = ["FORMATS", "Cube", "Selection", "cube"]
