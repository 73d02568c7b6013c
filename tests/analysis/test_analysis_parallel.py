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


def test_chunks_shrink_towards_the_end_with_several_workers():
    sizes = [b - a for a, b in chunk_bounds(200_000, workers=2)]
    assert sum(sizes) == 200_000 and max(sizes) == 25_000
    assert all(x >= y for x, y in zip(sizes, sizes[1:]))  # never growing
    assert all(s >= 5_000 for s in sizes[:-1]) and sizes[-2] == 5_000  # finer at the end
    assert [b - a for a, b in chunk_bounds(200_000, workers=1)] == [50_000] * 4


def test_forked_workers_match_in_process():
    serial = run_chunks(_task, 3, 40, workers=1, min_chunk=7)
    forked = run_chunks(_task, 3, 40, workers=2, min_chunk=7)
    assert sum(forked, []) == sum(serial, []) == [3 * i for i in range(40)]
    assert len(forked) > 1


def test_cancel_in_process():
    with pytest.raises(AnalysisCancelled):
        run_chunks(_task, 1, 40, workers=1, cancelled=lambda: True, min_chunk=7)


def test_no_fork_from_another_thread_or_beside_a_qt_application(monkeypatch):
    import sys
    import threading
    import types

    from explorer.analysis import parallel

    seen = []
    worker = threading.Thread(target=lambda: seen.append(parallel.fork_is_safe()))
    worker.start()
    worker.join()
    assert seen == [False]
    app = types.SimpleNamespace(QCoreApplication=types.SimpleNamespace(instance=lambda: object()))
    monkeypatch.setitem(sys.modules, "PySide6.QtCore", app)
    assert not parallel.fork_is_safe()
    assert parallel.start_beside(lambda: 1, workers=2) is None


@pytest.fixture
def forking(monkeypatch):
    """Allow forking in the test process (a QApplication exists, but no Qt thread runs)."""
    from explorer.analysis import parallel

    monkeypatch.setattr(parallel, "fork_is_safe", lambda: True)
    return parallel


def _pid_and(value):
    import os

    return os.getpid(), value


def test_beside_returns_the_value_computed_in_another_process(forking):
    import os

    beside = forking.start_beside(lambda: _pid_and([1, 2, 3]), workers=2)
    assert beside is not None
    pid, value = beside.result()
    assert value == [1, 2, 3] and pid != os.getpid()
    beside.stop()                                  # idempotent
    assert forking.start_beside(lambda: 1, workers=1) is None


def test_beside_failure_gives_none_and_cancel_stops_the_child(forking):
    import time

    def boom():
        raise ValueError("bad input")

    assert forking.start_beside(boom, workers=2).result() is None
    assert forking.start_beside(lambda: lambda: 0, workers=2).result() is None   # not picklable
    slow = forking.start_beside(lambda: time.sleep(60), workers=2)
    with pytest.raises(AnalysisCancelled):
        slow.result(cancelled=lambda: True)
    assert not slow._process.is_alive()            # terminated, not waited for


def test_forked_chunks_really_fork(forking):
    import os

    parts = forking.run_chunks(lambda state, a, b: os.getpid(), None, 40, workers=2, min_chunk=7)
    assert len(parts) > 1 and os.getpid() not in parts


def test_chunks_inside_a_beside_process_run_there(forking):
    """A Beside process is a daemon, which may not start workers: its chunks run in it,
    and it still delivers the value instead of failing (and the parent redoing the work)."""
    import os

    def chunks_beside():
        parts = forking.run_chunks(lambda state, a, b: (os.getpid(), list(range(a, b))),
                                   None, 40, workers=2, min_chunk=7)
        return os.getpid(), parts, forking.start_beside(lambda: 1, workers=2)

    pid, parts, nested = forking.start_beside(chunks_beside, workers=2).result()
    assert pid != os.getpid() and len(parts) > 1
    assert {p for p, _ in parts} == {pid}          # in the Beside process itself
    assert sum((chunk for _, chunk in parts), []) == list(range(40))
    assert nested is None


@pytest.mark.parametrize("aside", [None, ("downstream", "rasters"), ("overlap", "downstream")])
def test_side_steps_in_a_forked_process_give_the_same_tables(forking, monkeypatch, aside):
    """Steps run in a forked process beside the others (workers=2) give what all steps in
    one process give: the steps a few subjects send aside (proximity and rasters), those
    many subjects send aside (downstream and rasters), and another choice."""
    from dataclasses import replace

    import pandas as pd
    import shapely
    from pyproj import Transformer

    from explorer.analysis import AnalysisSettings, run_analysis
    from explorer.analysis import run as run_module
    from explorer.analysis.run import resolve_layers
    from layers.catalogue import load_sample_project
    from layers.model import RasterLayer
    from layers.roles import Role

    layers = resolve_layers(load_sample_project())
    raster = next(layer for layer in layers if isinstance(layer, RasterLayer))
    to_geo = Transformer.from_crs(raster.crs, "EPSG:4326", always_xy=True)
    extent = shapely.box(*to_geo.transform_bounds(*raster.bounds))
    titles = next(layer for layer in layers
                  if not isinstance(layer, RasterLayer) and Role(layer.role) == Role.CONCESSION)
    near = titles.geographic().intersects(extent).to_numpy()
    small = replace(titles, frame=titles.frame[near].iloc[:20], _geographic=None)
    layers = [small if layer is titles else layer for layer in layers]
    started, delivered = [], []
    monkeypatch.setattr(run_module, "start_beside",
                        lambda *a: started.append(forking.start_beside(*a)) or started[-1])
    real_result = forking.Beside.result
    monkeypatch.setattr(forking.Beside, "result", lambda self, cancelled=None: delivered.append(
        real_result(self, cancelled)) or delivered[-1])
    settings = AnalysisSettings(rings_km=(1.0, 5.0), reach_km=50.0, workers=1)
    alone = run_analysis(layers, settings)
    if aside is not None:
        monkeypatch.setattr(run_module, "_steps_aside", lambda *args: aside)
    beside = run_analysis(layers, replace(settings, workers=2))
    assert started[0] is None and started[1] is not None
    assert delivered[-1] is not None               # the child's tables, not the parent's redo
    assert set(delivered[-1]["steps"]) == set(aside or ("proximity", "rasters"))
    assert len(alone.table("raster_stats")) and len(alone.table("downstream"))
    assert alone.notes == beside.notes
    assert [name for name, _ in alone.timings] == [name for name, _ in beside.timings]
    for name, table in alone.tables().items():
        pd.testing.assert_frame_equal(table, beside.tables()[name])
    pd.testing.assert_frame_equal(alone.overlap_geometries, beside.overlap_geometries)

    # the forked steps fail: the parent runs them itself and gets the same tables
    import os

    parent, real = os.getpid(), run_module._Steps.run_aside

    def fails_in_child(*args, **kwargs):
        if os.getpid() != parent:
            raise RuntimeError("worker died")
        return real(*args, **kwargs)

    monkeypatch.setattr(run_module._Steps, "run_aside", fails_in_child)
    fractions = []
    again = run_analysis(layers, replace(settings, workers=2),
                         progress=lambda fraction, message: fractions.append(fraction))
    assert started[2] is not None
    assert fractions == sorted(fractions) and fractions[-1] == 1.0  # never back, also on a rerun
    for name, table in alone.tables().items():
        pd.testing.assert_frame_equal(table, again.tables()[name])


def test_piece_indexes_built_beside_equal_those_built_here(forking, monkeypatch):
    """With workers, the piece indexes are built in a forked process while the subjects are
    densified: the same pieces, owners and areas, and the densified features sent back; if
    that process fails, they are built here."""
    import numpy as np
    import shapely
    from shapely.geometry import Point

    from analysis_fixtures import layer, square
    from explorer.analysis import pieces
    from explorer.analysis.frames import sensitive_frames, subject_frame
    from explorer.analysis.pieces import PreparedInputs
    from layers.roles import Role

    park = Point(10, 1).buffer(0.5, quad_segs=400)  # 1,600 vertices: cut into pieces
    layers = [layer("c", Role.CONCESSION, [square(10.0, 1.0, 2_000)]),
              layer("pa", Role.PROTECTED_AREA, [park, square(11.0, 1.0, 5_000)]),
              layer("ti", Role.INDIGENOUS_TERRITORY, [square(12.0, 1.0, 3_000)])]
    roles = (Role.PROTECTED_AREA, Role.INDIGENOUS_TERRITORY)
    subjects, sensitive = subject_frame(layers), sensitive_frames(layers, roles)
    assert pieces._shared_out(sensitive, 2) == [[Role.PROTECTED_AREA],
                                                [Role.INDIGENOUS_TERRITORY]]
    assert pieces._shared_out(sensitive, 1) == [[Role.PROTECTED_AREA,
                                                 Role.INDIGENOUS_TERRITORY]]
    here = PreparedInputs(subjects, sensitive, 500.0).index(Role.PROTECTED_AREA)
    beside = PreparedInputs(subjects, sensitive, 500.0, workers=2)
    assert len(beside._building) == 2  # one process per role
    densified_here = PreparedInputs(subjects, sensitive, 500.0).fgeoms(Role.PROTECTED_AREA)
    with monkeypatch.context() as patch:
        patch.setattr(pieces, "_densified", lambda *a: 1 / 0)  # here, not in the forks
        built = beside.index(Role.PROTECTED_AREA)
        densified_beside = beside.fgeoms(Role.PROTECTED_AREA)
        assert len(beside.index(Role.INDIGENOUS_TERRITORY)) == 1
    assert len(here) > 2 and len(built) == len(here)
    assert shapely.equals_exact(built.pieces, here.pieces, tolerance=0).all()
    assert np.array_equal(built.owner, here.owner) and np.array_equal(built.area_m2, here.area_m2)
    assert len(built.tree.query(park.centroid)) >= 1
    assert shapely.equals_exact(densified_beside, densified_here, tolerance=0).all()
    monkeypatch.setattr(PreparedInputs, "_index_parts", lambda self, roles: 1 / 0)
    failed = PreparedInputs(subjects, sensitive, 500.0, workers=2)
    assert len(failed.index(Role.PROTECTED_AREA)) == len(here)


def test_kernel_compiled_beside_then_loaded_here(forking, monkeypatch):
    """A national run compiles the ring-area kernel in a forked process while the layers are
    prepared (numba caches it); the parent then loads it before its own workers fork."""
    from analysis_fixtures import layer, square
    from explorer.analysis import clip_area, pieces, rings
    from explorer.analysis.frames import sensitive_frames, subject_frame
    from explorer.analysis.pieces import PreparedInputs
    from layers.roles import Role

    monkeypatch.setattr(pieces, "COMPILED_AREAS_FROM", 1)
    monkeypatch.setattr(pieces, "COMPILE_BESIDE_FROM", 1)
    monkeypatch.setattr(rings, "COMPILED_AREAS_FROM", 1)
    layers = [layer("c", Role.CONCESSION, [square(10.0, 1.0, 2_000)]),
              layer("pa", Role.PROTECTED_AREA, [square(10.1, 1.0, 5_000)])]
    roles = (Role.PROTECTED_AREA,)
    subjects, sensitive = subject_frame(layers), sensitive_frames(layers, roles)
    assert PreparedInputs(subjects, sensitive, 500.0, workers=1)._compiling is None
    prepared = PreparedInputs(subjects, sensitive, 500.0, workers=2)
    assert prepared._compiling is not None
    prepared.load_kernel()
    assert prepared._compiling is None and clip_area._pairs.signatures
    from explorer.analysis import _notches_kernel

    assert _notches_kernel.fill_rings.signatures  # both kernels ready before workers fork


def _geometry_task(state, start, stop):
    import numpy as np
    import shapely

    geoms = shapely.buffer(shapely.points(np.arange(start, stop, dtype=float), 0.0), 0.4)
    geoms[np.arange(start, stop) % 3 == 0] = None  # missing ones travel too
    return [{"geometry": geoms, "n": np.arange(start, stop)}], (geoms[:1], "text")


def test_geometries_travel_back_from_forked_workers_as_they_were(forking):
    import numpy as np
    import shapely

    serial = forking.run_chunks(_geometry_task, None, 30, workers=1, min_chunk=7)
    forked = forking.run_chunks(_geometry_task, None, 30, workers=2, min_chunk=7)
    assert len(forked) > 1
    a, b = (np.concatenate([rows[0]["geometry"] for rows, _ in parts])
            for parts in (serial, forked))
    assert b.dtype == object and len(a) == len(b) == 30
    assert (shapely.is_missing(a) == shapely.is_missing(b)).all()
    assert shapely.equals_exact(a, b, tolerance=0).sum() == (~shapely.is_missing(a)).sum()
    for rows, (one, text) in forked:
        assert type(rows) is list and type(one) is np.ndarray and text == "text"
        assert rows[0]["n"].dtype.kind == "i"


def test_only_arrays_of_geometries_are_packed():
    import numpy as np
    import shapely

    from explorer.analysis.parallel import _Geometries, _packed, _unpacked

    mixed = np.array([shapely.Point(0, 0), "a"], dtype=object)
    value = {"g": np.array([shapely.Point(1, 2), None], dtype=object), "m": mixed,
             "e": np.zeros(0, dtype=object), "k": (1, [2.5])}
    packed = _packed(value)
    assert isinstance(packed["g"], _Geometries)
    assert packed["m"] is mixed and packed["e"] is value["e"] and packed["k"] == (1, [2.5])
    back = _unpacked(packed)
    assert back["g"][0].equals(shapely.Point(1, 2)) and back["g"][1] is None
