"""Tiny in-code layers with a CRS for the report tests, some with hostile attribute text."""
from __future__ import annotations

import geopandas as gpd
from shapely.geometry import Point, box

from layers.model import FieldMapping, Provenance, VectorLayer
from layers.roles import Role

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def make_layer(name, role, rows, geoms, crs="EPSG:4326"):
    """A VectorLayer with columns id/name from ``rows`` and the given geometries."""
    frame = gpd.GeoDataFrame(rows, geometry=geoms, crs=crs)
    prov = Provenance(path=f"/tmp/{name}.gpkg", layer_name=name, driver="GPKG", sha256="0" * 64,
                      feature_count=len(frame))
    return VectorLayer(name=name, role=role, frame=frame, provenance=prov,
                       mapping=FieldMapping(id="id", name="name"))


def hostile_layers():
    """A territory, a protected area, two concessions and a village; names are hostile."""
    territory = make_layer("territories " + SCRIPT, Role.INDIGENOUS_TERRITORY,
                           {"id": ["T1"], "name": [SCRIPT]}, [box(-51.5, 2.0, -51.0, 2.5)])
    park = make_layer("parks", Role.PROTECTED_AREA, {"id": ["P1"], "name": [IMG]},
                      [box(-51.2, 2.3, -50.8, 2.8)])
    titles = make_layer("titles", Role.CONCESSION,
                        {"id": ["C1", "C2"], "name": [SCRIPT, "Mineração Açaí Ltda"]},
                        [box(-51.3, 2.2, -51.1, 2.4), box(-50.9, 2.6, -50.7, 2.7)])
    villages = make_layer("villages", Role.COMMUNITY, {"id": ["V1"], "name": [IMG]},
                          [Point(-51.25, 2.1)])
    return [territory, park, titles, villages]
