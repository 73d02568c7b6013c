"""fewer_collections raises the collector's young threshold for a block and always restores it."""
import gc
import threading

import pytest

from explorer.analysis.collector import fewer_collections


@pytest.fixture
def default_threshold():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_raised_inside_and_restored_after(default_threshold):
    with fewer_collections(20_000):
        assert gc.get_threshold() == (20_000, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_after_an_error(default_threshold):
    with pytest.raises(ValueError):
        with fewer_collections(20_000):
            raise ValueError("boom")
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_blocks_keep_the_higher_threshold_until_the_outer_one_ends(default_threshold):
    with fewer_collections(20_000):
        with fewer_collections(500):
            assert gc.get_threshold()[0] == 20_000
        assert gc.get_threshold()[0] == 20_000
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_blocks_in_threads_restore_the_callers_threshold(default_threshold):
    entered, release = threading.Event(), threading.Event()

    def other():
        with fewer_collections(30_000):
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    with fewer_collections(20_000):
        thread.start()
        assert entered.wait(5)
    assert gc.get_threshold()[0] == 30_000   # the thread's block is still open
    release.set()
    thread.join(5)
    assert gc.get_threshold() == (700, 10, 10)


def test_run_analysis_leaves_the_threshold_as_it_found_it(default_threshold):
    from explorer.analysis import run_analysis

    run_analysis([])
    assert gc.get_threshold() == (700, 10, 10)
