"""Features cut into pieces: the pieces tile each feature exactly, whichever way GEOS's
rectangle clipping behaves."""
import numpy as np
import shapely

from explorer.analysis.pieces import clip_to_boxes, subdivide


def _jagged(seed: int, n: int = 600, holes: bool = True) -> shapely.Polygon:
    """A star-shaped polygon of ``n`` vertices around (-50, 1), with a hole."""
    rng = np.random.default_rng(seed)
    angle = np.sort(rng.uniform(0, 2 * np.pi, n))
    radius = 0.5 + 0.3 * rng.uniform(size=n)
    shell = np.column_stack([-50 + radius * np.cos(angle), 1 + radius * np.sin(angle)])
    hole = [shapely.Point(-50, 1).buffer(0.2, quad_segs=40).exterior.coords] if holes else []
    return shapely.Polygon(shell, hole)


def test_pieces_tile_each_feature():
    features = np.array([_jagged(1), _jagged(2, 2000), _jagged(3, 90, holes=False)],
                        dtype=object)
    pieces, owner = subdivide(features, max_vertices=64)
    assert (shapely.get_num_coordinates(pieces) <= 64).all()
    assert shapely.is_valid(pieces).all()
    for k, feature in enumerate(features):
        mine = pieces[owner == k]
        assert np.isclose(shapely.area(mine).sum(), feature.area, rtol=1e-12)
        assert shapely.union_all(mine).symmetric_difference(feature).area < 1e-12 * feature.area
    assert (owner == 2).sum() == 2  # 91 coordinates: halved once


def test_an_invalid_rectangle_clip_is_redone_by_overlay():
    # right of x = 1 this polygon is two triangles touching at (1, 1): GEOS's rectangle
    # clipping returns one self-touching ring, which is not valid
    bow = shapely.Polygon([(0, 0), (2, 0), (1, 1), (2, 2), (0, 2)])
    assert not shapely.clip_by_rect(bow, 1, 0, 3, 3).is_valid
    out = clip_to_boxes(np.array([bow, bow], dtype=object), np.array([[1.0, 0, 3, 3],
                                                                      [0, 0, 1, 3]]))
    assert shapely.is_valid(out).all()
    assert out[0].geom_type == "MultiPolygon" and np.isclose(out[0].area, 1.0)
    assert np.isclose(out[1].area, 2.0)


def _bulging_square() -> shapely.Polygon:
    """A 1° × 2° polygon at 59°–61° N whose south edge bulges north (a densified geodesic):
    its west and east edges lie on its bounding box."""
    x = np.linspace(20, 21, 50)
    south = np.column_stack([x, 59 + 0.001 * np.sin(np.pi * (x - 20))])
    north = np.column_stack([x[::-1], np.full(50, 61.0)])
    return shapely.Polygon(np.vstack([south, north]))


def test_halving_a_polygon_whose_edges_lie_on_its_box():
    polygon = _bulging_square()
    # the GEOS behaviour the padding avoids: clipped to its own box's west and east sides,
    # the lower half comes back as a sliver of the bulge
    assert shapely.clip_by_rect(polygon, 20, 59, 21, 60).area < 0.01
    pieces, owner = subdivide(np.array([polygon], dtype=object), max_vertices=60)
    assert len(pieces) == 2 and shapely.is_valid(pieces).all()
    assert np.isclose(shapely.area(pieces).sum(), polygon.area, rtol=1e-12)
    assert np.allclose(shapely.area(pieces), polygon.area / 2, rtol=1e-3)


def test_halves_whose_areas_do_not_add_up_are_redone_by_overlay(monkeypatch):
    from explorer.analysis import pieces as module

    def lossy(geoms, boxes):  # a clipping that loses the geometry's second part
        return np.array([shapely.get_geometry(shapely.clip_by_rect(g, *box), 0)
                         for g, box in zip(geoms, boxes.tolist())], dtype=object)

    monkeypatch.setattr(module, "clip_to_boxes", lossy)
    three = shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(1.2, 0, 1.5, 1),
                                  shapely.box(3, 0, 4, 1)])  # cut at x = 2: two parts west
    first, second = module._halves(np.array([three], dtype=object),
                                   np.array([three.bounds]))
    assert np.isclose(first[0].area, 1.3) and np.isclose(second[0].area, 1.0)
