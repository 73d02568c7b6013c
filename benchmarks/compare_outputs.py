"""Compare two output folders of ``mining-explorer analyze`` (e.g. before and after a change).

Run::

    mining-explorer analyze --sample --out /tmp/before      # on the old code
    mining-explorer analyze --sample --out /tmp/after       # on the new code
    python benchmarks/compare_outputs.py /tmp/before /tmp/after [--rtol 1e-9] [--ignore file]

Every CSV present in either folder must be present in both, with the same columns and the
same rows: text columns equal, numbers equal to ``rtol`` relative (``atol`` absolute near
zero), NaN where the other has NaN.  Rows are compared in order first; when the order differs
both tables are sorted by every column (numbers rounded to 6 significant digits for the sort)
and compared again, and the report says the order changed.  The layers of ``metrics.gpkg``
are compared the same way (geometries by WKB, or equal to ``atol`` when not byte-equal).
``--ignore COLUMN`` (repeatable) leaves a column out, e.g. ``file`` in ``repairs.csv``, which
names the input's absolute path and so differs between two checkouts.
Exit code 0 when everything matches, 1 otherwise; the differences are printed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["compare_tables", "compare_folders"]


def _numeric(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
            and not pd.api.types.is_bool_dtype(frame[c])]


def _mismatches(a: pd.DataFrame, b: pd.DataFrame, rtol: float, atol: float) -> list[str]:
    out = []
    for col in a.columns:
        x, y = a[col].to_numpy(), b[col].to_numpy()
        if col in _numeric(a) and col in _numeric(b):
            x, y = x.astype(float), y.astype(float)
            same = np.isclose(x, y, rtol=rtol, atol=atol, equal_nan=True)
        else:
            same = np.array([(u == v) or (pd.isna(u) and pd.isna(v))
                             for u, v in zip(x, y)], dtype=bool)
        if not same.all():
            first = int(np.flatnonzero(~same)[0])
            out.append(f"column {col!r}: {int((~same).sum())} rows differ, first at row "
                       f"{first}: {x[first]!r} vs {y[first]!r}")
    return out


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = frame.copy()
    for col in keys.columns:
        if col in _numeric(keys):
            keys[col] = keys[col].astype(float).map(lambda v: float(f"{v:.6g}"))
        else:
            keys[col] = keys[col].astype(str)
    order = keys.sort_values(list(keys.columns), kind="stable").index
    return frame.loc[order].reset_index(drop=True)


def compare_tables(a: pd.DataFrame, b: pd.DataFrame, rtol: float = 1e-9,
                   atol: float = 1e-9) -> list[str]:
    """The differences between two tables (empty when they match)."""
    if list(a.columns) != list(b.columns):
        return [f"columns differ: {list(a.columns)} vs {list(b.columns)}"]
    if len(a) != len(b):
        return [f"row counts differ: {len(a)} vs {len(b)}"]
    a, b = a.reset_index(drop=True), b.reset_index(drop=True)
    problems = _mismatches(a, b, rtol, atol)
    if not problems:
        return []
    sorted_problems = _mismatches(_sorted(a), _sorted(b), rtol, atol)
    if not sorted_problems:
        return ["(rows in a different order; equal once sorted)"]
    return sorted_problems


def _gpkg_tables(path: Path) -> dict[str, pd.DataFrame]:
    import pyogrio
    import shapely

    tables = {}
    for name, _kind in pyogrio.list_layers(path):
        frame = pyogrio.read_dataframe(path, layer=name)
        frame = pd.DataFrame(frame)
        if "geometry" in frame.columns:
            geoms = np.asarray(frame.pop("geometry").values, dtype=object)
            frame["geometry_wkb"] = [None if g is None else shapely.to_wkb(g, hex=True)
                                     for g in geoms]
        tables[f"metrics.gpkg:{name}"] = frame
    return tables


def _folder_tables(folder: Path) -> dict[str, pd.DataFrame]:
    tables = {p.name: pd.read_csv(p, low_memory=False) for p in sorted(folder.glob("*.csv"))}
    if (folder / "metrics.gpkg").exists():
        tables.update(_gpkg_tables(folder / "metrics.gpkg"))
    return tables


def compare_folders(before: Path, after: Path, rtol: float = 1e-9,
                    atol: float = 1e-9, ignore=()) -> dict[str, list[str]]:
    """Per table name, its differences (empty list when it matches); columns named in
    ``ignore`` are left out."""
    a, b = _folder_tables(before), _folder_tables(after)
    for tables in (a, b):
        for name, table in tables.items():
            tables[name] = table.drop(columns=[c for c in ignore if c in table.columns])
    report = {}
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            report[name] = [f"only in {'after' if name not in a else 'before'}"]
        else:
            report[name] = compare_tables(a[name], b[name], rtol, atol)
    return report


def main(argv=None) -> int:
    """Print the comparison; exit 0 when every table matches."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rtol", type=float, default=1e-9)
    parser.add_argument("--atol", type=float, default=1e-9)
    parser.add_argument("--ignore", action="append", default=[], metavar="COLUMN")
    args = parser.parse_args(argv)
    report = compare_folders(args.before, args.after, args.rtol, args.atol, args.ignore)
    failed = False
    for name, problems in report.items():
        real = [p for p in problems if not p.startswith("(")]
        failed |= bool(real)
        print(f"{'DIFF' if real else 'ok  '} {name}" + (f"  {problems[0]}" if problems and not real else ""))
        for problem in real:
            print(f"       {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
