"""Small array helpers for the analysis steps."""
from __future__ import annotations

import numpy as np

__all__ = ["distinct", "take"]


def distinct(values) -> np.ndarray:
    """The sorted distinct values of a 1-D array, as ``np.unique(values)``.

    Sorting and dropping repeats: numpy 2.4's ``np.unique`` (without ``return_inverse``)
    hashes integers instead, about a hundred times slower on a million pair keys spread over
    a large range.
    """
    out = np.sort(np.asarray(values).ravel())
    if len(out) < 2:
        return out
    return out[np.r_[True, out[1:] != out[:-1]]]


def take(column, rows):
    """The values of a pandas column at the positions ``rows``, kept in the column's own
    array type (an Arrow string column stays one: no round trip through Python strings,
    ten times faster on the national tables)."""
    return column.array.take(np.asarray(rows, dtype=np.int64))
