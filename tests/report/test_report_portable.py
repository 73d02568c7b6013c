"""A pack verifies where it is moved to (inputs recorded relative to the pack), says which
inputs are missing, and says why an analysis of in-memory layers cannot be re-run."""
import json
import shutil

import pytest

from explorer.cli import main
from explorer.report import build_report, verify_pack

OPTIONS = {"indigenous_territory": "--indigenous", "protected_area": "--protected",
           "concession": "--concessions", "community": "--communities"}


@pytest.fixture
def built(tmp_path, hostile, qapp_gui, capsys):
    """Hostile layers written as GeoJSON under work/in, the pack written to work/pack."""
    work = tmp_path / "work"
    (work / "in").mkdir(parents=True)
    args = []
    for number, layer in enumerate(hostile):
        path = work / "in" / f"layer{number}.geojson"
        layer.frame.to_file(path, driver="GeoJSON")
        args += [OPTIONS[layer.role.value], str(path)]
    assert main(["report", *args, "--out", str(work / "pack")]) == 0, capsys.readouterr().err
    capsys.readouterr()
    return work


def test_input_paths_are_recorded_relative_to_the_pack(built):
    manifest = json.loads((built / "pack" / "manifest.json").read_text(encoding="utf-8"))
    paths = [entry["path"] for entry in manifest["inputs"]]
    assert paths and all(not p.startswith("/") and ":" not in p for p in paths)
    assert manifest["input_base"]["relative_to_pack"] == "../in"
    assert not manifest["recipe"]["problems"]
    assert {entry["path"] for entry in manifest["recipe"]["layers"]} == set(paths)


def test_a_moved_pack_still_verifies(built, tmp_path, capsys):
    moved = tmp_path / "elsewhere" / "copy"
    shutil.copytree(built, moved)
    shutil.rmtree(built)  # the recorded absolute paths no longer exist
    assert main(["verify", str(moved / "pack")]) == 0, capsys.readouterr().out
    assert "OK" in capsys.readouterr().out


def test_verify_names_a_missing_input(built, capsys):
    (built / "in" / "layer2.geojson").unlink()
    assert main(["verify", str(built / "pack")]) == 1
    out = capsys.readouterr().out
    assert "input missing: layer2.geojson" in out
    assert "analysis not re-run" in out and "layer2.geojson" in out.split("analysis not re-run")[1]


def test_in_memory_layers_are_named_as_not_re_runnable(tmp_path, hostile, qapp_gui, read_pdf_text):
    pack = build_report(hostile, out_dir=tmp_path / "pack",  # their files do not exist
                        command=["mining-explorer", "gui"])
    text = " ".join(read_pdf_text(pack.out_dir / "report.pdf").split())
    assert "made in the desktop application" in text and "Command that re-creates" not in text
    manifest = json.loads((tmp_path / "pack" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["recipe"]["problems"]) == len(hostile)
    report = verify_pack(pack.out_dir)
    assert not report.ok
    line = next(d for d in report.differences if d.startswith("analysis not re-run"))
    assert "has no source file" in line and hostile[0].name in line
