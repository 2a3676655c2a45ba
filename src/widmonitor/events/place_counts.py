"""The count of events per province and per region, and the provinces' shapes to draw them on (data/events/provinces.json)."""

import functools
import json

from django.conf import settings
from django.db.models import Count

from .places import REGION_OF, PlaceCount, Province, Region

SHADES = 5  # classes of the map's fill, from no event to the most


@functools.cache
def shapes():
    return json.loads((settings.DATA_DIR / "events" / "provinces.json").read_text(encoding="utf-8"))


def counts(events):
    """``(provinces, regions, online)``: PlaceCounts per province and region, in the lists' order, and the online count."""
    by_province = dict(events.order_by().values_list("province").annotate(n=Count("pk")))
    online = by_province.pop("", 0)
    provinces = [PlaceCount(code, str(label), by_province.get(code, 0)) for code, label in Province.choices]
    regions = [
        PlaceCount(code, str(label), sum(p.count for p in provinces if REGION_OF[p.code] == code)) for code, label in Region.choices
    ]
    return provinces, regions, online


def drawn(provinces):
    """``[(PlaceCount, path, shade)]``: each province's shape, shaded by its share of the largest count (0: none)."""
    paths = shapes()["paths"]
    most = max((p.count for p in provinces), default=0)
    return [(p, paths[p.code], 0 if not p.count else 1 + (SHADES - 2) * p.count // most) for p in provinces]
