"""Polygon rings read without a geometry per ring are those shapely gives."""
import numpy as np
import pytest
import shapely

from explorer.analysis.ragged import polygon_rings, ragged_polygons


def _mixed_polygons(n=300, seed=3):
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        x, y = rng.uniform(-60, -40), rng.uniform(-30, 5)
        shell = shapely.Polygon(shapely.buffer(shapely.Point(x, y), 0.1,
                                               quad_segs=int(rng.integers(1, 6))).exterior)
        if k % 3 == 0:  # with one or two holes
            holes = [shapely.box(x - 0.02, y - 0.02, x + 0.02, y + 0.02).exterior.coords]
            if k % 2:
                holes.append(shapely.box(x + 0.04, y, x + 0.05, y + 0.01).exterior.coords)
            shell = shapely.Polygon(shell.exterior.coords, holes)
        out.append(shell)
    return np.array(out, dtype=object)


def test_rings_are_those_of_get_rings_with_their_parts():
    parts = _mixed_polygons()
    parts[5] = shapely.Polygon()  # an empty polygon has no ring
    coords, sizes, ring_part = polygon_rings(parts)
    rings, owner = shapely.get_rings(parts, return_index=True)
    assert (shapely.get_num_interior_rings(parts) > 0).sum() >= 100
    np.testing.assert_array_equal(ring_part, owner)
    np.testing.assert_array_equal(sizes, shapely.get_num_coordinates(rings))
    np.testing.assert_array_equal(coords, shapely.get_coordinates(rings))


@pytest.mark.parametrize("multi", [False, True])
def test_ragged_polygons_equal_shapely_to_ragged_array(multi):
    geoms = _mixed_polygons()
    if multi:  # some multipolygons, one of them with a holed part
        geoms[[1, 7, 30]] = [shapely.MultiPolygon(list(geoms[k:k + 3])) for k in (1, 7, 30)]
    kind, coords, offsets = ragged_polygons(geoms)
    ref_kind, ref_coords, ref_offsets = shapely.to_ragged_array(geoms)
    assert kind == ref_kind
    np.testing.assert_array_equal(coords, ref_coords)
    assert len(offsets) == len(ref_offsets) == (3 if multi else 2)
    for mine, ref in zip(offsets, ref_offsets):
        np.testing.assert_array_equal(mine, ref)
    back = shapely.from_ragged_array(kind, coords, offsets)
    assert shapely.equals_exact(back, shapely.from_ragged_array(ref_kind, ref_coords,
                                                                ref_offsets)).all()


def test_ragged_polygons_refuse_other_types():
    with pytest.raises(ValueError):
        ragged_polygons(np.array([shapely.Point(0, 0)], dtype=object))


def test_flat_paths_and_polygons_read_every_ring_line_and_point_in_order():
    """The kernels' flat arrays hold, per geometry, the coordinates of its rings (as
    shapely.get_rings gives them), then of its lines and points."""
    from explorer.analysis.clip_area import FlatPolygons
    from explorer.analysis.nearest import FlatPaths

    polys = _mixed_polygons(40)
    geoms = np.array([
        polys[0], shapely.LineString([(0, 0), (1, 1), (2, 0)]), shapely.Point(3, 3),
        shapely.GeometryCollection([polys[3], shapely.LineString([(5, 5), (6, 6)]),
                                    shapely.Point(7, 7)]),
        shapely.MultiPolygon([polys[6], polys[9]]), shapely.Polygon(), polys[12],
    ], dtype=object)
    flat = FlatPaths(geoms)
    for g, (first, last) in enumerate(zip(flat.first, flat.last)):
        parts = shapely.get_parts(geoms[g])
        if shapely.get_type_id(geoms[g]) == 7:
            parts = np.array([p for q in parts for p in shapely.get_parts(q)], dtype=object)
        is_poly = shapely.get_type_id(parts) == 3
        paths = [*shapely.get_rings(parts[is_poly]), *parts[~is_poly]]
        paths = [p for p in paths if not shapely.is_empty(p)]
        assert last - first == len(paths)
        for k, path in zip(range(first, last), paths):
            xy = np.column_stack([flat.x[flat.start[k]:flat.end[k]],
                                  flat.y[flat.start[k]:flat.end[k]]])
            np.testing.assert_array_equal(xy, shapely.get_coordinates(path))
    polygons = FlatPolygons(geoms[[0, 4, 5, 6]])
    rings, part = shapely.get_rings(shapely.get_parts(geoms[[0, 4, 5, 6]]), return_index=True)
    np.testing.assert_array_equal(polygons.end - polygons.start, shapely.get_num_coordinates(rings))
    np.testing.assert_array_equal(np.column_stack([polygons.x, polygons.y]),
                                  shapely.get_coordinates(rings))
    signed = np.array([shapely.area(shapely.Polygon(r)) * (1 if r.is_ccw else -1) for r in rings])
    exterior = np.r_[True, part[1:] != part[:-1]]
    assert ((polygons.sign * signed > 0) == exterior).all()  # exteriors add, holes take away
