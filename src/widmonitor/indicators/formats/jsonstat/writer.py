"""JSON-stat 2.0: one dataset per indicator (or selection), sparse as the Eurostat API serves its own.

``id``/``size`` in Eurostat's order (freq, unit, sex, age, geo, time; sex and age only where the
cube has them), labels in the active interface language, ``value`` and ``status`` as objects
keyed by the cell's position (only the cells that are observations: a missing value the data
names is ``null``, an absent cell is not listed). ``status`` holds Eurostat's flags kept whole;
what each letter means is in ``extension.status.label``, as Eurostat writes it.
``extension.id`` is the indicator's code (the platform's JSON-stat reader takes the dataset's
code from it).
"""

import json

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ...presentation import FLAGS, SEXES, country, indicator_unit, title, unit_label
from ..cube import NOT_APPLICABLE

NAME = "JSON-stat 2.0"
MEDIA_TYPE = "application/json"
EXTENSION = "jsonstat.json"
CONFORMS_TO = "https://json-stat.org/full/"


def dimension_labels():
    return {"freq": _("Time frequency"), "unit": _("Unit of measure"), "sex": _("Sex"), "age": _("Age class"),
            "geo": _("Geopolitical entity"), "time": pgettext("statistical dimension", "Time")}  # fmt: skip


def category_label(cube, name, code):
    if code == NOT_APPLICABLE:
        return _("not applicable")
    if name == "sex":
        return str(SEXES[code])
    if name == "geo":
        return str(country(code))
    if name == "unit":
        return str(indicator_unit(cube.indicator) if code == cube.indicator.unit else unit_label(code))
    if name == "freq":
        return {"A": _("Annual"), "Q": _("Quarterly"), "M": _("Monthly")}.get(code, code)
    return code


def write(cube):
    dimensions = cube.dimensions
    labels = dimension_labels()
    position = {name: {code: number for number, code in enumerate(codes)} for name, codes in dimensions}
    sizes = [len(codes) for _name, codes in dimensions]
    values, status = {}, {}
    for cell in cube.cells:
        key = cube.key(cell)
        index = 0
        for (name, _codes), size in zip(dimensions, sizes):
            index = index * size + position[name][key[name]]
        values[str(index)] = cell.value
        if cell.flags:
            status[str(index)] = cell.flags
    document = {
        "version": "2.0",
        "class": "dataset",
        "label": title(cube.indicator),
        "source": ", ".join(f"Eurostat, {source.dataset}" for source in cube.sources) or "Eurostat",
        "id": [name for name, _codes in dimensions],
        "size": sizes,
        "role": {"time": ["time"], "geo": ["geo"], "metric": ["unit"]},
        "dimension": {
            name: {"label": str(labels[name]), "category": {"index": codes, "label": {code: str(category_label(cube, name, code)) for code in codes}}}
            for name, codes in dimensions
        },
        "value": values,
        "status": status,
        "extension": {
            "id": cube.indicator.code,
            "status": {"label": {letter: str(meaning) for letter, meaning in FLAGS.items()}},
        },
    }
    if cube.updated is not None:
        document["updated"] = cube.updated.isoformat(timespec="seconds")
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
