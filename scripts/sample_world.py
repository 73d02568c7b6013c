"""World country borders for the offline basemap, from Natural Earth via the npm package
``world-atlas@2.0.2`` (TopoJSON, public domain), decoded here without extra dependencies."""
from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import MultiPolygon, Polygon

__all__ = ["WORLD_ATLAS", "decode_topojson", "fetch_world_atlas", "split_antimeridian"]

WORLD_ATLAS = "world-atlas@2.0.2"


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat coordinates of every arc (quantised, delta-encoded in the file)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _polygon(rings: list[list[int]], arcs) -> Polygon:
    shell, *holes = (_ring(r, arcs) for r in rings)
    return Polygon(shell, holes)


def _split_part(part):
    """One polygon cut at ±180° when its ring jumps across it (Antarctica, whose ring follows
    the ±180° edges on purpose, is left as it is)."""
    minx, miny, maxx, _ = part.bounds
    if maxx - minx <= 180 or miny < -60:
        return part
    shifted = shapely.make_valid(shapely.transform(part, lambda xy: np.where(xy[:, :1] < 0, xy + [360, 0], xy)))
    east = shapely.intersection(shifted, shapely.box(0, -90, 180, 90))
    west = shapely.affinity.translate(shapely.intersection(shifted, shapely.box(180, -90, 360, 90)), -360)
    return shapely.union(east, west)


def split_antimeridian(geom):
    """A country whose rings jump across ±180° (Russia, Fiji in world-atlas), cut into east and
    west parts so no map draws a band across the world; other countries are unchanged."""
    parts = [_split_part(p) for p in shapely.get_parts(geom)]
    return shapely.union_all(shapely.make_valid(parts)) if len(parts) > 1 else parts[0]


def decode_topojson(topology: dict, name: str) -> gpd.GeoDataFrame:
    """The polygons of object ``name`` of a TopoJSON topology, EPSG:4326, with their properties."""
    arcs = _arcs(topology)
    rows, geoms = [], []
    for item in topology["objects"][name]["geometries"]:
        if item["type"] == "Polygon":
            geom = _polygon(item["arcs"], arcs)
        elif item["type"] == "MultiPolygon":
            geom = MultiPolygon([_polygon(p, arcs) for p in item["arcs"]])
        else:
            continue
        rows.append({"id": str(item.get("id", "")), **item.get("properties", {})})
        geom = split_antimeridian(geom)  # before make_valid: a jumping ring is not a shape yet
        geoms.append(shapely.make_valid(geom) if not geom.is_valid else geom)
    return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")


def fetch_world_atlas(folder: Path) -> Path | None:
    """Unpack ``world-atlas`` from the npm registry into ``folder``; None when npm is absent."""
    npm = shutil.which("npm")
    if npm is None:
        return None
    subprocess.run([npm, "pack", WORLD_ATLAS, "--silent"], cwd=folder, check=True,
                   capture_output=True)
    archive = next(folder.glob("world-atlas-*.tgz"))
    with tarfile.open(archive) as tar:
        member = tar.getmember("package/countries-110m.json")
        target = folder / "countries-110m.json"
        target.write_bytes(tar.extractfile(member).read())
        return target
