"""``analyze``: an --out that would overwrite an input, and nonsense --workers values."""
import geopandas as gpd
import pytest
from shapely.geometry import box

from explorer.cli import main


def _errors(capsys):
    return [x for x in capsys.readouterr().err.splitlines() if x.strip() and x[0] != "["]


def test_out_holding_an_input_named_like_an_output_exit_2(tmp_path, capsys):
    """--concessions out/summary.csv --out out: exit 2 naming the file, the file untouched."""
    out = tmp_path / "out"
    out.mkdir()
    data = out / "summary.csv"
    data.write_text("id,lon,lat\n1,-51.0,1.0\n", encoding="utf-8")
    code = main(["analyze", "--concessions", str(data), "--out", str(out)])
    err = _errors(capsys)
    assert code == 2 and len(err) == 1 and "summary.csv" in err[0], err
    assert data.read_text(encoding="utf-8") == "id,lon,lat\n1,-51.0,1.0\n"


def test_out_beside_inputs_with_other_names_is_fine(tmp_path):
    """Inputs in the --out folder under names no output uses are read and left alone."""
    out = tmp_path / "out"
    out.mkdir()
    conc = out / "titulos.geojson"
    gpd.GeoDataFrame({"nome": ["T"]}, geometry=[box(-51, 1, -50.99, 1.01)], crs=4326).to_file(conc)
    before = conc.read_bytes()
    assert main(["analyze", "--concessions", str(conc), "--out", str(out)]) == 0
    assert conc.read_bytes() == before and (out / "summary.csv").exists()


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_nonsense_workers_is_a_usage_error(tmp_path, value, capsys):
    """--workers must be a whole number >= 1: argparse exits 2 with a usage message."""
    with pytest.raises(SystemExit) as stop:
        main(["analyze", "--sample", "--workers", value, "--out", str(tmp_path / "o")])
    assert stop.value.code == 2 and "workers" in capsys.readouterr().err


def test_layer_files_with_sample_are_refused(tmp_path, capsys):
    """--sample --concessions F would silently ignore F: exit 2, one line naming F."""
    conc = tmp_path / "meus_titulos.geojson"
    gpd.GeoDataFrame({"nome": ["T"]}, geometry=[box(-51, 1, -50.99, 1.01)], crs=4326).to_file(conc)
    code = main(["analyze", "--sample", "--concessions", str(conc), "--out", str(tmp_path / "o")])
    err = _errors(capsys)
    assert code == 2 and len(err) == 1 and "meus_titulos.geojson" in err[0], err
    assert not (tmp_path / "o").exists()


def test_rings_that_would_share_a_column_are_one_ring():
    """Rings equal to 6 significant digits (the column labels) are one ring, at that value."""
    from explorer.analysis import AnalysisSettings

    settings = AnalysisSettings(rings_km=(0.12345671, 0.12345672, 5, 5.0))
    assert settings.rings_km == (0.123457, 5.0)
