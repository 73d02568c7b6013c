"""The frame convention and the settings record."""
import geopandas as gpd
import pytest
from shapely.geometry import Polygon, box

from explorer.analysis import AnalysisCancelled, AnalysisSettings, run_analysis
from explorer.analysis.frames import FRAME_COLUMNS, feature_frame, subject_frame
from explorer.analysis.settings import checkpoint
from layers.model import FieldMapping, Provenance, VectorLayer
from layers.roles import Role


def _layer(name, role, geoms, crs="EPSG:4326", **cols):
    frame = gpd.GeoDataFrame(cols, geometry=geoms, crs=crs)
    mapping = FieldMapping(id="code" if "code" in cols else None,
                           name="title" if "title" in cols else None)
    return VectorLayer(name, role, frame, Provenance(name, None, "test", ""), mapping)


def test_feature_frame_columns_ids_and_crs():
    layer = _layer("parks", Role.PROTECTED_AREA, [box(0, 0, 1, 1), box(2, 2, 3, 3)],
                   code=[7.0, 7.0], title=["A", None])
    frame = feature_frame(layer)
    assert list(frame.columns) == FRAME_COLUMNS
    assert frame.crs.to_epsg() == 4326
    assert frame["id"].tolist() == ["7", "7"]
    assert frame["name"].tolist() == ["A", ""]
    assert frame["uid"].is_unique
    assert set(frame["role"]) == {"protected_area"}


def test_projected_layer_is_reprojected_and_row_ids_used():
    layer = _layer("c", Role.CONCESSION, [box(500000, 0, 501000, 1000)], crs="EPSG:32633")
    frame = subject_frame([layer])
    assert frame["id"].tolist() == ["0"]
    assert frame.geometry.iloc[0].bounds[0] == pytest.approx(15.0, abs=0.01)


def test_heights_are_dropped_from_a_layer_with_z_only():
    import shapely

    flat = _layer("flat", Role.CONCESSION, [box(0, 0, 1, 1)])
    high = _layer("high", Role.CONCESSION, [Polygon([(0, 0, 5), (1, 0, 5), (1, 1, 9)]),
                                            box(2, 2, 3, 3)])
    assert not shapely.has_z(feature_frame(high).geometry.values).any()
    kept = feature_frame(flat).geometry.values
    assert kept[0] is flat.geographic().geometry.values[0]  # 2-D input is not copied


def test_antimeridian_ring_is_cut():
    ring = Polygon([(179, 0), (-179, 0), (-179, 1), (179, 1)])
    frame = feature_frame(_layer("x", Role.PROTECTED_AREA, [ring]))
    geom = frame.geometry.iloc[0]
    assert geom.geom_type == "MultiPolygon"
    assert geom.bounds[0] == -180 and geom.bounds[2] == 180
    assert geom.area == pytest.approx(2.0)


def test_settings_round_trip_and_validation():
    settings = AnalysisSettings(rings_km=(10, 1), roles=("basin",))
    assert settings.rings_km == (1.0, 10.0)
    assert AnalysisSettings.from_dict(settings.as_dict()) == settings
    with pytest.raises(ValueError):
        AnalysisSettings(rings_km=(0,))


def test_cancel_raises_and_empty_input_gives_empty_tables():
    with pytest.raises(AnalysisCancelled):
        checkpoint(None, lambda: True, 0.5, "x")
    result = run_analysis([])
    assert set(result.tables()) >= {"overlaps", "proximity", "downstream", "raster_stats",
                                     "partnerships", "summary"}
    assert all(len(t) == 0 for t in result.tables().values())
