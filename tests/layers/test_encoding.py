"""Attribute encodings: declared (.cpg, DBF language byte, caller) or detected, always decoded
to the right text and recorded in provenance; fallbacks reported as ``decode`` repairs."""
from __future__ import annotations

import pytest

from layers.encoding import normalise_codec
from layers.errors import EncodingError
from layers.readers import read_vector
from tests.layers.builders import amapa_frame, shapefile_parts, write_layer, zip_files

NAMES = ["Terra Indígena Uaçá", "São Paulo do Oiapoque", "Rio Paru d'Este"]


def _shapefile(tmp_path, encoding: str, cpg: str | None):
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "nomes.shp"
    amapa_frame().to_file(path, engine="pyogrio", encoding=encoding)
    cpg_file = path.with_suffix(".cpg")
    if cpg is None:
        cpg_file.unlink(missing_ok=True)
    else:
        cpg_file.write_text(cpg, encoding="ascii")
    return path


def _names(layer):
    return sorted(layer.frame["nome"]) == sorted(NAMES)


@pytest.mark.parametrize("cpg", ["CP1252", "1252", "ANSI 1252", "ISO-8859-1", "88591", "windows-1252"])
def test_latin_shapefile_with_a_declaring_cpg(tmp_path, cpg):
    layer = read_vector(_shapefile(tmp_path, "cp1252", cpg))
    assert _names(layer)
    assert layer.provenance.encoding in ("cp1252", "iso8859-1")
    assert not [r for r in layer.provenance.repairs if r.kind == "decode"]


def test_latin_shapefile_without_cpg_is_detected_and_reported(tmp_path):
    layer = read_vector(_shapefile(tmp_path, "cp1252", None))
    assert _names(layer)
    assert layer.provenance.encoding == "cp1252"
    decode = [r for r in layer.provenance.repairs if r.kind == "decode"]
    assert decode and decode[0].count == 3 and "cp1252" in decode[0].detail


def test_utf8_shapefile_without_cpg_is_detected(tmp_path):
    layer = read_vector(_shapefile(tmp_path, "utf-8", None))
    assert _names(layer) and layer.provenance.encoding == "utf-8"
    assert not [r for r in layer.provenance.repairs if r.kind == "decode"]


def test_dbf_language_byte_declares_the_code_page(tmp_path):
    path = _shapefile(tmp_path, "cp1252", None)
    dbf = path.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    data[29] = 0x57  # ANSI (Windows-1252)
    dbf.write_bytes(bytes(data))
    layer = read_vector(path)
    assert _names(layer) and layer.provenance.encoding == "cp1252"


def test_zipped_latin_shapefile_without_cpg(tmp_path):
    path = _shapefile(tmp_path / "src", "cp1252", None)
    zipped = zip_files(tmp_path / "nomes.shp.zip", shapefile_parts(path))
    layer = read_vector(zipped)
    assert _names(layer) and layer.provenance.encoding == "cp1252"


def test_caller_encoding_wins(tmp_path):
    path = _shapefile(tmp_path, "cp1252", "UTF-8")  # a lying .cpg
    layer = read_vector(path, encoding="cp1252")
    assert _names(layer) and layer.provenance.encoding == "cp1252"


def test_csv_in_windows_1252_is_decoded_and_reported(tmp_path):
    path = tmp_path / "aldeias.csv"
    path.write_bytes("nome;lat;lon\nAçaizal;3,39;-51,02\nKumarumã;3,64;-51,14\n".encode("cp1252"))
    layer = read_vector(path)
    assert list(layer.frame["nome"]) == ["Açaizal", "Kumarumã"]
    assert layer.provenance.encoding == "cp1252"
    assert any(r.kind == "decode" and r.count == 2 for r in layer.provenance.repairs)


def test_csv_with_bom_is_utf8(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufefflon,lat,nome\n-51,3,Uaçá\n".encode("utf-8"))
    layer = read_vector(path)
    assert list(layer.frame["nome"]) == ["Uaçá"] and layer.provenance.encoding == "utf-8"


def test_csv_with_a_wrong_declared_encoding_is_a_clear_error(tmp_path):
    path = tmp_path / "errado.csv"
    path.write_bytes("lon,lat,nome\n-51,3,Uaçá\n".encode("cp1252"))
    with pytest.raises(EncodingError, match="errado.csv"):
        read_vector(path, encoding="utf-8")


def test_unknown_declared_encoding_is_a_clear_error(tmp_path):
    path = _shapefile(tmp_path, "utf-8", "KLINGON-9")
    with pytest.raises(EncodingError, match="KLINGON-9"):
        read_vector(path)


@pytest.mark.parametrize("declared, codec", [("UTF-8", "utf-8"), ("utf8", "utf-8"), ("65001", "utf-8"),
                                             ("1252", "cp1252"), ("ISO8859_1", "iso8859-1"), ("LATIN1", "iso8859-1")])
def test_declared_names_are_normalised(declared, codec):
    assert normalise_codec(declared) == codec


def test_geojson_text_round_trips_in_utf8(tmp_path):
    layer = read_vector(write_layer(amapa_frame(), tmp_path, "geojson"))
    assert _names(layer) and layer.provenance.encoding == "utf-8"


def test_shapefile_with_a_lying_utf8_cpg_falls_back_and_reports(tmp_path):
    layer = read_vector(_shapefile(tmp_path, "cp1252", "UTF-8"))
    assert _names(layer) and layer.provenance.encoding == "cp1252"
    decode = [r for r in layer.provenance.repairs if r.kind == "decode"]
    assert decode and decode[0].count == 3 and "utf-8" in decode[0].detail


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_geojson_in_a_legacy_encoding_is_decoded_and_reported(tmp_path, codec):
    utf8 = write_layer(amapa_frame(), tmp_path / "src", "geojson")
    path = tmp_path / "legado.geojson"
    path.write_bytes(utf8.read_bytes().decode("utf-8").encode(codec))
    layer = read_vector(path)
    assert _names(layer)
    assert layer.provenance.encoding == "cp1252"
    assert any(r.kind == "decode" and r.count == 3 for r in layer.provenance.repairs)
    assert layer.frame["titular"].str.len().gt(0).all()


def test_geojson_with_a_wrong_caller_encoding_is_a_clear_error(tmp_path):
    utf8 = write_layer(amapa_frame(), tmp_path / "src", "geojson")
    path = tmp_path / "legado.geojson"
    path.write_bytes(utf8.read_bytes().decode("utf-8").encode("cp1252"))
    with pytest.raises(EncodingError, match="legado.geojson"):
        read_vector(path, encoding="utf-8")


def test_csv_in_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("nome\tlatitude\tlongitude\r\nKumarumã\t3.64\t-51.14\r\n".encode("utf-16"))
    layer = read_vector(path)
    assert list(layer.frame["nome"]) == ["Kumarumã"] and layer.provenance.encoding == "utf-16"
