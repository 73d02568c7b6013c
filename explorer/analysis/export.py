"""CSV export of the analysis tables, safe to open in a spreadsheet.

CSV formula injection: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and some also treat a leading tab or carriage return as a way in).  Following the OWASP rule,
every *text* cell that starts with one of these characters is written with a single quote in
front (``'=HYPERLINK(...)``).  Numeric columns are left alone, so a negative number stays a
number.  Only the CSV files are changed: ``metrics.gpkg`` keeps the raw values.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["FORMULA_STARTS", "neutralise_cell", "safe_csv_frame", "write_table_csv"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Text that is just a number (``-12``, ``+3.5e-2``): a spreadsheet reads it as that number.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def neutralise_cell(value):
    """``value`` with a leading single quote when it is text that could start a formula
    (text that is only a signed number, such as ``-12``, is left as it is)."""
    if (isinstance(value, str) and value.startswith(FORMULA_STARTS)
            and not _PLAIN_NUMBER.fullmatch(value)):
        return "'" + value
    return value


def safe_csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` without geometry, whose text columns cannot start a formula.

    Only object/string columns are touched (numbers, booleans and dates keep their type);
    ``None`` becomes an empty cell as before.
    """
    out = pd.DataFrame(frame.drop(columns=[c for c in frame.columns if c == "geometry"]))
    for column in out.columns:
        dtype = out[column].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            out[column] = out[column].astype(object)
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = _neutralised(out[column])
    return out


def _neutralised(column: pd.Series) -> pd.Series:
    """``column`` with :func:`neutralise_cell` applied once per distinct value (a table repeats
    its ids, names and roles on many rows); missing values are kept as they are.  Columns
    that mix text with other values are done cell by cell (``1`` and ``True`` hash alike)."""
    if isinstance(column.dtype, pd.StringDtype) and not _any_formula_start(column):
        return column  # nothing to neutralise: kept as it is (a vectorised test)
    values = column.astype(object)
    if pd.api.types.infer_dtype(values, skipna=True) != "string":
        return values.map(neutralise_cell)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    fixed = np.array([neutralise_cell(v) for v in uniques] + [None], dtype=object)
    out = fixed[codes]  # code -1 picks the trailing None, replaced by the original below
    missing = codes < 0
    out[missing] = values.to_numpy()[missing]
    return pd.Series(out, index=column.index, name=column.name)


def _any_formula_start(column: pd.Series) -> bool:
    """Whether any cell of a string column starts with one of :data:`FORMULA_STARTS`."""
    return bool(column.str.startswith(FORMULA_STARTS).fillna(False).any())


def write_table_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write one table as UTF-8 CSV (``\\n`` line ends) with formula cells neutralised."""
    path = Path(path)
    safe_csv_frame(frame).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path
