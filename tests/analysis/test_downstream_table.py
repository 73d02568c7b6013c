"""downstream_table on a hand-built river whose answers are derived by hand.

Layout (lon/lat degrees, at the equator), one river unit "8", mouth at the west:

    y 1..2 :  82 | 84 |            82 and 84 are tributaries, 84 joins 83, 82 joins 81
    y 0..1 :  81 | 83 | 85         main stem 81 (mouth) < 83 < 85 (headwaters)
              x0  x1   x2  x3

Expected chain from 84: 83 (step 1), 81 (step 2).  82 and 85 are never downstream of 84.
Distances are computed here with pyproj.Geod directly, never with the code under test.
"""
import geopandas as gpd
import numpy as np
import pytest
from pyproj import Geod
from shapely.geometry import LineString, Point, box

from layers.errors import FieldMappingError
from layers.model import FieldMapping
from layers.roles import Role
from explorer.analysis.downstream import DOWNSTREAM_COLUMNS, downstream_table

GEOD = Geod(ellps="WGS84")
CODES = {"81": box(0, 0, 1, 1), "82": box(0, 1, 1, 2), "83": box(1, 0, 2, 1),
         "84": box(1, 1, 2, 2), "85": box(2, 0, 3, 1)}
NEXT = {"81": 0, "82": 81, "83": 81, "84": 83, "85": 83}


def km(a, b):
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000


def frame(role, rows):
    return gpd.GeoDataFrame(
        {"uid": [f"{role}:{i}" for i, _ in rows], "id": [i for i, _ in rows],
         "name": [f"{role} {i}" for i, _ in rows], "role": role, "layer": role},
        geometry=[g for _, g in rows], crs="EPSG:4326")


@pytest.fixture
def basins():
    return gpd.GeoDataFrame({"NIVEL2": list(CODES), "NOME": [f"basin {c}" for c in CODES],
                             "HYBAS_ID": [int(c) for c in CODES],
                             "NEXT_DOWN": [NEXT[c] for c in CODES]},
                            geometry=list(CODES.values()), crs="EPSG:4326")


@pytest.fixture
def subjects():
    return frame("concession", [("A", box(1.45, 1.45, 1.55, 1.55))])


@pytest.fixture
def sensitive():
    return {
        Role.PROTECTED_AREA: frame("protected_area", [("pa83", box(1.2, 0.3, 1.6, 0.7)),
                                                      ("pa85", box(2.2, 0.2, 2.8, 0.8))]),
        Role.INDIGENOUS_TERRITORY: frame("indigenous_territory", [("ti82", box(0.2, 1.2, 0.8, 1.8))]),
        Role.COMMUNITY: frame("community", [("village81", Point(0.5, 0.51))]),
    }


@pytest.fixture
def rivers():
    lines = [  # each digitised with the flow, as HydroRIVERS is
        LineString([(1.5, 1.9), (1.5, 1.5), (1.5, 1.0), (1.5, 0.5)]),  # tributary in 84
        LineString([(2.9, 0.5), (2.5, 0.5), (1.5, 0.5)]),  # main stem in 85 and 83
        LineString([(1.5, 0.5), (1.0, 0.5), (0.5, 0.5), (0.0, 0.5)]),  # main stem 83 -> mouth
        LineString([(0.5, 1.9), (0.5, 0.5)]),  # tributary 82 joining in 81
    ]
    return frame("river", list(enumerate(lines)))


MAPPING = FieldMapping(code="NIVEL2", name="NOME")


def _features(table):
    return set(table.loc[table.feature_uid != "", "feature_uid"])


def test_chain_and_features_without_rivers(basins, subjects, sensitive):
    table = downstream_table(subjects, basins, MAPPING, sensitive, None, reach_km=1000)
    assert list(table.columns) == DOWNSTREAM_COLUMNS
    steps = table.drop_duplicates("downstream_basin_code").set_index("downstream_basin_code")["step"]
    assert steps.to_dict() == {"84": 0, "83": 1, "81": 2}
    assert _features(table) == {"protected_area:pa83", "community:village81"}
    assert (table["method"] == "geodesic").all()
    village = table.set_index("feature_uid").loc["community:village81"]
    assert village["feature_km"] == pytest.approx(km((1.45, 1.45), (0.5, 0.51)), rel=1e-6)
    assert village["downstream_basin_name"] == "basin 81"
    # basin 81 is reached across the corner (1, 1) of the subject's basin 84
    assert village["basin_km"] == pytest.approx(km((1.45, 1.45), (1.0, 1.0)), rel=1e-6)


def test_geodesic_reach_limit(basins, subjects, sensitive):
    pa_km = km((1.45, 1.45), (1.45, 0.7))  # straight south to the park's north edge
    village_km = km((1.45, 1.45), (0.5, 0.51))
    reach = (pa_km + village_km) / 2
    table = downstream_table(subjects, basins, MAPPING, sensitive, None, reach_km=reach)
    assert _features(table) == {"protected_area:pa83"}
    assert table.set_index("feature_uid").loc["protected_area:pa83", "feature_km"] == \
        pytest.approx(pa_km, rel=1e-6)
    assert "81" in set(table["downstream_basin_code"])  # the basin itself is within reach


#: The river network has a vertex at least every RIVER_STEP_DEG along each edge: a flow starts
#: at the last vertex inside the title and meets a feature at the first vertex inside it, each
#: within one step (0.005°, about 0.55 km here) of the boundary the river crosses.
STEP_KM = km((1.5, 1.0), (1.5, 1.005))
SNAP_KM = 2.0


def test_along_river_distances(basins, subjects, sensitive, rivers):
    table = downstream_table(subjects, basins, MAPPING, sensitive, rivers, reach_km=1000)
    assert (table["method"] == "along_river").all()
    leg1 = km((1.5, 1.45), (1.5, 1.0))  # where the river leaves the title to the 84/83 boundary
    leg2 = km((1.5, 1.0), (1.5, 0.5))
    leg3 = km((1.5, 0.5), (1.0, 0.5))  # to the 83/81 boundary
    leg4 = km((1.0, 0.5), (0.5, 0.5))
    basin = table.drop_duplicates("downstream_basin_code").set_index("downstream_basin_code")
    assert basin.loc["83", "basin_km"] == pytest.approx(leg1, abs=STEP_KM)
    assert basin.loc["81", "basin_km"] == pytest.approx(leg1 + leg2 + leg3, abs=STEP_KM)
    rows = table.set_index("feature_uid")
    # a feature is met at the first vertex within the snap distance (2 km) of it; the offset
    # is that vertex's gap to the feature
    park_km = km((1.5, 1.45), (1.5, 0.7))  # the river enters the park at its north edge
    park = rows.loc["protected_area:pa83"]
    assert park["feature_km"] + park["offset_km"] == pytest.approx(park_km, abs=STEP_KM)
    assert 0 < park["offset_km"] <= SNAP_KM
    legs = leg1 + leg2 + leg3 + leg4  # the village sits 0.01° north of the river's end
    village = rows.loc["community:village81"]
    assert legs - SNAP_KM - STEP_KM <= village["feature_km"] <= legs + STEP_KM
    assert km((0.5, 0.5), (0.5, 0.51)) - 1e-6 <= village["offset_km"] <= SNAP_KM
    assert _features(table) == {"protected_area:pa83", "community:village81"}


def test_along_river_reach_limit(basins, subjects, sensitive, rivers):
    table = downstream_table(subjects, basins, MAPPING, sensitive, rivers, reach_km=70)
    # 83 is entered after ~50 km, the park after ~83 km, basin 81 after ~161 km
    assert set(table["downstream_basin_code"]) == {"84", "83"}
    assert _features(table) == set()
    assert len(table) == 2  # one empty row per basin
    wider = downstream_table(subjects, basins, MAPPING, sensitive, rivers, reach_km=100)
    assert _features(wider) == {"protected_area:pa83"}  # a long edge no longer hides the park


def test_subject_off_the_river_starts_at_nearest_vertex(basins, sensitive, rivers):
    """B lies 0.2° east of the tributary: every river vertex level with it is equally near."""
    subject = frame("concession", [("B", box(1.7, 1.45, 1.8, 1.55))])  # east of the tributary
    table = downstream_table(subject, basins, MAPPING, sensitive, rivers, reach_km=1000)
    assert table["start_offset_km"].iloc[0] == pytest.approx(km((1.7, 1.5), (1.5, 1.5)), rel=1e-4)
    basin_km = table.set_index("downstream_basin_code").loc["83", "basin_km"]
    assert km((1.5, 1.45), (1.5, 1.0)) - 1e-6 <= basin_km <= km((1.5, 1.55), (1.5, 1.0)) + 1e-6


def test_next_down_gives_the_same_chain(basins, subjects, sensitive):
    mapping = FieldMapping(id="HYBAS_ID", next_down="NEXT_DOWN", name="NOME")
    table = downstream_table(subjects, basins, mapping, sensitive, None, reach_km=1000)
    steps = table.drop_duplicates("downstream_basin_code").set_index("downstream_basin_code")["step"]
    assert steps.to_dict() == {"84": 0, "83": 1, "81": 2}


def test_next_down_wins_over_a_mapped_code(basins, subjects, sensitive):
    # HydroBASINS maps PFAF_ID as the code too; its first digit is a continent, so the
    # explicit NEXT_DOWN links must be used.  Here the codes would wrongly chain through 82.
    odd = basins.assign(PFAF_ID=["61", "63", "65", "67", "69"])
    mapping = FieldMapping(id="HYBAS_ID", next_down="NEXT_DOWN", code="PFAF_ID")
    table = downstream_table(subjects, odd, mapping, sensitive, None, reach_km=1000)
    assert list(table.drop_duplicates("downstream_basin_code")["downstream_basin_code"]) == ["84", "83", "81"]


def test_subject_in_two_basins_lists_each_basin_once(basins, sensitive):
    subject = frame("concession", [("C", box(1.4, 0.9, 1.6, 1.1))])  # straddles 84 and 83
    table = downstream_table(subject, basins, MAPPING, sensitive, None, reach_km=1000)
    steps = table.drop_duplicates("downstream_basin_code").set_index("downstream_basin_code")["step"]
    assert steps.to_dict() == {"83": 0, "84": 0, "81": 1}


def test_no_code_column_is_a_field_mapping_error(basins, subjects, sensitive):
    bare = basins[["geometry"]].assign(layer="my basins")
    with pytest.raises(FieldMappingError, match="my basins"):
        downstream_table(subjects, bare, FieldMapping(), sensitive, None)


def test_empty_subjects_give_an_empty_table(basins, sensitive):
    empty = frame("concession", [])
    table = downstream_table(empty, basins, MAPPING, sensitive, None)
    assert table.empty and list(table.columns) == DOWNSTREAM_COLUMNS


def test_projected_inputs_are_reprojected(basins, subjects, sensitive):
    utm = subjects.to_crs("EPSG:32631")
    table = downstream_table(utm, basins.to_crs("EPSG:32631"), MAPPING, sensitive, None, reach_km=1000)
    assert set(table["downstream_basin_code"]) == {"84", "83", "81"}
