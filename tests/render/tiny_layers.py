"""Tiny in-code layers with a CRS, shared by the render and canvas tests."""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from layers.model import FieldMapping, Provenance, VectorLayer
from layers.roles import Role


def make_layer(title: str, role: Role, geoms, crs="EPSG:4326", **columns) -> VectorLayer:
    """A VectorLayer ``title`` over ``geoms``; its ``name`` column is mapped as the feature name."""
    frame = gpd.GeoDataFrame(columns or {"name": [f"{title} {i}" for i in range(len(geoms))]},
                             geometry=list(geoms), crs=crs)
    provenance = Provenance(path=f"memory://{title}", layer_name=None, driver="memory", sha256="0" * 64)
    return VectorLayer(title, role, frame, provenance, mapping=FieldMapping(name="name"))


def tiny_map() -> dict[str, VectorLayer]:
    """One layer per role around Amapá, with known interiors far from each other."""
    return {
        "context": make_layer("Borders", Role.CONTEXT, [shapely.box(-53, 0, -49, 5)], name=["Brazil"]),
        "basin": make_layer("Basins", Role.BASIN, [shapely.box(-52.9, 4.1, -52.1, 4.9)], name=["Basin A"]),
        "protected_area": make_layer("Parks", Role.PROTECTED_AREA, [shapely.box(-52.5, 1.0, -51.5, 2.0)],
                                     name=["PARNA X"]),
        "indigenous_territory": make_layer("Territories", Role.INDIGENOUS_TERRITORY,
                                           [shapely.box(-51.0, 3.0, -50.0, 4.0)], name=["TI Uaçá"]),
        "concession": make_layer("Concessions", Role.CONCESSION,
                                 [shapely.box(-50.6, 1.0, -49.8, 1.8), shapely.box(-52.0, 2.5, -51.7, 2.8)],
                                 name=["Title A", "Title B"]),
        "river": make_layer("Rivers", Role.RIVER, [shapely.LineString([(-53, 2.3), (-49, 2.3)])], name=["Rio"]),
        "community": make_layer("Villages", Role.COMMUNITY, [shapely.Point(-49.5, 4.5)], name=["Kumarumã"]),
    }


def synthetic_polygons(n: int, bounds=(-55.0, -1.5, -49.5, 4.6), seed: int = 7) -> VectorLayer:
    """``n`` small random squares (0.2 to 6 km across) over ``bounds``: a heavy concession layer."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(bounds[0], bounds[2], n)
    y = rng.uniform(bounds[1], bounds[3], n)
    half = rng.uniform(0.001, 0.03, n)
    geoms = shapely.box(x - half, y - half, x + half, y + half)
    return make_layer("Synthetic", Role.CONCESSION, geoms, name=[f"S{i}" for i in range(n)])
