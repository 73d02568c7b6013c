"""Opening a project's layers applies the saved name, role, mapping and style."""
import shutil
import sys
import types
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Point

from layers.errors import LayerError, UnreadableFileError
from layers.model import FieldMapping, Provenance, VectorLayer
from layers.project import (
    LayerRef,
    Project,
    load_project,
    open_project_layers,
    open_project_registry,
    ref_for_layer,
    save_project,
)
from layers.roles import Role
from layers.styles import Style

from sample_data import SAMPLE_DIR


@pytest.fixture
def fake_loader(monkeypatch):
    """A stand-in for ``layers.loader`` that records its calls and builds a tiny layer."""
    calls = []

    def load_layer(path, layer=None, **kw):
        calls.append((path, layer, kw))
        if not Path(path).exists():
            raise UnreadableFileError(path, "cannot be read")
        frame = gpd.GeoDataFrame({"CODE": ["a"], "NOME": ["Rio"]},
                                 geometry=[Point(-51, 0)], crs="EPSG:4326")
        return VectorLayer(name="from file", role=kw.get("role") or Role.CONTEXT, frame=frame,
                           provenance=Provenance(path=str(path), layer_name=layer, driver="GPKG",
                                                 sha256="0" * 64),
                           mapping=FieldMapping(schema="detected", id="CODE"))

    module = types.ModuleType("layers.loader")
    module.load_layer = load_layer
    monkeypatch.setitem(sys.modules, "layers.loader", module)
    return calls


def _project(tmp_path: Path) -> Project:
    data = tmp_path / "rivers.gpkg"
    data.write_bytes(b"x")
    project = Project(title="t")
    registry = shutil.copytree(SAMPLE_DIR / "partnerships", tmp_path / "registry")
    project.add_layer(LayerRef(path=str(registry),
                               name="Projects", role=Role.PROJECT, kind="registry"))
    project.add_layer(LayerRef(
        path=str(data), layer="rios", name="Rivers", role=Role.RIVER,
        mapping=FieldMapping(schema="ana", name="NOME", code="GONE"),
        style=Style(stroke="#0000ff"), visible=False, opacity=0.4, crs_override="EPSG:4674",
        encoding="cp1252"))
    return project


def test_layers_open_in_order_with_saved_role_mapping_and_style(tmp_path, fake_loader):
    project = load_project(save_project(_project(tmp_path), tmp_path / "p.mieproj"))
    progress = []
    registry_layer, rivers = open_project_layers(project, lambda f, m: progress.append(f))
    assert fake_loader == [(str(tmp_path / "rivers.gpkg"), "rios",
                            {"role": Role.RIVER, "crs": "EPSG:4674", "encoding": "cp1252",
                             "name": "Rivers"})]
    assert registry_layer.role is Role.PROJECT and len(registry_layer.frame) == 30
    assert rivers.name == "Rivers" and rivers.role is Role.RIVER
    assert rivers.style.stroke == "#0000ff"
    assert (rivers.style.visible, rivers.style.opacity) == (False, 0.4)
    assert rivers.mapping == FieldMapping(schema="ana", name="NOME")  # GONE is not a column
    (repair,) = rivers.provenance.repairs
    assert repair.kind == "mapping_column_missing" and "code=GONE" in repair.detail
    assert progress[0] == 0.0 and progress[-1] == 1.0 and progress == sorted(progress)


def test_an_empty_saved_mapping_keeps_the_detected_one(tmp_path, fake_loader):
    project = _project(tmp_path)
    project.layers[1].mapping = FieldMapping()
    rivers = open_project_layers(project)[1]
    assert rivers.mapping == FieldMapping(schema="detected", id="CODE")


def test_unreadable_layer_raises_or_is_collected(tmp_path, fake_loader):
    project = _project(tmp_path)
    (tmp_path / "rivers.gpkg").unlink()
    with pytest.raises(UnreadableFileError):
        open_project_layers(project)
    errors: list[LayerError] = []
    layers = open_project_layers(project, errors=errors)
    assert [layer.role for layer in layers] == [Role.PROJECT]
    assert len(errors) == 1 and "rivers.gpkg" in str(errors[0])


def test_ref_for_layer_reopens_the_same_layer(tmp_path, fake_loader):
    project = _project(tmp_path)
    opened = open_project_layers(project)
    refs = [ref_for_layer(layer, order=n) for n, layer in enumerate(opened)]
    assert [r.kind for r in refs] == ["registry", "vector"]
    assert refs[0].path == project.layers[0].path
    assert (refs[1].path, refs[1].layer, refs[1].visible) == (project.layers[1].path, "rios", False)
    again = open_project_layers(Project(layers=refs))
    assert [layer.name for layer in again] == [layer.name for layer in opened]


def test_open_project_registry(tmp_path):
    project = _project(tmp_path)
    assert len(open_project_registry(project).projects) == 33
    assert open_project_registry(Project()) is None and Project().registry is None
    assert [p.id for p in project.registry.undisclosed()] == ["J05", "J07", "J12"]


def test_saved_project_reopens_a_csv_with_a_supplied_crs_and_encoding(tmp_path):
    from layers.loader import load_layer

    table = tmp_path / "aldeias.csv"
    table.write_bytes("nome,x,y\nSão Tomé,500000,9800000\n".encode("cp1252"))
    layer = load_layer(table, role=Role.COMMUNITY, crs="EPSG:31976", encoding="cp1252")
    ref = ref_for_layer(layer)
    assert ref.crs_override == "EPSG:31976" and ref.encoding == "cp1252"
    project = load_project(save_project(Project(layers=[ref]), tmp_path / "p.mieproj"))
    (again,) = open_project_layers(project)
    assert again.frame.crs.to_epsg() == 31976
    assert list(again.frame["nome"]) == ["São Tomé"]
