"""Buffers of convex polygons built in numpy are GEOS's buffers."""
import numpy as np
import pytest
import shapely

from explorer.analysis.convex_buffer import convex_buffers


def _convex(seed=5, n=400):
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        x, y = rng.uniform(-5e4, 5e4, 2)
        w, h = rng.uniform(50, 5000, 2)
        if k % 4 == 0:      # rectangle, clockwise as shapely.box is not
            out.append(shapely.Polygon(shapely.box(x, y, x + w, y + h).exterior.coords[::-1]))
        elif k % 4 == 1:    # hull of random points
            out.append(shapely.convex_hull(shapely.multipoints(rng.uniform(0, w, (9, 2)) + [x, y])))
        elif k % 4 == 2:    # triangle with a collinear and a repeated vertex
            out.append(shapely.Polygon([(x, y), (x + w / 2, y), (x + w, y), (x + w, y),
                                        (x, y + h)]))
        else:               # a rotated rectangle (edges at any angle)
            out.append(shapely.affinity.rotate(shapely.box(x, y, x + w, y + h), k))
    return np.array(out, dtype=object)


@pytest.mark.parametrize("distance,quad_segs", [(1000.0, 16), (5000.0, 32), (37.5, 8)])
def test_convex_buffers_are_the_geos_buffers(distance, quad_segs):
    geoms = _convex()
    mine = convex_buffers(geoms, distance, quad_segs)
    geos = shapely.buffer(geoms, distance, quad_segs=quad_segs)
    assert not shapely.is_missing(mine).any()
    assert shapely.is_valid(mine).all()
    np.testing.assert_allclose(shapely.area(mine), shapely.area(geos), rtol=1e-9)
    gap = shapely.hausdorff_distance(mine, geos)
    assert gap.max() < 1e-6 * distance
    # the exact buffer lies within the polygon's arcs: every point of it is at most the
    # distance from the polygon, and the polygon reaches that far
    assert (shapely.distance(shapely.get_parts(shapely.points(
        shapely.get_coordinates(mine))), geoms.repeat(
        shapely.get_num_coordinates(mine))) <= distance * (1 + 1e-9)).all()


def test_other_geometries_are_left_for_geos():
    notch = shapely.Polygon([(0, 0), (4, 0), (4, 4), (2, 2), (0, 4)])
    holed = shapely.Polygon(shapely.box(0, 0, 4, 4).exterior.coords,
                            [shapely.box(1, 1, 2, 2).exterior.coords])
    flat = shapely.Polygon([(0, 0), (1, 0), (2, 0), (0, 0)])
    geoms = np.array([notch, holed, flat, shapely.Point(0, 0), shapely.LineString([(0, 0), (1, 1)]),
                      shapely.MultiPolygon([shapely.box(0, 0, 1, 1)]), shapely.Polygon(), None,
                      shapely.box(0, 0, 1, 1)], dtype=object)
    out = convex_buffers(geoms, 10.0)
    assert shapely.is_missing(out[:-1]).all() and not shapely.is_missing(out[-1])
    assert shapely.is_missing(convex_buffers(geoms, 0.0)).all()


def test_a_slight_right_turn_before_a_tiny_edge_goes_to_geos():
    """A reflex turn of ~1e-17 rad followed by a 1e-5 m edge: counted as straight, its arc
    point would land behind the next one and the ring would cross itself (review finding)."""
    from explorer.analysis.rings import _buffer

    poly = shapely.Polygon([(0, 0), (300, 0), (300 + 1e-5, -5e-15), (1000, 0), (1000, 1000),
                            (0, 1000)])
    out = convex_buffers(np.array([poly], dtype=object), 50_000.0, 32)
    assert out[0] is None or shapely.is_valid(out[0])
    ring = _buffer(np.array([poly], dtype=object), 50_000.0, 32)
    assert shapely.is_valid(ring).all()
    np.testing.assert_allclose(shapely.area(ring), shapely.area(shapely.buffer(poly, 50_000.0 * (
        np.sqrt((np.pi / 64) / np.sin(np.pi / 64))), quad_segs=32)), rtol=1e-6)
