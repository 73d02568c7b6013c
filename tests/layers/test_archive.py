"""Zip and KMZ archives: safe paths checked before extraction, size caps against zip bombs,
dataset discovery (subfolders, macOS junk) and clean-up of the temporary folder."""
from __future__ import annotations

import zipfile

import pytest

from layers import archive
from layers.errors import ArchiveError, UnreadableFileError, UnsafeArchivePathError
from layers.readers import list_layers, read_vector
from tests.layers.builders import amapa_frame, points_frame, shapefile_parts, write_layer


def test_a_real_zip_bomb_is_stopped_by_the_declared_size_cap(tmp_path, monkeypatch):
    path = tmp_path / "zeros.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("zeros.csv", b"0" * (8 << 20))
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(archive, "MAX_UNCOMPRESSED_BYTES", 1 << 20)
    with pytest.raises(ArchiveError, match="zeros.zip") as caught:
        read_vector(path)
    assert "zip bomb" in str(caught.value)


def test_an_archive_lying_about_its_sizes_is_stopped_while_extracting(tmp_path, monkeypatch):
    path = tmp_path / "mentira.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("dados.csv", b"lon,lat\n" + b"1,2\n" * 200_000)
    real = archive.check_archive

    def shrunk(p, limit=None):
        entries = real(p, limit)
        for info in entries:
            info.file_size = 10  # pretend the entry is tiny
        return entries

    monkeypatch.setattr(archive, "check_archive", shrunk)
    with pytest.raises((ArchiveError, UnreadableFileError), match="mentira.zip"):
        read_vector(path)


def test_unsafe_entry_is_named_and_nothing_is_written(tmp_path):
    path = tmp_path / "fuga.zip"
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("ok/camada.geojson", b"{}")
        out.writestr("ok/../../../fuga.txt", b"x")
    with pytest.raises(UnsafeArchivePathError, match="fuga.txt"):
        list_layers(path)
    assert not (tmp_path.parent / "fuga.txt").exists()


def test_shapefile_in_a_subfolder_with_macos_junk(tmp_path):
    shp = write_layer(amapa_frame(), tmp_path / "src", "shp", "concessoes")
    path = tmp_path / "entrega.zip"
    with zipfile.ZipFile(path, "w") as out:
        for part in shapefile_parts(shp):
            out.write(part, f"entrega/dados/{part.name}")
            out.writestr(f"__MACOSX/entrega/dados/._{part.name}", b"\x00\x05\x16\x07junk")
    layer = read_vector(path)
    assert len(layer.frame) == 3 and layer.name == "concessoes"
    assert list_layers(path) == [("concessoes", "Polygon")] or list_layers(path)[0][0] == "concessoes"


def test_kmz_with_images_reads_its_kml(tmp_path):
    kml = write_layer(points_frame().rename(columns={"aldeia": "Name"}), tmp_path / "src", "kml", "doc")
    path = tmp_path / "aldeias.kmz"
    with zipfile.ZipFile(path, "w") as out:
        out.write(kml, "doc.kml")
        out.writestr("files/icone.png", b"\x89PNG\r\n\x1a\n")
    layer = read_vector(path, role="community")
    assert sorted(layer.frame["Name"]) == sorted(["Kumarumã", "Manga", "Açaizal"])
    assert "KMZ" in layer.provenance.driver


def test_the_temporary_folder_is_removed(tmp_path, monkeypatch):
    made = []
    real = archive.tempfile.mkdtemp

    def tracking(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(archive.tempfile, "mkdtemp", tracking)
    read_vector(write_layer(amapa_frame(), tmp_path, "zip"))
    assert made and all(not __import__("os").path.exists(folder) for folder in made)


def test_errors_inside_an_archive_name_the_archive_and_the_entry(tmp_path):
    shp = write_layer(amapa_frame(), tmp_path / "src", "shp", "sem_prj")
    parts = [p for p in shapefile_parts(shp) if p.suffix != ".prj"]
    path = tmp_path / "sem_prj.zip"
    with zipfile.ZipFile(path, "w") as out:
        for part in parts:
            out.write(part, part.name)
    from layers.errors import MissingCRSError

    with pytest.raises(MissingCRSError) as caught:
        read_vector(path)
    assert "sem_prj.zip" in str(caught.value) and "sem_prj.shp" in str(caught.value)
    assert "mie-archive" not in str(caught.value)
    assert len(read_vector(path, crs="EPSG:4674").frame) == 3
