"""Relinking a project whose data moved."""
import shutil
from pathlib import Path

import pytest

from layers.errors import MissingDataError
from layers.project import (
    LayerRef,
    Project,
    find_moved,
    load_project,
    missing_data,
    relink,
    save_project,
)
from layers.roles import Role


def _file(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x")
    return str(path)


@pytest.fixture
def moved(tmp_path):
    """A saved project whose data folder was then moved away from it."""
    a = _file(tmp_path / "data" / "a.gpkg")
    b = _file(tmp_path / "data" / "sub" / "b.shp")
    project = Project(layers=[LayerRef(path=a, name="A", role=Role.BASIN),
                              LayerRef(path=b, name="B", role=Role.RIVER)])
    (tmp_path / "project").mkdir()
    path = save_project(project, tmp_path / "project" / "p.mieproj")
    (tmp_path / "usb").mkdir()
    shutil.move(str(tmp_path / "data"), str(tmp_path / "usb" / "data"))
    return path, tmp_path


def test_relink_a_moved_folder_fixes_every_layer_under_it(moved):
    path, root = moved
    with pytest.raises(MissingDataError) as caught:
        load_project(path)
    project = caught.value.project
    assert len(caught.value.missing) == 2
    assert relink(project, {root / "data": root / "usb" / "data"}) is project
    assert missing_data(project) == []
    assert project.layers[1].path == str(root / "usb" / "data" / "sub" / "b.shp")
    save_project(project)
    assert missing_data(load_project(path)) == []


def test_relink_a_single_file_leaves_the_rest_missing(moved):
    path, root = moved
    project = load_project(path, check_data=False)
    relink(project, {str(root / "data" / "a.gpkg"): str(root / "usb" / "data" / "a.gpkg")})
    assert missing_data(project) == [str(root / "data" / "sub" / "b.shp")]


def test_find_moved_searches_a_folder_by_name(moved):
    path, root = moved
    project = load_project(path, check_data=False)
    found = find_moved(project, root / "usb")
    assert found == {str(root / "data" / "a.gpkg"): str(root / "usb" / "data" / "a.gpkg"),
                     str(root / "data" / "sub" / "b.shp"):
                         str(root / "usb" / "data" / "sub" / "b.shp")}
    assert missing_data(relink(project, found)) == []


def test_find_moved_prefers_the_closest_folder_and_never_guesses_a_tie(moved):
    path, root = moved
    _file(root / "usb" / "other" / "sub" / "b.shp")  # same name, but the folder differs
    _file(root / "usb" / "copy1" / "a.gpkg")
    _file(root / "usb" / "copy2" / "a.gpkg")
    _file(root / "usb" / "data" / "x" / "a.gpkg")
    (root / "usb" / "data" / "a.gpkg").unlink()
    project = load_project(path, check_data=False)
    found = find_moved(project, root / "usb")
    assert found[str(root / "data" / "sub" / "b.shp")] == str(root / "usb" / "data" / "sub" / "b.shp")
    assert str(root / "data" / "a.gpkg") not in found  # three equally good copies: no guess
