"""Bad input: every row of tests/layers/bad_inputs.py CASES builds one malformed file and names
the LayerError subclass it must raise; the message must name the file.  Add cases there."""
from __future__ import annotations

import zipfile

import pytest

from layers import errors as E
from layers.loader import load_layer
from layers.readers import list_layers, read_vector
from tests.layers.bad_inputs import CASES, geotiff_without_georeference, mixed_geometries, zip_of
from tests.layers.builders import amapa_frame, points_frame, shapefile_parts, write_layer, zip_files


def _case_id(case) -> str:
    build, _ = case
    return getattr(build, "__name__", "case") + "-" + getattr(build, "__qualname__", "")[:0]


@pytest.mark.parametrize("build, expected", CASES, ids=[f"{i:02d}-{_case_id(c)}" for i, c in enumerate(CASES)])
def test_bad_input_raises_a_named_layer_error(tmp_path, build, expected):
    path = build(tmp_path)
    with pytest.raises(expected) as caught:
        load_layer(path)
    assert path.name in str(caught.value)
    assert isinstance(caught.value, E.LayerError)


@pytest.mark.parametrize("build, expected", CASES[:20], ids=[f"{i:02d}" for i in range(20)])
def test_list_layers_fails_the_same_clear_way(tmp_path, build, expected):
    path = build(tmp_path)
    try:
        list_layers(path)
    except E.LayerError as exc:
        assert path.name in str(exc)


def test_unsafe_zip_is_refused_before_anything_is_extracted(tmp_path, monkeypatch):
    path = zip_of({"ok.geojson": b"{}", "../../evil.txt": b"x"})(tmp_path)
    calls = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: calls.append(a) or (_ for _ in ()).throw(AssertionError))
    with pytest.raises(E.UnsafeArchivePathError, match="evil.txt"):
        read_vector(path)
    assert calls == []
    assert not (tmp_path.parent / "evil.txt").exists()


def test_missing_crs_is_never_guessed_even_for_lonlat_values(tmp_path):
    path = write_layer(amapa_frame(), tmp_path, "shp")
    path.with_suffix(".prj").unlink()
    with pytest.raises(E.MissingCRSError, match="incompleto|camadas"):
        read_vector(path)


def test_mixed_geometry_error_names_the_counts(tmp_path):
    path = mixed_geometries(tmp_path)
    with pytest.raises(E.MixedGeometryError) as caught:
        read_vector(path)
    assert "2 points" in str(caught.value) and "1 polygons" in str(caught.value)


def test_unknown_layer_lists_the_layers(tmp_path):
    path = write_layer(amapa_frame(), tmp_path, "gpkg")
    with pytest.raises(E.LayerNotFoundError, match="camadas"):
        read_vector(path, layer="nao_ha")


def test_a_vector_reader_refuses_a_raster_and_the_reverse(tmp_path):
    from layers.rasters import open_raster

    tif = geotiff_without_georeference(tmp_path)
    with pytest.raises(E.UnsupportedFormatError, match="sem_geo.tif"):
        read_vector(tif)
    gpkg = write_layer(amapa_frame(), tmp_path, "gpkg")
    with pytest.raises(E.UnsupportedFormatError, match="camadas.gpkg"):
        open_raster(gpkg)


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(E.UnsupportedFormatError, match=tmp_path.name):
        read_vector(tmp_path)


def test_points_layer_with_polygons_mixed_in_one_zip_shapefile_set(tmp_path):
    frame = points_frame()
    path = write_layer(frame, tmp_path, "shp", "aldeias")
    zipped = zip_files(tmp_path / "aldeias.zip", shapefile_parts(path))
    assert len(read_vector(zipped).frame) == 3


def _utm_coordinates_labelled_lonlat(tmp_path):
    import json

    frame = amapa_frame().to_crs("EPSG:31976")
    data = json.loads(frame.to_json())
    data.pop("crs", None)  # RFC 7946: no crs member means longitude/latitude
    path = tmp_path / "utm_sem_crs.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_projected_coordinates_in_a_lonlat_file_are_refused(tmp_path):
    path = _utm_coordinates_labelled_lonlat(tmp_path)
    with pytest.raises(E.MissingCRSError, match="not degrees") as caught:
        read_vector(path)
    assert path.name in str(caught.value)


def test_projected_coordinates_in_a_lonlat_file_take_the_supplied_crs(tmp_path):
    from tests.layers.builders import geodesic_areas

    path = _utm_coordinates_labelled_lonlat(tmp_path)
    layer = read_vector(path, crs="EPSG:31976")
    assert any(r.kind == "replace_crs" for r in layer.provenance.repairs)
    import numpy as np

    np.testing.assert_allclose(geodesic_areas(layer.frame), geodesic_areas(amapa_frame()), rtol=1e-6)


def test_layers_can_be_picked_by_position(tmp_path):
    path = tmp_path / "dois.gpkg"
    amapa_frame().to_file(path, layer="a")
    points_frame().to_file(path, layer="b")
    assert len(read_vector(path, 1).frame) == 3 and read_vector(path, 1).provenance.layer_name == "b"
    with pytest.raises(E.LayerNotFoundError, match="dois.gpkg"):
        read_vector(path, 5)


def test_a_pipe_is_refused_without_blocking(tmp_path):
    import os

    pipe = tmp_path / "tubo.geojson"
    os.mkfifo(pipe)
    with pytest.raises(E.UnsupportedFormatError, match="tubo.geojson"):
        read_vector(pipe)
