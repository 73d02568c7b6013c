"""Every vector reader on real files written in tmp_path: counts, CRS, attribute text, geodesic
areas (compared with pyproj.Geod on the fixture, not with the code under test) and provenance."""
from __future__ import annotations

import hashlib

import numpy as np
import pytest
from pyproj import CRS

from layers.model import VectorLayer
from layers.readers import list_layers, read_vector
from layers.roles import Role
from tests.layers.builders import geodesic_areas, shapefile_parts, write_layer

VECTOR_FORMATS = ["gpkg", "shp", "zip", "shp.zip", "geojson", "kml", "kmz", "fgb", "parquet", "csv"]
#: Formats that keep a projected CRS as written (the others hold lon/lat by definition).
KEEPS_CRS = {"gpkg", "shp", "zip", "shp.zip", "fgb", "parquet"}


def _by_name(layer: VectorLayer):
    return layer.frame.sort_values("nome").reset_index(drop=True)


@pytest.mark.parametrize("fmt", VECTOR_FORMATS)
def test_every_format_round_trips_count_text_and_geodesic_area(amapa, tmp_path, fmt):
    source = amapa.to_crs("EPSG:31976") if fmt in KEEPS_CRS else amapa.to_crs("EPSG:4326")
    path = write_layer(source, tmp_path, fmt)
    layer = read_vector(path)
    assert len(layer.frame) == 3 and layer.provenance.feature_count == 3
    got = _by_name(layer)
    expected = source.sort_values("nome").reset_index(drop=True)
    assert list(got["nome"]) == list(expected["nome"])
    assert list(got["titular"]) == list(expected["titular"])
    np.testing.assert_allclose(geodesic_areas(got), geodesic_areas(expected), rtol=1e-7)
    assert CRS(layer.frame.crs).equals(CRS(source.crs))
    assert got.geometry.is_valid.all()
    holes = [len(p.interiors) for p in got.geometry.iloc[0].geoms] if got.geom_type[0] == "MultiPolygon" \
        else [len(got.geometry.iloc[0].interiors)]
    assert got["nome"][0] == "Rio Paru d'Este" or 1 in holes  # the Uaçá polygon keeps its hole


@pytest.mark.parametrize("fmt", ["gpkg", "shp", "zip", "geojson", "fgb", "parquet", "kml"])
def test_the_hole_survives(amapa, tmp_path, fmt):
    layer = read_vector(write_layer(amapa.to_crs("EPSG:4326"), tmp_path, fmt))
    uaca = layer.frame[layer.frame["nome"] == "Terra Indígena Uaçá"].geometry.iloc[0]
    polygon = uaca.geoms[0] if uaca.geom_type == "MultiPolygon" else uaca
    assert len(polygon.interiors) == 1


def test_provenance_of_a_geopackage(amapa, tmp_path):
    path = write_layer(amapa, tmp_path, "gpkg")
    prov = read_vector(path).provenance
    assert prov.path == str(path.resolve())
    assert prov.layer_name == "camadas" and prov.driver == "GPKG"
    assert prov.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert prov.original_crs == "EPSG:4674"
    assert prov.feature_count == 3
    minx, miny, maxx, maxy = prov.bounds
    assert (minx, maxx) == pytest.approx((-52.4, -50.7)) and (miny, maxy) == pytest.approx((2.0, 3.6))
    assert prov.loaded_at.endswith("+00:00") and prov.load_seconds >= 0
    assert prov.encoding == "utf-8"
    assert prov.as_dict()["files"][0][0] == "camadas.gpkg"


def test_shapefile_provenance_hashes_every_sidecar(amapa, tmp_path):
    path = write_layer(amapa, tmp_path, "shp")
    prov = read_vector(path).provenance
    names = dict(prov.files)
    assert set(names) == {"camadas.shp", "camadas.shx", "camadas.dbf", "camadas.prj", "camadas.cpg"}
    for part in shapefile_parts(path):
        assert names[part.name] == hashlib.sha256(part.read_bytes()).hexdigest()
    assert prov.sha256 == names["camadas.shp"]


def test_zip_provenance_hashes_the_zip(amapa, tmp_path):
    path = write_layer(amapa, tmp_path, "zip")
    prov = read_vector(path).provenance
    assert prov.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "zip" in prov.driver.lower() and prov.layer_name == "camadas"


def test_geopackage_with_several_layers_reads_the_first_and_says_so(amapa, villages, tmp_path):
    path = tmp_path / "dois.gpkg"
    amapa.to_file(path, layer="concessoes")
    villages.to_file(path, layer="aldeias")
    assert list_layers(path) == [("concessoes", "MultiPolygon"), ("aldeias", "Point")] or \
        [n for n, _ in list_layers(path)] == ["concessoes", "aldeias"]
    first = read_vector(path)
    assert first.provenance.layer_name == "concessoes"
    assert any(r.kind == "choose_layer" and "aldeias" in r.detail for r in first.provenance.repairs)
    picked = read_vector(path, "aldeias", role="community")
    assert picked.role is Role.COMMUNITY and len(picked.frame) == 3
    assert picked.name == "aldeias" and not picked.provenance.repairs


def test_zip_with_two_shapefiles_picks_by_name(amapa, villages, tmp_path):
    from tests.layers.builders import zip_files

    a = write_layer(amapa, tmp_path / "a", "shp", "concessoes")
    b = write_layer(villages, tmp_path / "b", "shp", "aldeias")
    path = zip_files(tmp_path / "duas.zip", shapefile_parts(a) + shapefile_parts(b),
                     [f"dados/{p.name}" for p in shapefile_parts(a)] + [p.name for p in shapefile_parts(b)])
    assert sorted(n for n, _ in list_layers(path)) == ["aldeias.shp", "dados/concessoes.shp"]
    chosen = read_vector(path, "aldeias")
    assert len(chosen.frame) == 3 and chosen.frame.geom_type.eq("Point").all()
    assert chosen.name == "aldeias"
    default = read_vector(path)
    assert any(r.kind == "choose_layer" for r in default.provenance.repairs)


def test_name_role_and_defaults(amapa, tmp_path):
    path = write_layer(amapa, tmp_path, "geojson")
    layer = read_vector(path, role="protected_area", name="Áreas")
    assert layer.name == "Áreas" and layer.role is Role.PROTECTED_AREA
    assert read_vector(path).role is Role.CONTEXT


def test_csv_with_lon_lat_columns_any_case(villages, tmp_path):
    path = tmp_path / "aldeias.csv"
    table = villages.assign(Longitude=villages.geometry.x, LAT=villages.geometry.y).drop(columns="geometry")
    table.to_csv(path, index=False, sep=";")
    layer = read_vector(path)
    assert list(layer.frame["aldeia"]) == ["Kumarumã", "Manga", "Açaizal"]
    assert layer.frame.geometry.x.tolist() == pytest.approx(villages.geometry.x.tolist())
    assert layer.provenance.original_crs is None
    assert [r.kind for r in layer.provenance.repairs] == ["assumed_crs"]
    assert CRS(layer.frame.crs).equals(CRS("EPSG:4326"))


def test_csv_with_x_y_in_utm_needs_and_uses_the_given_crs(villages, tmp_path):
    utm = villages.to_crs("EPSG:31976")
    path = tmp_path / "utm.csv"
    utm.assign(x=utm.geometry.x, y=utm.geometry.y).drop(columns="geometry").to_csv(path, index=False)
    layer = read_vector(path, crs="EPSG:31976")
    np.testing.assert_allclose(layer.geographic().geometry.x, villages.geometry.x, atol=1e-9)
    assert any(r.kind == "assign_crs" for r in layer.provenance.repairs)


def test_csv_decimal_commas_are_read_and_reported(tmp_path):
    path = tmp_path / "virgulas.csv"
    path.write_text("nome;lat;lon\nManga;3,54;-51,28\n", encoding="utf-8")
    layer = read_vector(path)
    assert (layer.frame.geometry.x[0], layer.frame.geometry.y[0]) == pytest.approx((-51.28, 3.54))
    assert any(r.kind == "decimal_comma" for r in layer.provenance.repairs)


def test_csv_rows_without_coordinates_are_dropped_and_reported(tmp_path):
    path = tmp_path / "falta.csv"
    path.write_text("nome,lon,lat\na,-51,3\nb,,\nc,-50,2\n", encoding="utf-8")
    layer = read_vector(path)
    assert list(layer.frame["nome"]) == ["a", "c"]
    assert any(r.kind == "drop_null" and r.count == 1 for r in layer.provenance.repairs)


def test_shapefile_without_prj_uses_a_supplied_crs_and_records_it(amapa, tmp_path):
    path = write_layer(amapa, tmp_path, "shp")
    path.with_suffix(".prj").unlink()
    layer = read_vector(path, crs="EPSG:4674")
    assert layer.provenance.original_crs is None
    assert CRS(layer.frame.crs).equals(CRS("EPSG:4674"))
    assert any(r.kind == "assign_crs" for r in layer.provenance.repairs)


def test_list_layers_of_single_files(amapa, tmp_path):
    assert list_layers(write_layer(amapa, tmp_path, "fgb")) == [("camadas", "MultiPolygon")]
    assert list_layers(write_layer(amapa, tmp_path, "csv"))[0][0] == "camadas"
    assert list_layers(write_layer(amapa, tmp_path, "kmz"))[0][0]


def test_kml_with_an_empty_first_folder_reads_the_first_with_placemarks(tmp_path):
    path = tmp_path / "pastas.kml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        "<Folder><name>Vazia</name></Folder><Folder><name>Aldeias</name>"
        "<Placemark><name>Manga</name><Point><coordinates>-51.28,3.54</coordinates></Point></Placemark>"
        "<Placemark><name>Açaizal</name><Point><coordinates>-51.02,3.39</coordinates></Point></Placemark>"
        "</Folder></Document></kml>", encoding="utf-8")
    layer = read_vector(path)
    assert layer.provenance.layer_name == "Aldeias" and len(layer.frame) == 2
    assert sorted(layer.frame["Name"]) == ["Açaizal", "Manga"]
    assert [n for n, _ in list_layers(path)] == ["Vazia", "Aldeias"]


def test_a_bare_geojson_feature_or_geometry_reads_as_one_feature(tmp_path):
    feature = tmp_path / "feicao.geojson"
    feature.write_text('{"type": "Feature", "properties": {"nome": "Uaçá"}, '
                       '"geometry": {"type": "Point", "coordinates": [-51.1, 3.6]}}', encoding="utf-8")
    assert list(read_vector(feature).frame["nome"]) == ["Uaçá"]
    geometry = tmp_path / "geometria.geojson"
    geometry.write_text('{"type": "Point", "coordinates": [-51.1, 3.6]}', encoding="utf-8")
    assert len(read_vector(geometry).frame) == 1


@pytest.mark.parametrize("stem", ["Terra Indígena [2025] *v2*", "ação?.final"])
def test_odd_file_names_work_with_every_sidecar(amapa, tmp_path, stem):
    path = write_layer(amapa, tmp_path, "shp", stem)
    layer = read_vector(path)
    assert len(layer.frame) == 3 and {n for n, _ in layer.provenance.files} >= {f"{stem}.shp", f"{stem}.dbf"}
    assert layer.provenance.encoding == "utf-8"


def test_a_dbf_field_of_width_13_is_not_taken_for_the_header_end(tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    frame = gpd.GeoDataFrame({"codigo": ["1234567890123"], "nome": ["Uaçá"]},
                             geometry=[Point(-51, 3)], crs="EPSG:4326")
    path = tmp_path / "largura13.shp"
    frame.to_file(path, engine="pyogrio", layer_options={"RESIZE": "YES"})
    layer = read_vector(path)
    assert list(layer.frame["codigo"]) == ["1234567890123"]
