"""Geometry repairs on load: each one reported with its count, the result valid, and areas
checked against answers built by hand (pyproj.Geod on hand-made triangles)."""
from __future__ import annotations

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiLineString,
    MultiPolygon,
    Point,
    Polygon,
)

from layers.errors import EmptyLayerError, MixedGeometryError
from layers.readers import read_vector
from tests.layers.builders import WGS84_GEOD

# A bow-tie over Amapá: its ring crosses itself at (-51.5, 2.5).
BOWTIE = Polygon([(-52, 2), (-51, 3), (-51, 2), (-52, 3), (-52, 2)])


def _write(tmp_path, geometries, name="camada.geojson", crs="EPSG:4326", **columns):
    frame = gpd.GeoDataFrame({"n": list(range(len(geometries))), **columns}, geometry=geometries, crs=crs)
    path = tmp_path / name
    frame.to_file(path, engine="pyogrio")
    return path


def _repairs(layer):
    return {r.kind: r for r in layer.provenance.repairs}


def _triangle_area(*corners):
    lons, lats = zip(*corners)
    return abs(WGS84_GEOD.polygon_area_perimeter(lons, lats)[0])


@pytest.mark.parametrize("name", ["bowtie.geojson", "bowtie.gpkg", "bowtie.shp"])
def test_bowtie_is_made_valid_reported_and_its_area_is_the_two_triangles(tmp_path, name):
    path = _write(tmp_path, [BOWTIE, Point(-50, 1).buffer(0.1)], name)
    layer = read_vector(path)
    fixed = layer.frame.geometry.iloc[0]
    assert fixed.is_valid and layer.frame.geometry.is_valid.all()
    assert _repairs(layer)["make_valid"].count == 1
    assert "self-intersection" in _repairs(layer)["make_valid"].detail.lower()
    expected = _triangle_area((-52, 2), (-51.5, 2.5), (-52, 3)) + _triangle_area((-51, 2), (-51, 3), (-51.5, 2.5))
    oriented = shapely.orient_polygons(fixed)
    assert abs(WGS84_GEOD.geometry_area_perimeter(oriented)[0]) == pytest.approx(expected, rel=1e-9)


def test_self_intersecting_ring_with_a_loop_is_repaired(tmp_path):
    # A square whose ring cuts back across its own bottom edge, making a loop below it.
    ring = Polygon([(-52, 2), (-51, 2), (-51, 3), (-52, 3), (-52, 2.5), (-51.5, 1.8), (-52, 2)])
    layer = read_vector(_write(tmp_path, [ring]))
    fixed = layer.frame.geometry.iloc[0]
    assert fixed.is_valid and not fixed.is_empty
    assert fixed.geom_type in ("Polygon", "MultiPolygon")
    assert _repairs(layer)["make_valid"].count == 1
    square = _triangle_area((-52, 2), (-51, 2), (-51, 3)) * 2
    area = abs(WGS84_GEOD.geometry_area_perimeter(shapely.orient_polygons(fixed))[0])
    assert 0.9 * square < area < 1.1 * square


def test_null_and_empty_geometries_are_dropped_and_counted(tmp_path):
    path = tmp_path / "lacunas.gpkg"
    frame = gpd.GeoDataFrame({"nome": ["a", "b", "c", "d"]},
                             geometry=[Point(-51, 2).buffer(0.1), None, Polygon(), Point(-50, 2).buffer(0.1)],
                             crs="EPSG:4326")
    frame.to_file(path)
    layer = read_vector(path)
    assert list(layer.frame["nome"]) == ["a", "d"]
    kinds = _repairs(layer)
    assert kinds["drop_null"].count + kinds.get("drop_empty", kinds["drop_null"]).count >= 2
    assert sum(r.count for r in layer.provenance.repairs if r.kind.startswith("drop")) == 2
    assert list(layer.frame.index) == [0, 1]


def test_z_coordinates_are_forced_2d_and_reported(tmp_path):
    path = _write(tmp_path, [Polygon([(-52, 2, 10), (-51, 2, 11), (-51, 3, 12)]), Point(-50, 2).buffer(0.1)])
    layer = read_vector(path)
    assert not layer.frame.geometry.has_z.any()
    assert _repairs(layer)["force_2d"].count == 1


def test_collections_are_reduced_to_the_layer_family(tmp_path):
    square = Polygon([(-52, 2), (-51, 2), (-51, 3), (-52, 3)])
    collection = GeometryCollection([square, LineString([(-50, 1), (-49, 1)]), Point(-48, 1)])
    path = _write(tmp_path, [collection, Point(-50, 2).buffer(0.1)])
    layer = read_vector(path, role="protected_area")
    assert _repairs(layer)["reduce_collection"].count == 1
    first = layer.frame.geometry.iloc[0]
    assert first.geom_type == "MultiPolygon" and first.equals(MultiPolygon([square]))


def test_polygons_and_multipolygons_together_are_fine(tmp_path):
    multi = MultiPolygon([Point(-51, 2).buffer(0.1), Point(-50, 2).buffer(0.1)])
    layer = read_vector(_write(tmp_path, [Point(-52, 2).buffer(0.1), multi]))
    assert set(layer.frame.geom_type) == {"MultiPolygon"}
    assert _repairs(layer)["promote_multi"].count == 1


def test_lines_and_multilines_together_are_fine(tmp_path):
    lines = [LineString([(-52, 2), (-51, 2)]), MultiLineString([[(-50, 2), (-49, 2)], [(-48, 2), (-47, 2)]])]
    layer = read_vector(_write(tmp_path, lines), role="river")
    assert set(layer.frame.geom_type) == {"MultiLineString"}


def test_lines_mixed_with_polygons_raise_with_counts(tmp_path):
    path = _write(tmp_path, [LineString([(-52, 2), (-51, 2)]), Point(0, 0).buffer(1), Point(2, 2).buffer(1)])
    with pytest.raises(MixedGeometryError, match=r"1 lines, 2 polygons") as caught:
        read_vector(path)
    assert "camada.geojson" in str(caught.value)


def test_a_layer_whose_only_geometry_is_an_empty_collection_is_empty(tmp_path):
    path = _write(tmp_path, [GeometryCollection()])
    with pytest.raises(EmptyLayerError, match="camada.geojson"):
        read_vector(path)


def test_valid_input_gets_no_repairs(tmp_path):
    layer = read_vector(_write(tmp_path, [Point(-51, 2).buffer(0.1), Point(-50, 2).buffer(0.1)]))
    assert layer.provenance.repairs == ()


def test_a_ring_the_driver_closes_is_reported(tmp_path):
    path = tmp_path / "aberto.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
                    '"geometry": {"type": "Polygon", "coordinates": [[[-52, 2], [-51, 2], [-51, 3]]]}}]}',
                    encoding="utf-8")
    layer = read_vector(path)
    assert layer.frame.geometry.iloc[0].is_valid
    notes = [r for r in layer.provenance.repairs if r.kind in ("driver_warning", "fix_geometry_encoding")]
    assert notes and notes[0].count == 1
