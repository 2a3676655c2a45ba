"""A chart as its reader sees it: a Vega-Lite spec drawn to SVG by vl-convert, then read back.

The browser draws a spec whose width is "container" at the width of its column; any other spec
at its own size, shrunk to fit the column (``max-width: 100%``), its text with it.
"""

import json
import re
import xml.etree.ElementTree as ET
from functools import lru_cache

import vl_convert

SVG = "{http://www.w3.org/2000/svg}"
PHONE = 312  # a 360 px phone less the report's side margins (1.5rem on each side); the indicator pages have more room


def drawn(spec, column=PHONE):
    """``(svg root, scale)``: the spec drawn in a column ``column`` px wide, and the factor the browser shrinks it by."""
    root = ET.fromstring(svg_text(json.dumps(spec, sort_keys=True), column))
    return root, min(1.0, column / float(root.get("width")))


@lru_cache(maxsize=512)
def svg_text(spec_json, column):
    spec = json.loads(spec_json)
    if spec.get("width") == "container":
        spec["width"] = column
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return vl_convert.vegalite_to_svg(spec)


def texts(root):
    """``[(text, font size in px)]`` of every text element."""
    return [("".join(node.itertext()), float(node.get("font-size", "0").removesuffix("px"))) for node in root.iter(f"{SVG}text")]


def axis_labels(root, axis):
    """The labels of the ``axis`` ("X" or "Y") a reader sees, in the order drawn (empty or hidden ones left out)."""
    labels = []
    for group in root.iter(f"{SVG}g"):
        if (group.get("aria-label") or "").startswith(f"{axis}-axis"):
            for inner in group.iter(f"{SVG}g"):
                if "role-axis-label" in (inner.get("class") or ""):
                    shown = [node for node in inner.iter(f"{SVG}text") if node.get("opacity") != "0"]  # Vega hides an overlapping label
                    labels += [text for text in ("".join(node.itertext()) for node in shown) if text]
    return labels


# (decimal mark, thousands separators) as Belgian readers write numbers in each language
SEPARATORS = {"nl": (",", {"."}), "fr": (",", {"\u00a0", "\u202f"}), "en": (".", {","})}


def separator_mistakes(text, language):
    """Numbers in ``text`` written with another language's separators: "53.4" or "1,800" in Dutch.

    Values have at most two decimals as published, so three digits after a separator are a group of thousands.
    """
    decimal, thousands = SEPARATORS[language]
    return [
        separator + digits
        for separator, digits in re.findall(r"(?<=\d)([.,\u00a0\u202f])(\d+)", text)
        if not ((separator == decimal and len(digits) <= 2) or (separator in thousands and len(digits) == 3))
    ]
