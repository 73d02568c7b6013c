"""The catalogue of bad inputs: each builder writes one malformed file into a folder and returns
its path; CASES pairs it with the LayerError subclass loading it must raise.

To cover a new bad input, write a builder (or reuse ``text_file``/``random_bytes``/``zip_of``)
and add one row to CASES; tests/layers/test_bad_input.py runs every row."""
from __future__ import annotations

import os
import sqlite3
import zipfile
from pathlib import Path

import geopandas as gpd
from shapely.geometry import Point, Polygon

from layers import errors as E
from tests.layers.builders import amapa_frame, write_layer

def random_bytes(name):
    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(os.urandom(4096))
        return path
    build.__name__ = f"random_bytes_{name}"
    return build


def text_file(name, text):
    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        return path
    return build


def zero_bytes(name):
    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(b"")
        return path
    return build


def missing(tmp: Path) -> Path:
    return tmp / "nao_existe.gpkg"


def truncated_gpkg(tmp: Path) -> Path:
    path = write_layer(amapa_frame(), tmp / "src", "gpkg")
    data = path.read_bytes()
    out = tmp / "cortado.gpkg"
    out.write_bytes(data[: len(data) // 3])
    return out


def zero_features_gpkg(tmp: Path) -> Path:
    path = tmp / "vazio.gpkg"
    amapa_frame().iloc[:0].to_file(path)
    return path


def all_null_geometries(tmp: Path) -> Path:
    frame = gpd.GeoDataFrame({"nome": ["a", "b"]}, geometry=[None, Polygon()], crs="EPSG:4326")
    path = tmp / "nulas.gpkg"
    frame.to_file(path)
    return path


def shapefile_without(*suffixes):
    def build(tmp: Path) -> Path:
        path = write_layer(amapa_frame(), tmp, "shp", "incompleto")
        for suffix in suffixes:
            path.with_suffix(suffix).unlink()
        return path
    build.__name__ = "shapefile_without" + "_".join(suffixes)
    return build


def zip_of(entries: dict[str, bytes], name="pacote.zip"):
    def build(tmp: Path) -> Path:
        path = tmp / name
        with zipfile.ZipFile(path, "w") as archive:
            for entry, data in entries.items():
                archive.writestr(entry, data)
        return path
    return build


def zip_with_symlink(tmp: Path) -> Path:
    path = tmp / "link.zip"
    info = zipfile.ZipInfo("camada.shp")
    info.external_attr = (0o120777 << 16)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(info, "/etc/passwd")
    return path


def zip_bomb(tmp: Path) -> Path:
    path = tmp / "bomba.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("a.geojson")
        archive.writestr(info, b"")
    data = bytearray(path.read_bytes())
    # patch the declared uncompressed size (central directory) to 5 GiB
    central = data.rfind(b"PK\x01\x02")
    data[central + 24: central + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


def mixed_geometries(tmp: Path) -> Path:
    frame = gpd.GeoDataFrame({"n": [1, 2, 3]}, geometry=[Point(0, 0), Point(1, 1), Point(2, 2).buffer(1)],
                             crs="EPSG:4326")
    path = tmp / "misturado.geojson"
    frame.to_file(path)
    return path


def geotiff_broken_header(tmp: Path) -> Path:
    path = tmp / "quebrado.tif"
    path.write_bytes(b"II*\x00" + os.urandom(600))
    return path


def geotiff_without_georeference(tmp: Path) -> Path:
    import numpy as np
    import rasterio

    path = tmp / "sem_geo.tif"
    with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8") as dst:
        dst.write(np.ones((1, 4, 4), dtype="uint8"))
    return path


def csv_lines(name, text):
    return text_file(name, text)


def kml_without_placemarks(tmp: Path) -> Path:
    path = tmp / "vazio.kml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'
                    "<Document><name>nada</name></Document></kml>", encoding="utf-8")
    return path


def gpkg_not_geopackage(tmp: Path) -> Path:
    path = tmp / "tabela.gpkg"
    with sqlite3.connect(path) as db:
        db.execute("create table t (a int)")
    return path


def gpkg_attribute_table_only(tmp: Path) -> Path:
    import pandas as pd
    import pyogrio

    path = tmp / "so_tabela.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({"nome": ["Uaçá", "Galibi"]}), path, layer="atributos")
    return path


def shapefile_with_broken_dbf(tmp: Path) -> Path:
    path = write_layer(amapa_frame(), tmp, "shp", "dbf_quebrado")
    path.with_suffix(".dbf").write_bytes(os.urandom(300))
    return path


def zip_with_incomplete_shapefile(tmp: Path) -> Path:
    shp = write_layer(amapa_frame(), tmp / "src", "shp", "sem_dbf")
    path = tmp / "sem_dbf.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for suffix in (".shp", ".shx", ".prj"):
            archive.write(shp.with_suffix(suffix), shp.with_suffix(suffix).name)
    return path


CASES = [
    (missing, E.UnreadableFileError),
    (random_bytes("lixo.gpkg"), E.UnreadableFileError),
    (random_bytes("lixo.shp"), E.UnreadableFileError),
    (random_bytes("lixo.geojson"), E.UnreadableFileError),
    (random_bytes("lixo.tif"), E.UnreadableFileError),
    (random_bytes("lixo.fgb"), E.UnreadableFileError),
    (random_bytes("lixo.parquet"), E.UnreadableFileError),
    (random_bytes("lixo.zip"), E.UnreadableFileError),
    (random_bytes("lixo.kmz"), E.UnreadableFileError),
    (random_bytes("lixo.kml"), E.UnreadableFileError),
    (random_bytes("lixo.csv"), E.UnreadableFileError),
    (truncated_gpkg, E.UnreadableFileError),
    (gpkg_not_geopackage, E.LayerError),
    (gpkg_attribute_table_only, E.GeometryError),
    (shapefile_with_broken_dbf, E.UnreadableFileError),
    (zip_with_incomplete_shapefile, E.UnreadableFileError),
    (zero_bytes("vazio.gpkg"), E.EmptyLayerError),
    (zero_bytes("vazio.shp"), E.UnreadableFileError),
    (zero_bytes("vazio.geojson"), E.EmptyLayerError),
    (zero_bytes("vazio.csv"), E.EmptyLayerError),
    (zero_bytes("vazio.tif"), E.UnreadableFileError),
    (zero_bytes("vazio.zip"), E.UnreadableFileError),
    (zero_features_gpkg, E.EmptyLayerError),
    (all_null_geometries, E.EmptyLayerError),
    (text_file("relatorio.docx", "not really a docx"), E.UnsupportedFormatError),
    (text_file("notas.txt", "lon,lat\n1,2\n"), E.UnsupportedFormatError),
    (text_file("sem_extensao", "x"), E.UnsupportedFormatError),
    (shapefile_without(".prj"), E.MissingCRSError),
    (shapefile_without(".shx"), E.UnreadableFileError),
    (shapefile_without(".dbf"), E.UnreadableFileError),
    (shapefile_without(".shx", ".dbf"), E.UnreadableFileError),
    (zip_of({"leiame.txt": b"nada aqui"}), E.NoDatasetInArchiveError),
    (zip_of({}, "vazio.zip"), E.NoDatasetInArchiveError),
    (zip_of({"../fora.shp": b"x"}), E.UnsafeArchivePathError),
    (zip_of({"a/../../fora.geojson": b"{}"}), E.UnsafeArchivePathError),
    (zip_of({"/etc/abs.geojson": b"{}"}), E.UnsafeArchivePathError),
    (zip_of({"C:/Windows/abs.geojson": b"{}"}), E.UnsafeArchivePathError),
    (zip_of({"..\\fora.kml": b"<kml/>"}, "mapa.kmz"), E.UnsafeArchivePathError),
    (zip_with_symlink, E.UnsafeArchivePathError),
    (zip_bomb, E.ArchiveError),
    (zip_of({"doc.txt": b"x"}, "sem_kml.kmz"), E.NoDatasetInArchiveError),
    (mixed_geometries, E.MixedGeometryError),
    (text_file("pagina.geojson", "<!DOCTYPE html><html><body>404 Not Found</body></html>"), E.UnreadableFileError),
    (text_file("dados.geojson", '{"nome": "não é GeoJSON", "valores": [1, 2, 3]}'), E.UnreadableFileError),
    (text_file("lista.json", "[1, 2, 3]"), E.UnreadableFileError),
    (text_file("truncado.geojson", '{"type": "FeatureCollection", "features": [{"type": "Feat'), E.UnreadableFileError),
    (text_file("vazio.geojson", '{"type": "FeatureCollection", "features": []}'), E.EmptyLayerError),
    (kml_without_placemarks, E.EmptyLayerError),
    (text_file("pagina.kml", "<html><body>erro</body></html>"), E.UnreadableFileError),
    (geotiff_broken_header, E.UnreadableFileError),
    (geotiff_without_georeference, E.RasterGeoreferenceError),
    (csv_lines("texto.csv", "nome,lon,lat\na,-51,abc\n"), E.GeometryError),
    (csv_lines("fora.csv", "nome,longitude,latitude\na,-51,95\n"), E.GeometryError),
    (csv_lines("fora_lon.csv", "nome,lng,lat\na,-251,5\n"), E.GeometryError),
    (csv_lines("utm.csv", "nome,x,y\na,500000,9000000\n"), E.MissingCRSError),
    (csv_lines("sem_geo.csv", "nome,valor\na,1\n"), E.GeometryError),
    (csv_lines("so_cabecalho.csv", "nome,lon,lat\n"), E.EmptyLayerError),
    (csv_lines("wkt_ruim.csv", "nome,wkt\na,POLYGON((0 0, 1 1\n"), E.GeometryError),
    (csv_lines("quebrado.csv", 'nome,lon,lat\n"a,-51,3\nb,-50,2,9,9\n'), E.LayerError),
    (csv_lines("so_espacos.csv", "  \n\n"), E.EmptyLayerError),
    (csv_lines("wkt_utm.csv", "nome,wkt\na,POINT (500000 9000000)\n"), E.MissingCRSError),
    (text_file("sem_geometria.geojson", '{"type": "FeatureCollection", "features": '
               '[{"type": "Feature", "properties": {"a": 1}}]}'), E.EmptyLayerError),
    (text_file("coords_texto.geojson", '{"type": "FeatureCollection", "features": [{"type": "Feature", '
               '"properties": {}, "geometry": {"type": "Point", "coordinates": ["x", "y"]}}]}'), E.EmptyLayerError),
    (text_file("tipo_errado.geojson", '{"type": "FeatureCollection", "features": [{"type": "Feature", '
               '"properties": {}, "geometry": {"type": "Polygonx", "coordinates": [1, 2]}}]}'), E.EmptyLayerError),
    (text_file("features_nulo.geojson", '{"type": "FeatureCollection", "features": null}'), E.UnreadableFileError),
    (text_file("enorme.geojson", '{"type": "FeatureCollection", "features": [{"type": "Feature", '
               '"properties": {}, "geometry": {"type": "Point", "coordinates": [1e308, 1e308]}}]}'), E.MissingCRSError),
    (text_file("utm.geojson", '{"type": "FeatureCollection", "features": [{"type": "Feature", '
               '"properties": {}, "geometry": {"type": "Point", "coordinates": [500000, 9000000]}}]}'), E.MissingCRSError),
]
