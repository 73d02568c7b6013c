"""Proximity far from the equator and at long range, against pyproj.Geod on densified
geometry (tests.analysis.reference): near the pole a lon/lat search box wraps the globe and
must not count a feature twice; rings stay below MAX_RING_KM, where the azimuthal
construction is exact."""
import pytest
from shapely.geometry import box

from analysis_fixtures import layer
from explorer.analysis import AnalysisSettings, run_analysis
from explorer.analysis.settings import MAX_RING_KM
from layers.roles import Role
from tests.analysis.reference import densify, geodesic_area_ha, min_distance_m


def _proximity(title, feats, rings):
    settings = AnalysisSettings(rings_km=rings, roles=(Role.PROTECTED_AREA,),
                                proximity_roles=(Role.PROTECTED_AREA,))
    layers = [layer("c", Role.CONCESSION, [title]), layer("f", Role.PROTECTED_AREA, feats)]
    return run_analysis(layers, settings).table("proximity").set_index("feature_id")


def test_area_near_the_pole_is_counted_once():
    """Subject at 85°N, a park that contains it: area inside the 500 km ring = park area."""
    title = box(20.0, 85.0, 20.2, 85.05)
    park = box(10.0, 84.0, 30.0, 86.0)
    prox = _proximity(title, [park], (1, 500))
    assert prox.loc["0", "area_500km_ha"] == pytest.approx(geodesic_area_ha(densify(park, 500)),
                                                           rel=1e-4)


@pytest.mark.parametrize("lat", [0.0, 60.0, 80.0])
def test_distances_up_to_the_largest_ring(lat):
    """Features in every direction, some across the pole: the geodesic distance of each one
    within MAX_RING_KM, and none reported beyond it."""
    title = box(20.0, lat, 20.2, lat + 0.1)
    feats = [box(20 + dlon, flat, 20.5 + dlon, flat + 0.3)
             for dlon in (0, 45, 120, 180, -90) for flat in (lat - 12, lat + 4, 88.0)
             if -89 < flat < 89]
    prox = _proximity(title, feats, (1, MAX_RING_KM))
    for i, feat in enumerate(feats):
        ref = min_distance_m(densify(title, 2000), densify(feat, 2000))
        if ref <= MAX_RING_KM * 1e3 * 0.999:
            assert prox.loc[str(i), "distance_m"] == pytest.approx(ref, rel=1e-4), i
        elif ref > MAX_RING_KM * 1e3 * 1.001:
            assert str(i) not in prox.index or not prox.loc[str(i), f"within_{MAX_RING_KM:g}km"]


def test_rings_beyond_the_maximum_are_refused():
    """A ring over MAX_RING_KM is a ValueError (the CLI turns it into a usage error)."""
    with pytest.raises(ValueError):
        AnalysisSettings(rings_km=(1, MAX_RING_KM * 2))


@pytest.mark.parametrize("lon, lat", [(166.4, -22.3), (44.7, -24.7), (-20.0, 10.0), (100.0, 30.0)])
def test_nearest_feature_on_another_continent(lon, lat):
    """A project 3,000 to 17,000 km from the only park (partnership projects abroad against an
    Amazon study area): the nearest distance is the geodesic one, past a quarter of the globe
    too."""
    title = box(lon, lat, lon + 0.02, lat + 0.02)
    park = box(-52.0, 1.0, -51.5, 1.5)
    prox = _proximity(title, [park], (1,))
    ref = min_distance_m(densify(title, 200), densify(park, 2000), spacing_m=200.0)
    assert prox.loc["0", "distance_m"] == pytest.approx(ref, rel=1e-4)
    assert bool(prox.loc["0", "nearest"])
