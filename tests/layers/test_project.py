"""The project file: round trip, relative paths, validation and missing data."""
import json
import shutil
from pathlib import Path

import pytest

from layers.errors import LayerError, MissingDataError, ProjectError, ProjectVersionError
from layers.model import FieldMapping
from layers.project import (
    SCHEMA_VERSION,
    LayerRef,
    Project,
    backup_path,
    default_settings,
    load_project,
    save_project,
)
from layers.roles import Role
from layers.styles import Style


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"data")
    return path


def make_project(folder: Path) -> Project:
    """A project over three small files in ``folder/data``, with non-default everything."""
    data = folder / "data"
    concessions = _touch(data / "titles.gpkg")
    raster = _touch(data / "land cover 1985.tif")
    (data / "registry").mkdir(parents=True, exist_ok=True)
    project = Project(title="Amapá — teste", settings={**default_settings(), "reach_km": 42.5,
                                                       "raster_change": ["a", "b"]})
    project.add_layer(LayerRef(
        path=str(concessions), layer="titles", name="Títulos minerários", role=Role.CONCESSION,
        mapping=FieldMapping(schema="anm_sigmine", id="PROCESSO", holder="NOME"),
        style=Style(fill="#123456", hatch="cross"), visible=False, opacity=0.5,
        crs_override="EPSG:4674", encoding="latin-1"))
    project.add_layer(LayerRef(path=str(raster), name="Land cover 1985", role=Role.RASTER,
                               kind="raster", categorical=True))
    project.add_layer(LayerRef(path=str(data / "registry"), name="Partnership projects",
                               role="project", kind="registry"))
    project.last_results = {"metrics.csv": "ab" * 32}
    return project


def test_round_trip_gives_an_equal_project(tmp_path):
    project = make_project(tmp_path)
    saved = save_project(project, tmp_path / "amapa.mieproj")
    loaded = load_project(saved)
    assert loaded == project
    assert loaded.path == saved == project.path
    assert (loaded.layers[0].style.visible, loaded.layers[0].style.opacity) == (False, 0.5)
    assert [ref.order for ref in loaded.layers] == [0, 1, 2]
    assert loaded.registry_path == tmp_path / "data" / "registry"


def test_file_holds_schema_version_and_relative_posix_paths(tmp_path):
    save_project(make_project(tmp_path), tmp_path / "p.mieproj")
    document = json.loads((tmp_path / "p.mieproj").read_text(encoding="utf-8"))
    assert document["schema_version"] == SCHEMA_VERSION
    assert [entry["path"] for entry in document["layers"]] == [
        "data/titles.gpkg", "data/land cover 1985.tif", "data/registry"]
    assert document["layers"][0]["mapping"] == {"schema": "anm_sigmine", "id": "PROCESSO",
                                                "holder": "NOME"}
    assert document["title"] == "Amapá — teste"  # UTF-8, not escaped
    first = document["layers"][0]
    assert (first["visible"], first["opacity"]) == (False, 0.5)
    assert "visible" not in first["style"] and "opacity" not in first["style"]  # one truth
    assert str(tmp_path) not in (tmp_path / "p.mieproj").read_text(encoding="utf-8")


def test_relative_paths_survive_moving_the_whole_folder(tmp_path):
    old = tmp_path / "old place"
    save_project(make_project(old), old / "amapa.mieproj")
    new = tmp_path / "elsewhere" / "new place"
    new.parent.mkdir()
    shutil.move(str(old), str(new))
    loaded = load_project(new / "amapa.mieproj")
    assert loaded.layers[0].path == str(new / "data" / "titles.gpkg")
    assert all(Path(ref.path).exists() for ref in loaded.layers)


def test_data_outside_the_project_folder_is_written_with_dotdot(tmp_path):
    data = _touch(tmp_path / "shared" / "rivers.shp")
    project = Project(layers=[LayerRef(path=str(data), name="Rivers", role=Role.RIVER)])
    (tmp_path / "work").mkdir()
    save_project(project, tmp_path / "work" / "p.mieproj")
    document = json.loads((tmp_path / "work" / "p.mieproj").read_text(encoding="utf-8"))
    assert document["layers"][0]["path"] == "../shared/rivers.shp"
    assert load_project(tmp_path / "work" / "p.mieproj").layers[0].path == str(data)


def test_backup_holds_the_previous_version(tmp_path):
    project = make_project(tmp_path)
    path = tmp_path / "p.mieproj"
    save_project(project, path)
    assert not backup_path(path).exists()
    first = path.read_bytes()
    project.title = "second"
    save_project(project)
    assert backup_path(path).read_bytes() == first
    assert backup_path(path).name == "p.mieproj.bak"
    assert load_project(path).title == "second"
    project.title = "third"
    save_project(project)
    assert load_project(backup_path(path)).title == "second"


def test_missing_data_lists_every_missing_path(tmp_path):
    project = make_project(tmp_path)
    save_project(project, tmp_path / "p.mieproj")
    (tmp_path / "data" / "titles.gpkg").unlink()
    shutil.rmtree(tmp_path / "data" / "registry")
    with pytest.raises(MissingDataError) as caught:
        load_project(tmp_path / "p.mieproj")
    error = caught.value
    assert error.missing == [str(tmp_path / "data" / "titles.gpkg"),
                             str(tmp_path / "data" / "registry")]
    assert "p.mieproj" in str(error) and "titles.gpkg" in str(error)
    assert isinstance(error, ProjectError) and error.project.title == project.title
    assert load_project(tmp_path / "p.mieproj", check_data=False) == project


def test_newer_schema_version_is_refused(tmp_path):
    path = tmp_path / "future.mieproj"
    path.write_text(json.dumps({"schema_version": SCHEMA_VERSION + 1, "layers": []}))
    with pytest.raises(ProjectVersionError, match="future.mieproj.*newer version"):
        load_project(path)


@pytest.mark.parametrize("content, problem", [
    (b'{"schema_version": 1, "layers": [', "not valid JSON"),
    (b"", "empty"),
    (b"\xff\xfe\x00garbage\x81", "not UTF-8"),
    (b"[1, 2]", "expected a JSON object"),
    (b"[" * 100000 + b"]" * 100000, "not a usable project file"),
    (b'{"schema_version": 1, "layers": [], "x": ' + b"9" * 5000 + b"}", "not a usable"),
    (b'{"layers": []}', "schema_version"),
    (b'{"schema_version": "one", "layers": []}', "invalid schema_version"),
    (b'{"schema_version": 1}', "no 'layers'"),
    (b'{"schema_version": 1, "layers": {}}', "'layers' must be a list"),
    (b'{"schema_version": 1, "layers": [3]}', "layer 1 is not a JSON object"),
    (b'{"schema_version": 1, "layers": [{"name": "x", "role": "river"}]}', "layer 1 has no 'path'"),
    (b'{"schema_version": 1, "layers": [{"path": "a", "name": "x", "role": "lake"}]}',
     "unknown role"),
    (b'{"schema_version": 1, "layers": [{"path": "a", "name": "x", "role": "river", '
     b'"kind": "table"}]}', "layer kind"),
    (b'{"schema_version": 1, "layers": [{"path": "a", "name": "x", "role": "river", '
     b'"opacity": "half"}]}', "layer 1"),
    (b'{"schema_version": 1, "layers": [{"path": "a", "name": "x", "role": "river", '
     b'"opacity": 3}]}', "'opacity' must be a number from 0 to 1"),
    (b'{"schema_version": 1, "layers": [{"path": "a", "name": "x", "role": "river", '
     b'"visible": "no"}]}', "'visible' must be bool"),
    (b'{"schema_version": 1, "layers": [{"path": "a", "name": "x", "role": "river", '
     b'"style": {"stroke_width": "thick"}}]}', "style 'stroke_width'"),
    (b'{"schema_version": 1, "layers": [{"path": "a", "name": "x", "role": "river", '
     b'"style": {"visible": 1}}]}', "style 'visible'"),
    (b'{"schema_version": 1, "layers": [{"path": "a", "name": "x", "role": "river", '
     b'"mapping": [1]}]}', "'mapping' must be dict"),
    (b'{"schema_version": 1, "layers": [], "settings": [1]}', "'settings' must be a dict"),
])
def test_bad_project_files_give_project_error_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "broken.mieproj"
    path.write_bytes(content)
    with pytest.raises(ProjectError) as caught:
        load_project(path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_missing_project_file_is_a_project_error(tmp_path):
    with pytest.raises(ProjectError, match="not found"):
        load_project(tmp_path / "nowhere.mieproj")


def test_saving_without_a_path_or_into_a_missing_folder_is_a_project_error(tmp_path):
    with pytest.raises(ProjectError):
        save_project(Project())
    with pytest.raises(ProjectError, match="cannot be saved"):
        save_project(Project(), tmp_path / "no such folder" / "p.mieproj")


def test_settings_that_are_not_json_are_refused_before_touching_the_file(tmp_path):
    path = save_project(Project(title="good"), tmp_path / "p.mieproj")
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="JSON"):
        save_project(Project(settings={"rings_km": {1, 2}}), path)
    with pytest.raises(ProjectError, match="JSON"):
        save_project(Project(settings={"reach_km": float("nan")}), path)
    assert path.read_bytes() == before


def test_every_project_error_is_a_layer_error():
    assert issubclass(ProjectVersionError, LayerError)
    assert issubclass(MissingDataError, LayerError)
