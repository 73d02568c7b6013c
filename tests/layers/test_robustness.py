"""Damaged copies of valid files (truncated at many lengths, bytes overwritten at random with a
fixed seed): every one either loads or raises a LayerError naming the file, never anything else."""
from __future__ import annotations

import random

import pytest

from layers.errors import LayerError
from layers.loader import load_layer
from tests.layers.builders import amapa_frame, write_layer

FORMATS = ["gpkg", "shp", "geojson", "kml", "kmz", "fgb", "parquet", "csv", "zip"]


def _damaged(data: bytes, trial: int, rng: random.Random) -> bytes:
    if trial < 8:
        return data[: len(data) * trial // 8]
    copy = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        copy[rng.randrange(len(copy))] = rng.randrange(256)
    return bytes(copy)


@pytest.mark.parametrize("fmt", FORMATS)
def test_damaged_files_load_or_fail_clearly(tmp_path, fmt):
    source = write_layer(amapa_frame().to_crs("EPSG:4326"), tmp_path / "src", fmt)
    data = source.read_bytes()
    suffix = "".join(source.suffixes)
    rng = random.Random(f"{fmt}-2026")
    outcomes = []
    for trial in range(16):
        path = tmp_path / f"dano{trial}{suffix}"
        path.write_bytes(_damaged(data, trial, rng))
        if fmt == "shp":  # damage only the .shp; keep its sidecars
            for part in source.parent.glob("camadas.*"):
                if part.suffix != ".shp":
                    path.with_suffix(part.suffix).write_bytes(part.read_bytes())
        try:
            load_layer(path)
            outcomes.append("ok")
        except LayerError as exc:
            assert path.name in str(exc)
            assert "Traceback" not in str(exc)
            outcomes.append(type(exc).__name__)
    assert outcomes[0] != "ok"  # a 0-byte copy never loads
