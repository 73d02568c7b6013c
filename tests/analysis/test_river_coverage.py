"""River (line) coverage in summary: concessions dissolved first, never over 100 %.

The reference is independent of the engine: titles and river densified every 2 m along their
edges (tests.analysis.reference, the same edge model as the engine's default), clipped with
shapely, the clipped line measured with pyproj.Geod.
"""
import pytest
import shapely
from shapely.geometry import LineString, box

from analysis_fixtures import GEOD, layer
from explorer.analysis import AnalysisSettings, run_analysis
from layers.roles import Role
from tests.analysis.reference import densify, geodesic_length_m

SETTINGS = AnalysisSettings(rings_km=(1,), roles=(Role.RIVER,), proximity_roles=(Role.RIVER,))
LON = -50.99137  # an odd meridian, so cut points are not round numbers


def _meridian_m(lat0, lat1):
    return GEOD.inv(LON, lat0, LON, lat1)[2]


def _covered_m(titles, river):
    cover = shapely.union_all([densify(t, 2.0) for t in titles])
    return geodesic_length_m(shapely.intersection(densify(river, 2.0), cover))


def _summary(titles, rivers):
    layers = [layer("c", Role.CONCESSION, titles), layer("r", Role.RIVER, rivers)]
    return run_analysis(layers, SETTINGS).table("summary")


def test_nested_and_overlapping_titles_count_the_river_once():
    """Titles A ⊃ B, and C overlapping A: the river is covered from lat 1.0 to 1.15 once."""
    river = LineString([(LON, 0.9), (LON, 1.0123457), (LON, 1.0777), (LON, 1.3)])
    titles = [box(-51.05, 1.0, -50.95, 1.1), box(-51.02, 1.02, -50.98, 1.05),
              box(-51.03, 1.08, -50.97, 1.15)]
    row = _summary(titles, [river]).iloc[0]
    expected = _covered_m(titles, river)
    assert expected == pytest.approx(_meridian_m(1.0, 1.15), abs=0.5)  # sanity: 1.0 to 1.15
    assert row["covered_km"] * 1e3 == pytest.approx(expected, rel=1e-6)
    assert row["feature_km"] * 1e3 == pytest.approx(_meridian_m(0.9, 1.3), rel=1e-6)
    assert row["pct_covered"] == pytest.approx(100 * expected / _meridian_m(0.9, 1.3), rel=1e-6)
    assert row["n_concessions"] == 3


def test_river_along_a_shared_edge_is_not_doubled():
    """Two titles side by side whose shared edge is the river: covered at most once."""
    river = LineString([(LON, 1.0), (LON, 1.1)])
    titles = [box(LON - 0.05, 0.99, LON, 1.11), box(LON, 0.99, LON + 0.05, 1.11)]
    row = _summary(titles, [river]).iloc[0]
    assert row["pct_covered"] <= 100 + 1e-6
    assert row["covered_km"] * 1e3 == pytest.approx(_covered_m(titles, river), rel=1e-6)


def test_only_touched_river_reaches_are_summarised():
    """A reach no title touches is left out of summary; the touched one is kept."""
    touched = LineString([(LON, 0.9), (LON, 1.3)])
    far = LineString([(LON + 1, 0.9), (LON + 1, 1.3)])
    title = box(-51.05, 1.0, -50.95, 1.1)
    summary = _summary([title], [touched, far])
    assert list(summary["feature_id"]) == ["0"]
    expected = _covered_m([title], touched)
    assert summary.iloc[0]["covered_km"] * 1e3 == pytest.approx(expected, rel=1e-6)
