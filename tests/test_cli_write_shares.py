"""The CSV files are shared between the main process and the GeoPackage's writer
(explorer.commands.analyze._csv_shares): every table is written once, by one of them."""
from __future__ import annotations

import pandas as pd

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
