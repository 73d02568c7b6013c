"""Many local frames measured together give what each frame gives on its own, and the
proximity pairs of several 1° cells do not depend on how the cells are batched."""
import numpy as np
import pytest
import shapely

from explorer.analysis import rings
from explorer.analysis.geodesy import GEOD, LocalFrame, LocalFrames
from explorer.analysis.pieces import PieceIndex

CENTRES = np.array([[-50.5, 1.5], [10.5, -60.5], [179.5, 0.5]])


def _points(seed: int, n: int = 2000):
    rng = np.random.default_rng(seed)
    which = rng.integers(0, len(CENTRES), n)
    lon = CENTRES[which, 0] + rng.uniform(-1.2, 1.2, n)
    lat = CENTRES[which, 1] + rng.uniform(-1.2, 1.2, n)
    return lon, lat, which


def test_many_frames_equal_one_frame_each_to_the_last_bit():
    lon, lat, which = _points(1)
    frames = LocalFrames(CENTRES[:, 0], CENTRES[:, 1])
    x, y = frames.forward(lon, lat, which)
    back = frames.inverse(x, y, which)
    scale = frames.area_scale(x, y, which)
    for k, (clon, clat) in enumerate(CENTRES):
        one, mine = LocalFrame(clon, clat), which == k
        ox, oy = one.forward(lon[mine], lat[mine])
        assert np.array_equal(ox, x[mine]) and np.array_equal(oy, y[mine])
        olon, olat = one.inverse(ox, oy)
        assert np.array_equal(olon, back[0][mine]) and np.array_equal(olat, back[1][mine])
        assert np.array_equal(one.area_scale(ox, oy), scale[mine])


def test_frames_keep_distances_from_their_centres():
    lon, lat, which = _points(2)
    frames = LocalFrames(CENTRES[:, 0], CENTRES[:, 1])
    x, y = frames.forward(lon, lat, which)
    _, _, geodesic = GEOD.inv(CENTRES[which, 0], CENTRES[which, 1], lon, lat)
    assert np.allclose(np.hypot(x, y), geodesic, rtol=1e-6, atol=1e-3)
    back_lon, back_lat = frames.inverse(x, y, which)
    wrapped = (back_lon - lon + 180) % 360 - 180  # 180.3° comes back as -179.7°
    assert np.allclose(wrapped, 0, atol=1e-9) and np.allclose(back_lat, lat, atol=1e-9)


def test_geometries_projected_each_in_its_own_frame():
    frames = LocalFrames(CENTRES[:, 0], CENTRES[:, 1])
    boxes = np.array([shapely.box(c[0] - 0.2, c[1] - 0.1, c[0] + 0.1, c[1] + 0.3)
                      for c in CENTRES[[2, 0, 1, 0]]], dtype=object)
    which = np.array([2, 0, 1, 0])
    local = frames.project(boxes, which)
    for k in range(len(boxes)):
        alone = LocalFrame(*CENTRES[which[k]]).project(boxes[k:k + 1])[0]
        assert shapely.equals_exact(local[k], alone, tolerance=0)
    back = frames.unproject(local, which)
    assert shapely.equals_exact(back, boxes, tolerance=1e-9).all()


def test_a_set_of_frames_wants_to_be_told_which():
    with pytest.raises(ValueError, match="which frame"):
        LocalFrames(CENTRES[:, 0], CENTRES[:, 1]).forward(np.zeros(1), np.zeros(1))


def _titles_and_features():
    rng = np.random.default_rng(3)
    centres = np.array([[-51.3, 0.4], [-50.2, 1.7], [-49.6, 2.2], [-52.8, -0.6]])
    titles = []
    for c in centres:
        for dx, dy in rng.uniform(-0.4, 0.4, (15, 2)):
            w, h = rng.uniform(0.005, 0.05, 2)
            titles.append(shapely.box(c[0] + dx, c[1] + dy, c[0] + dx + w, c[1] + dy + h))
    features = [shapely.Point(c[0] + 0.1, c[1] - 0.05).buffer(0.3, quad_segs=32)
                for c in centres]
    features.append(shapely.LineString([(-53.0, -0.5), (-49.0, 2.5)]))
    return np.array(titles, dtype=object), np.array(features, dtype=object)


def test_pairs_do_not_depend_on_how_cells_are_batched(monkeypatch):
    titles, features = _titles_and_features()
    index = PieceIndex.build(features, max_vertices=24)
    si, pj = index.tree.query(rings.expanded_boxes(titles, 10_000.0), predicate="intersects")
    radii = np.array([1000.0, 5000.0, 10000.0])
    assert len(np.unique(rings.cells(titles[si])[0])) >= 4  # several frames
    monkeypatch.setattr(rings, "BATCH_PAIRS", 1)  # one cell at a time
    one = rings.measure_pairs(titles, index, si, pj, radii)
    monkeypatch.setattr(rings, "BATCH_PAIRS", 10 ** 9)  # every cell together
    together = rings.measure_pairs(titles, index, si, pj, radii)
    for a, b in zip(one, together):
        assert np.array_equal(a, b, equal_nan=True)
    dist, areas, hit = together
    assert hit.any() and (~hit).any() and (np.nan_to_num(areas) > 0).any()


def test_batches_cut_only_between_cells(monkeypatch):
    monkeypatch.setattr(rings, "BATCH_PAIRS", 3)
    sorted_cell = np.array([0, 0, 1, 1, 1, 1, 2, 3, 3])
    batches = rings._batches(np.arange(9), sorted_cell)
    assert np.array_equal(np.concatenate(batches), np.arange(9))
    for batch in batches:
        assert len(batch) >= 3 or batch[-1] == 8
        before = batch[0] - 1
        assert before < 0 or sorted_cell[before] != sorted_cell[batch[0]]


def test_one_frame_number_serves_every_point():
    lon, lat, which = _points(4, n=3)  # three points: a (3,) frame row must not broadcast
    frames = LocalFrames(CENTRES[:, 0], CENTRES[:, 1])
    x, y = frames.forward(lon, lat, 1)
    ox, oy = frames.forward(lon, lat, np.ones(3, np.int64))
    assert np.array_equal(x, ox) and np.array_equal(y, oy)
    with pytest.raises(IndexError):
        frames.forward(lon, lat, 3)
