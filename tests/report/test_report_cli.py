"""``mining-explorer report`` and ``verify`` end to end on small files (the analyze options)."""
import pytest

from explorer.cli import main

@pytest.fixture
def files(tmp_path, hostile):
    """The hostile layers written as GeoJSON files, with ``ROLE=FILE`` arguments."""
    folder = tmp_path / "in"
    folder.mkdir()
    options = {"indigenous_territory": "--indigenous", "protected_area": "--protected",
               "concession": "--concessions", "community": "--communities"}
    args = []
    for number, layer in enumerate(hostile):
        path = folder / f"layer{number}.geojson"
        layer.frame.to_file(path, driver="GeoJSON")
        args += [options[layer.role.value], str(path)]
    return folder, args


@pytest.fixture
def built(tmp_path, files, qapp_gui, capsys):
    out = tmp_path / "pack"
    code = main(["report", *files[1], "--out", str(out), "--focus", "C1"])
    assert code == 0, capsys.readouterr().err
    return out


def test_report_writes_the_pack_and_the_zip_beside_it(built):
    for name in ("report.pdf", "map.html", "map.kmz", "metrics.gpkg", "manifest.json",
                 "overlaps.csv"):
        assert (built / name).is_file(), name
    assert built.with_name("pack.zip").is_file()


def test_verify_passes_then_fails_after_one_input_byte_changes(built, files, capsys):
    assert main(["verify", str(built)]) == 0
    assert "OK" in capsys.readouterr().out
    victim = files[0] / "layer2.geojson"
    data = bytearray(victim.read_bytes())
    data[-3] = ord(" ") if data[-3] != ord(" ") else ord("\n")
    victim.write_bytes(bytes(data))
    assert main(["verify", str(built)]) == 1
    out = capsys.readouterr().out
    assert "layer2.geojson" in out and "FAILED" in out


def test_verify_fails_when_an_output_changes(built, capsys):
    html = built / "map.html"
    html.write_text(html.read_text(encoding="utf-8") + "<!-- x -->", encoding="utf-8")
    assert main(["verify", str(built)]) == 1
    assert "map.html" in capsys.readouterr().out


def test_bad_input_gives_exit_code_2_and_one_line(tmp_path, capsys):
    code = main(["report", "--concessions", str(tmp_path / "missing.gpkg"), "--out", str(tmp_path / "o")])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert "missing.gpkg" in err and len(err.splitlines()) == 1


def test_out_folder_with_foreign_files_is_refused(tmp_path, files, capsys):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    assert main(["report", *files[1], "--out", str(out)]) == 2
    assert (out / "thesis.docx").read_text() == "precious"
