"""The CSV files are shared between the main process and the GeoPackage's writer
(explorer.commands.analyze._csv_shares): every table is written once, by one of them."""
from __future__ import annotations

import pandas as pd
import pytest

from explorer.commands.analyze import GPKG_SHARE, _csv_shares


def _table(rows: int, cols: int) -> pd.DataFrame:
    return pd.DataFrame({f"c{k}": range(rows) for k in range(cols)})


def test_every_table_is_written_once_and_the_largest_here():
    tables = {"overlaps": _table(100, 8), "proximity": _table(1000, 10), "rings": _table(900, 7),
              "summary": _table(10, 4), "downstream": _table(0, 5)}
    mine, theirs = _csv_shares(tables)
    assert sorted(mine + theirs) == sorted(tables)
    assert "proximity" in mine
    size = {n: len(t) * len(t.columns) for n, t in tables.items()}
    budget = sum(size.values()) * (1 + GPKG_SHARE) / 2
    assert sum(size[n] for n in mine) <= budget
    assert theirs  # the GeoPackage's writer gets a share when the tables are this uneven


def test_a_single_table_is_written_here():
    mine, theirs = _csv_shares({"proximity": _table(5, 3)})
    assert (mine, theirs) == (["proximity"], [])


class _Result:
    """What write_outputs reads of an analysis result."""

    def __init__(self, tables):
        self._tables = tables
        self.overlap_geometries = None
        self.settings = type("S", (), {"workers": 2})()

    def tables(self):
        return dict(self._tables)


def _tables():
    return {"overlaps": _table(50, 8), "proximity": _table(400, 10), "rings": _table(300, 7),
            "summary": _table(5, 4), "downstream": _table(0, 5)}


class _FailedWriter:
    def result(self, cancelled=None):
        return None

    def stop(self):
        pass


def _fake_gpkg(tables, geometries, path):
    path.write_text("gpkg")
    return path


def test_every_file_is_written_once_when_the_forked_writer_fails(tmp_path, monkeypatch):
    from explorer.commands import analyze
    import explorer.analysis.export as export
    import explorer.analysis.parallel as parallel

    calls = []
    real = export.write_table_csv
    monkeypatch.setattr(export, "write_table_csv",
                        lambda table, path: calls.append(path.name) or real(table, path))
    monkeypatch.setattr(parallel, "start_beside", lambda func, workers: _FailedWriter())
    monkeypatch.setattr(analyze, "_write_gpkg", _fake_gpkg)
    written = analyze.write_outputs(_Result(_tables()), tmp_path / "out")
    assert [p.name for p in written] == [f"{n}.csv" for n in _tables()] + ["metrics.gpkg"]
    assert sorted(calls) == sorted(f"{n}.csv" for n in _tables())
    assert all(p.exists() for p in written)


def test_the_csv_files_are_all_written_when_the_geopackage_cannot_be(tmp_path, monkeypatch):
    from explorer.commands import analyze
    import explorer.analysis.parallel as parallel

    def broken(tables, geometries, path):
        raise OSError("disk full")

    monkeypatch.setattr(parallel, "start_beside", lambda func, workers: None)
    monkeypatch.setattr(analyze, "_write_gpkg", broken)
    with pytest.raises(OSError):
        analyze.write_outputs(_Result(_tables()), tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{n}.csv" for n in _tables())
