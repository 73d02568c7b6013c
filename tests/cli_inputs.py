"""Shared pieces of the in-process CLI input tests: a title, a park beside it, and helpers
that write a layer, run ``analyze`` and read the error lines."""
from __future__ import annotations

from shapely.geometry import box

from explorer.cli import main

TITLE = box(-51.0, 1.0, -50.98, 1.02)
PARK = box(-50.99, 0.99, -50.90, 1.05)


def write_layer(gdf, path, **kw):
    """Write ``gdf`` to ``path`` (keyword arguments go to ``to_file``) and return the path."""
    gdf.to_file(path, **kw)
    return path


def analyze(tmp_path, *args, out=None):
    """Run ``mining-explorer analyze ARGS --out OUT`` in-process: (exit code, out folder)."""
    out = out or tmp_path / "out"
    code = main(["analyze", *map(str, args), "--out", str(out)])
    return code, out


def error_lines(capsys):
    """stderr lines that are not progress (``[ 40%] ...``)."""
    return [x for x in capsys.readouterr().err.splitlines() if x.strip() and x[0] != "["]
