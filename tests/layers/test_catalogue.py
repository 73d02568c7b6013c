"""The sample catalogue and the sample project, read-only from the package."""
import json
from pathlib import Path

import pytest

from layers.catalogue import (
    SAMPLE_PROJECT_NAME,
    load_sample_project,
    sample_catalogue,
    sample_project_path,
    user_data_dir,
)
from layers.project import load_project, open_project_registry, save_project
from layers.roles import Role
from sample_data import SAMPLE_DIR


def _sample_listing() -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in SAMPLE_DIR.rglob("*") if p.is_file()}


def test_catalogue_names_every_file_with_role_source_and_licence():
    raw = json.loads((SAMPLE_DIR / "catalogue.json").read_text(encoding="utf-8"))
    entries = sample_catalogue()
    assert [e.file for e in entries] == [item["file"] for item in raw]
    for entry in entries:
        assert entry.path.exists(), entry.path
        assert entry.source and entry.publisher and entry.licence
    roles = {e.role for e in entries}
    assert {Role.CONCESSION, Role.PROTECTED_AREA, Role.INDIGENOUS_TERRITORY, Role.BASIN,
            Role.RIVER, Role.COMMUNITY, Role.CONTEXT, Role.RASTER, Role.PROJECT} <= roles


def test_sample_project_has_default_settings_and_every_layer():
    project = load_sample_project()
    entries = sample_catalogue()
    assert len(project.layers) == len(entries)
    assert project.settings["rings_km"] == [1, 5, 10, 25, 50]
    assert project.settings["reach_km"] == 100
    assert project.settings["mining_class"] == 30
    before, after = project.settings["raster_change"]
    assert "1985" in before and "2020" in after
    assert all(Path(ref.path).exists() for ref in project.layers)
    kinds = {ref.name: ref.kind for ref in project.layers}
    assert sorted(kinds.values()).count("raster") == 2
    assert project.registry_path == SAMPLE_DIR / "partnerships"
    registry = open_project_registry(project)
    assert [p.id for p in registry.undisclosed()] == ["J05", "J07", "J12"]
    concessions = next(ref for ref in project.layers if ref.role is Role.CONCESSION)
    assert concessions.mapping.holder == "NOME" and concessions.layer == "concessions"


def test_sample_project_saves_and_loads_anywhere(tmp_path):
    project = load_sample_project()
    assert load_project(save_project(project, tmp_path / "copy.mieproj")) == project


def test_sample_project_path_writes_to_the_user_folder_only(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("sys.platform", "linux")
    before = _sample_listing()
    path = sample_project_path()
    assert path == tmp_path / "xdg" / "mining-impact-explorer" / "sample" / SAMPLE_PROJECT_NAME
    assert path.parent == user_data_dir() / "sample"
    assert load_project(path) == load_sample_project()
    assert _sample_listing() == before  # the package folder is never written


def test_sample_project_path_keeps_user_changes_and_repairs_a_broken_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr("sys.platform", "linux")
    path = sample_project_path()
    project = load_project(path)
    project.title = "my edits"
    save_project(project)
    assert load_project(sample_project_path()).title == "my edits"
    path.write_text("{ broken", encoding="utf-8")
    assert load_project(sample_project_path()) == load_sample_project()


def test_sample_builds_from_a_moved_package_without_writing_to_it(tmp_path, monkeypatch):
    import shutil

    import sample_data

    copy = tmp_path / "site-packages" / "sample_data"
    shutil.copytree(SAMPLE_DIR, copy)
    listing = sorted(p.relative_to(copy) for p in copy.rglob("*"))
    monkeypatch.setattr(sample_data, "SAMPLE_DIR", copy)
    project = load_sample_project()
    assert all(ref.path.startswith(str(copy)) for ref in project.layers)
    assert len(open_project_registry(project).projects) == 33
    assert sorted(p.relative_to(copy) for p in copy.rglob("*")) == listing


def test_every_sample_layer_opens_with_its_role_and_feature_count():
    pytest.importorskip("layers.loader", reason="the readers have not landed yet")
    from layers.project import open_project_layers

    project = load_sample_project()
    features = {str(e.path): e.features for e in sample_catalogue()}
    opened = open_project_layers(project)
    refs = project.sorted_layers()
    assert [layer.name for layer in opened] == [ref.name for ref in refs]
    for layer, ref in zip(opened, refs):
        assert Role(layer.role) == ref.role and layer.kind == ("raster" if ref.kind == "raster"
                                                               else "vector")
        if features[ref.path] is not None:
            assert len(layer.frame) == features[ref.path], ref.name
        assert layer.style.visible == ref.visible


def test_opened_sample_layers_turn_back_into_the_same_refs():
    from layers.project import open_project_layers, ref_for_layer

    project = load_sample_project()
    refs = [ref_for_layer(layer, order=n) for n, layer in enumerate(open_project_layers(project))]

    def key(ref):
        return (ref.path, ref.layer, ref.name, ref.role, ref.kind, ref.visible, ref.order,
                ref.crs_override, ref.encoding, ref.categorical)
    assert [key(r) for r in refs] == [key(r) for r in project.sorted_layers()]


def test_sample_concession_names_are_the_holders_not_the_ids():
    """SIGMINE titles are named by their holder (NOME), via the field mapping; id = PROCESSO."""
    from explorer.analysis.frames import feature_frame
    from layers.catalogue import load_sample_project
    from layers.project import open_project_layers
    from layers.roles import Role

    layers = open_project_layers(load_sample_project())
    titles = next(l for l in layers if getattr(l, "role", None) == Role.CONCESSION)
    frame = feature_frame(titles)
    assert (frame["id"] != frame["name"]).all()
    assert list(frame["name"]) == [str(v) for v in titles.geographic()["NOME"]]
