"""Overlap metrics against independent geodesic answers, and the classic pitfalls."""
import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from analysis_fixtures import GEOD, disc, geod_area_m2, layer, square
from explorer.analysis import AnalysisSettings, run_analysis
from layers.roles import Role

SETTINGS = AnalysisSettings(rings_km=(1,), roles=(Role.PROTECTED_AREA, Role.INDIGENOUS_TERRITORY))
REL = 1e-4  # 0.01 %


def _run(subjects, features, role=Role.PROTECTED_AREA, crs="EPSG:4326", settings=SETTINGS):
    layers = [layer("c", Role.CONCESSION, subjects, crs=crs), layer("f", role, features)]
    return run_analysis(layers, settings)


@pytest.mark.parametrize("lat", [0.0, 60.0])
@pytest.mark.parametrize("side", [100.0, 1_000.0, 10_000.0, 100_000.0])
def test_subject_inside_feature(lat, side):
    sub = square(20.0, lat, side)
    feat = square(19.0, lat - 1.0, 400_000.0)
    row = _run([sub], [feat]).table("overlaps").iloc[0]
    assert row["overlap_ha"] * 1e4 == pytest.approx(geod_area_m2(sub), rel=REL)
    assert row["pct_of_concession"] == pytest.approx(100.0, rel=REL)
    assert row["pct_of_feature"] == pytest.approx(100 * geod_area_m2(sub) / geod_area_m2(feat), rel=REL)
    assert bool(row["contained"])


@pytest.mark.parametrize("edges", ["straight", "geodesic"])
@pytest.mark.parametrize("lat", [0.0, 60.0])
@pytest.mark.parametrize("side", [1_000.0, 100_000.0])
def test_square_overlap_follows_the_edge_model(edges, lat, side):
    """Half of a square overlaps a bigger square; each edge model agrees with GeographicLib on
    the polygon densified under that model.  At 60° a 100 km side makes the two models differ
    by about 0.2 % (a straight lon/lat edge is not a geodesic), far above the tolerance."""
    sub = square(20.0, lat, side)
    west, south, east, north = sub.bounds
    feat = Polygon([(west + (east - west) / 2, south - 1), (east + 1, south - 1),
                    (east + 1, north + 1), (west + (east - west) / 2, north + 1)])
    settings = AnalysisSettings(rings_km=(1,), roles=(Role.PROTECTED_AREA,), edges=edges)
    row = _run([sub], [feat], settings=settings).table("overlaps").iloc[0]
    expected = geod_area_m2(shapely.intersection(sub, feat), edges) if edges == "straight" else \
        geod_area_m2(sub, edges) - geod_area_m2(
            Polygon([(west, south), (west + (east - west) / 2, south),
                     (west + (east - west) / 2, north), (west, north)]), edges)
    assert row["overlap_ha"] * 1e4 == pytest.approx(expected, rel=REL)
    assert row["pct_of_concession"] == pytest.approx(100 * expected / geod_area_m2(sub, edges),
                                                     rel=REL)


def test_edge_models_differ_on_long_edges_at_60_degrees():
    """The south half of a 100 km square at 60°: its south edge bulges poleward as a geodesic
    (by about s²·tan φ / 8R ≈ 350 m), so the two models differ by about half a percent (on a
    whole square the north and south bulges nearly cancel)."""
    sub = square(20.0, 60.0, 100_000.0)
    feat = box(19.0, 59.0, 22.0, (sub.bounds[1] + sub.bounds[3]) / 2)
    areas = {edges: _run([sub], [feat], settings=AnalysisSettings(
        rings_km=(1,), roles=(Role.PROTECTED_AREA,), edges=edges)).table("overlaps").iloc[0]
        ["overlap_ha"] for edges in ("straight", "geodesic")}
    assert abs(areas["straight"] / areas["geodesic"] - 1) > 1e-3


@pytest.mark.parametrize("lat", [0.0, 60.0])
@pytest.mark.parametrize("radius", [2_000.0, 50_000.0])
def test_half_disc_cut_by_a_meridian(lat, radius):
    """A geodesic disc centred on a meridian, against a subject whose west edge is that
    meridian: by symmetry the overlap is half the disc."""
    feat = disc(30.0, lat, radius)
    sub = Polygon([(30.0, lat - 2), (32.0, lat - 2), (32.0, lat + 2), (30.0, lat + 2)])
    row = _run([sub], [feat]).table("overlaps").iloc[0]
    assert row["overlap_ha"] * 1e4 == pytest.approx(geod_area_m2(feat) / 2, rel=REL)
    assert row["pct_of_feature"] == pytest.approx(50.0, rel=REL)


def test_antimeridian_crossing_feature_and_subject():
    feat = Polygon([(179.0, -1), (-179.0, -1), (-179.0, 1), (179.0, 1)])  # jumps the line
    sub = Polygon([(179.8, 0), (180.3, 0), (180.3, 0.2), (179.8, 0.2)])  # beyond 180
    reference = geod_area_m2(box(179.8, 0, 180.3, 0.2))
    result = _run([sub], [feat])
    row = result.table("overlaps").iloc[0]
    assert row["overlap_ha"] * 1e4 == pytest.approx(reference, rel=REL)
    summary = result.table("summary").iloc[0]
    feat_ref = geod_area_m2(box(179, -1, 181, 1))
    assert summary["feature_ha"] * 1e4 == pytest.approx(feat_ref, rel=REL)


def test_holes_and_concession_inside_a_hole():
    outer, hole = square(0, 0, 20_000), square(0.05, 0.05, 5_000)
    feat = Polygon(outer.exterior.coords, [hole.exterior.coords])
    in_hole = square(0.06, 0.06, 1_000)
    across = Polygon([(0.0, 0.06), (0.07, 0.06), (0.07, 0.07), (0.0, 0.07)])
    result = _run([in_hole, across], [feat])
    rows = result.table("overlaps").set_index("concession_id")
    assert "0" not in rows.index  # inside the hole: no overlap
    # across: everything west of the hole's west edge (a meridian) is inside the feature
    west = Polygon([(0.0, 0.06), (0.05, 0.06), (0.05, 0.07), (0.0, 0.07)])
    assert rows.loc["1", "overlap_ha"] * 1e4 == pytest.approx(geod_area_m2(west), rel=1e-3)
    prox = result.table("proximity").set_index("concession_id")
    assert prox.loc["0", "distance_m"] > 0  # the hole's edge is some metres away


def test_multipolygon_feature_counts_both_parts():
    a, b = square(10, 0, 3_000), square(10.1, 0, 3_000)
    sub = box(9.9, -0.1, 10.3, 0.1)
    row = _run([sub], [MultiPolygon([a, b])]).table("overlaps").iloc[0]
    assert row["overlap_ha"] * 1e4 == pytest.approx(geod_area_m2(a) + geod_area_m2(b), rel=REL)
    assert row["pct_of_feature"] == pytest.approx(100.0, rel=REL)


def test_touching_is_not_overlapping():
    a = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])
    b = Polygon([(1, 0), (2, 0), (2, 1), (1, 1)])
    result = _run([a], [b])
    assert len(result.table("overlaps")) == 0
    prox = result.table("proximity").iloc[0]
    assert prox["distance_m"] == 0.0 and bool(prox["nearest"])


def test_identical_geometries():
    a = square(-55, -5, 7_000)
    row = _run([a], [a]).table("overlaps").iloc[0]
    assert row["pct_of_concession"] == pytest.approx(100.0, rel=REL)
    assert row["pct_of_feature"] == pytest.approx(100.0, rel=REL)


def test_overlapping_features_of_one_role_are_dissolved_per_concession():
    f1 = Polygon([(0, 0), (0.2, 0), (0.2, 0.1), (0, 0.1)])
    f2 = Polygon([(0.1, 0), (0.3, 0), (0.3, 0.1), (0.1, 0.1)])
    sub = Polygon([(-1, -1), (1, -1), (1, 1), (-1, 1)])
    result = _run([sub], [f1, f2])
    union = Polygon([(0, 0), (0.3, 0), (0.3, 0.1), (0, 0.1)])
    reference = abs(GEOD.geometry_area_perimeter(shapely.segmentize(union, 0.001))[0])
    totals = result.table("concession_totals").iloc[0]
    assert totals["overlap_ha"] * 1e4 == pytest.approx(reference, rel=1e-3)
    assert totals["n_features"] == 2
    pairs = result.table("overlaps")
    assert pairs["overlap_ha"].sum() > totals["overlap_ha"] * 1.3  # the pairs themselves overlap


def test_overlapping_concessions_are_dissolved_per_feature():
    feat = square(0, 0, 50_000)
    sub = square(0.1, 0.1, 5_000)
    summary = _run([sub, sub], [feat]).table("summary").iloc[0]
    assert summary["covered_ha"] * 1e4 == pytest.approx(geod_area_m2(sub), rel=REL)
    assert summary["n_concessions"] == 2


def test_projected_layer_mixed_with_geographic_one():
    feat = square(15, 0.2, 30_000)
    utm = box(500_000, 30_000, 505_000, 35_000)  # UTM 33N, metres
    row = _run([utm], [feat], crs="EPSG:32633").table("overlaps").iloc[0]
    import pyproj
    to_geo = pyproj.Transformer.from_crs("EPSG:32633", "EPSG:4326", always_xy=True)
    ring = shapely.segmentize(utm, 10).exterior.coords  # dense in the source CRS
    lon, lat = to_geo.transform(*zip(*ring))
    reference = abs(GEOD.polygon_area_perimeter(lon, lat)[0])
    assert row["overlap_ha"] * 1e4 == pytest.approx(reference, rel=REL)


def test_empty_results_keep_their_columns():
    result = _run([square(0, 0, 1000)], [square(5, 5, 1000)])
    overlaps = result.table("overlaps")
    assert len(overlaps) == 0
    for col in ["concession_id", "concession_name", "role", "feature_id", "feature_name",
                "overlap_ha", "pct_of_concession", "pct_of_feature"]:
        assert col in overlaps.columns
    assert result.table("summary")["covered_ha"].tolist() == [0.0]
    assert len(result.overlap_geometries) == 0


def test_projected_square_keeps_its_straight_edges():
    """A 300 km square in UTM 33N (EPSG:32633) at 60° N, east of the central meridian: its
    edges are straight in UTM, so the reference densifies it there (every 20 m), reprojects
    the points and asks GeographicLib for the area; the engine must agree within 0.01 %
    (joining the four reprojected corners with straight lon/lat edges would be 0.05 % off)."""
    import pyproj

    utm = Polygon([(700_000, 6_600_000), (1_000_000, 6_600_000), (1_000_000, 6_900_000),
                   (700_000, 6_900_000)])
    to_geo = pyproj.Transformer.from_crs(32633, 4326, always_xy=True)
    dense = shapely.transform(shapely.segmentize(utm, 20.0),
                              lambda xy: np.column_stack(to_geo.transform(xy[:, 0], xy[:, 1])))
    expected = abs(GEOD.geometry_area_perimeter(dense)[0])
    feat = box(10.0, 55.0, 30.0, 65.0)
    layers = [layer("c", Role.CONCESSION, [utm], crs="EPSG:32633"),
              layer("f", Role.PROTECTED_AREA, [feat])]
    row = run_analysis(layers, SETTINGS).table("overlaps").iloc[0]
    assert row["overlap_ha"] * 1e4 == pytest.approx(expected, rel=1e-4)
    assert row["pct_of_concession"] == pytest.approx(100.0, rel=1e-6)
