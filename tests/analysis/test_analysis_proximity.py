"""Proximity: geodesic distances, rings on the ellipsoid, nearest beyond the rings, cancel."""
import numpy as np
import pytest
from shapely.geometry import LineString, Point, Polygon

from analysis_fixtures import GEOD, brute_distance_m, disc, geod_area_m2, layer, square
from explorer.analysis import AnalysisCancelled, AnalysisSettings, run_analysis
from layers.roles import Role

ROLES = (Role.PROTECTED_AREA, Role.RIVER, Role.COMMUNITY)


def _settings(rings=(1.0, 10.0)):
    return AnalysisSettings(rings_km=rings, roles=ROLES, proximity_roles=ROLES)


@pytest.mark.parametrize("lat", [0.0, 60.0])
def test_ring_area_around_a_point_is_a_geodesic_disc(lat):
    """A point project inside a huge park: the park's area inside the 10 km ring is the
    area of the geodesic disc of radius 10 km."""
    park = square(9.0, lat - 1.0, 300_000)
    layers = [layer("p", Role.PROJECT, [Point(10.0, lat)]), layer("pa", Role.PROTECTED_AREA, [park])]
    row = run_analysis(layers, _settings()).table("proximity").iloc[0]
    for km in (1, 10):
        reference = geod_area_m2(disc(10.0, lat, km * 1000.0))
        assert row[f"area_{km:g}km_ha"] * 1e4 == pytest.approx(reference, rel=1e-3)
    assert row["distance_m"] == 0.0


@pytest.mark.parametrize("lat", [0.0, 60.0])
def test_distance_to_a_far_feature_matches_brute_force(lat):
    sub = square(20.0, lat, 2_000)
    feat_vertices = [(20.3, lat + 0.05), (20.4, lat + 0.2), (20.35, lat + 0.3)]
    layers = [layer("c", Role.CONCESSION, [sub]),
              layer("pa", Role.PROTECTED_AREA, [Polygon(feat_vertices)])]
    row = run_analysis(layers, _settings()).table("proximity").iloc[0]
    reference = brute_distance_m(list(sub.exterior.coords)[:-1], feat_vertices)
    assert abs(row["distance_m"] - reference) <= max(1.0, 1e-3 * reference)
    assert bool(row["nearest"]) and not row["within_10km"]


def test_ring_membership_and_counts():
    sub = square(0.0, 0.0, 1_000)
    east = sub.exterior.coords[1][0]
    near = GEOD.fwd(east, 0.004, 90, 3_000)[0]  # 3 km east of the east edge
    far = GEOD.fwd(east, 0.004, 90, 30_000)[0]  # beyond the rings
    parks = [square(near, 0.0, 500), square(far, 0.0, 500)]
    layers = [layer("c", Role.CONCESSION, [sub]),
              layer("pa", Role.PROTECTED_AREA, parks, names=["Near", "Far"])]
    result = run_analysis(layers, _settings())
    prox = result.table("proximity").set_index("feature_name")
    assert not prox.loc["Near", "within_1km"] and prox.loc["Near", "within_10km"]
    assert prox.loc["Near", "distance_m"] == pytest.approx(3_000, abs=5)
    assert prox.loc["Near", "area_10km_ha"] * 1e4 == pytest.approx(geod_area_m2(parks[0]), rel=1e-3)
    assert "Far" not in prox.index  # beyond the largest ring and not the nearest
    rings = result.table("rings").set_index("ring_km")
    assert rings.loc[10.0, "n_features"] == 1 and rings.loc[10.0, "names"] == "Near"


def test_rivers_and_communities():
    sub = square(0.0, 0.0, 1_000)
    river = LineString([(0.05, -1), (0.05, 1)])  # a meridian: distance along the equator
    village = Point(0.0045, 0.0045)  # inside the concession
    layers = [layer("c", Role.CONCESSION, [sub]), layer("r", Role.RIVER, [river]),
              layer("v", Role.COMMUNITY, [village])]
    prox = run_analysis(layers, _settings()).table("proximity").set_index("role")
    east = sub.exterior.coords[1][0]
    lat_of_nearest = sub.exterior.coords[1][1]  # the south-east corner is nearest? any
    expected = min(GEOD.inv(east, y, 0.05, y)[2] for y in np.linspace(0, 0.0091, 50))
    assert prox.loc["river", "distance_m"] == pytest.approx(expected, abs=1.0)
    assert prox.loc["community", "distance_m"] == 0.0
    assert lat_of_nearest == 0.0


def test_cancel_stops_the_run():
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    layers = [layer("c", Role.CONCESSION, [square(0, 0, 1000)]),
              layer("pa", Role.PROTECTED_AREA, [square(0.1, 0, 1000)])]
    with pytest.raises(AnalysisCancelled):
        run_analysis(layers, _settings(), cancelled=cancelled)


def test_progress_rises_to_one():
    seen = []
    layers = [layer("c", Role.CONCESSION, [square(0, 0, 1000)]),
              layer("pa", Role.PROTECTED_AREA, [square(0.1, 0, 1000)])]
    run_analysis(layers, _settings(), progress=lambda f, m: seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_nearest_beyond_the_rings_is_found_per_role():
    """Two polygon roles measured in one ring pass: a title with a park 3 km away but no
    territory within the rings gets its nearest territory (30 km, by brute force) and no
    nearest park beyond the rings; a second title far from both gets one nearest of each."""
    near_title, far_title = square(0.0, 0.0, 1_000), square(2.0, 0.0, 1_000)
    east = near_title.exterior.coords[1][0]
    park = square(GEOD.fwd(east, 0.004, 90, 3_000)[0], 0.0, 500)
    land = square(GEOD.fwd(east, 0.004, 90, 30_000)[0], 0.0, 500)
    roles = (Role.PROTECTED_AREA, Role.INDIGENOUS_TERRITORY)
    settings = AnalysisSettings(rings_km=(1.0, 5.0, 10.0), roles=roles, proximity_roles=roles)
    layers = [layer("c", Role.CONCESSION, [near_title, far_title], names=["Near", "Far"]),
              layer("pa", Role.PROTECTED_AREA, [park]),
              layer("ti", Role.INDIGENOUS_TERRITORY, [land])]
    prox = run_analysis(layers, settings).table("proximity")
    near = prox[prox["concession_name"] == "Near"].set_index("role")
    assert near.loc["protected_area", "within_5km"] and near.loc["protected_area", "nearest"]
    land_row = near.loc["indigenous_territory"]
    reference = brute_distance_m(list(near_title.exterior.coords)[:-1],
                                 list(land.exterior.coords)[:-1])
    assert abs(land_row["distance_m"] - reference) <= max(1.0, 1e-3 * reference)
    assert land_row["nearest"] and not land_row["within_10km"]
    far = prox[prox["concession_name"] == "Far"]
    assert sorted(far["role"]) == ["indigenous_territory", "protected_area"]
    assert far["nearest"].all() and (far["distance_m"] > 150_000).all()
