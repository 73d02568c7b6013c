import numpy as np
import pytest

from explorer.analysis.arrays import distinct


@pytest.mark.parametrize("values", [
    np.zeros(0, np.int64), np.array([7]), np.array([3, 3, 3]),
    np.random.default_rng(1).integers(0, 10**12, 5000),
    np.random.default_rng(2).integers(-5, 5, 5000),
    np.array([2.5, -1.0, 2.5, 0.0]),
])
def test_distinct_gives_what_np_unique_gives(values):
    out = distinct(values)
    assert out.dtype == values.dtype
    assert np.array_equal(out, np.unique(values))
