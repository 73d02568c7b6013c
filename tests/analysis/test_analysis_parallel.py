"""Chunks in forked workers give the same results, in order, as in-process."""
import pytest

from explorer.analysis.parallel import chunk_bounds, run_chunks
from explorer.analysis.settings import AnalysisCancelled


def _task(state, start, stop):
    return [state * i for i in range(start, stop)]


def test_chunks_cover_the_range_in_order():
    bounds = chunk_bounds(23, workers=2, min_chunk=5)
    assert bounds[0][0] == 0 and bounds[-1][1] == 23
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    assert chunk_bounds(0, 2) == []


def test_forked_workers_match_in_process():
    serial = run_chunks(_task, 3, 40, workers=1, min_chunk=7)
    forked = run_chunks(_task, 3, 40, workers=2, min_chunk=7)
    assert sum(forked, []) == sum(serial, []) == [3 * i for i in range(40)]
    assert len(forked) > 1


def test_cancel_in_process():
    with pytest.raises(AnalysisCancelled):
        run_chunks(_task, 1, 40, workers=1, cancelled=lambda: True, min_chunk=7)
