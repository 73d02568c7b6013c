"""Orchestration: from a project or a list of layers to one :class:`AnalysisResult`.

``run_analysis`` is the one function the GUI worker, the CLI and notebooks call.  It reports
progress through a plain callable and checks a plain ``cancelled()`` callable between chunks,
raising :class:`AnalysisCancelled` promptly.

Hand-over to the downstream, raster and partnership steps (each called only if importable):

- ``downstream.downstream_table(subjects, basins, basin_mapping, sensitive, rivers, reach_km,
  progress=None, cancelled=None)`` where ``subjects`` is the subject frame, ``basins`` the
  basin layer's :meth:`~layers.model.VectorLayer.geographic` frame (all source attributes kept),
  ``basin_mapping`` its :class:`~layers.model.FieldMapping`, ``sensitive`` a dict
  ``Role -> feature frame`` and ``rivers`` a feature frame of the river layers or ``None``;
- ``rasters.raster_tables(rasters, zones, settings)`` where ``zones`` is a feature frame of the
  subjects plus their rings, with an extra column ``zone`` (``"subject"`` or ``"ring_<r>km"``)
  and ``subject_uid``;
- ``partnerships.partnership_table(projects_layer, overlaps, proximity)`` where
  ``projects_layer`` is the project registry (if the source carries one) or the project
  :class:`~layers.model.VectorLayer` or ``None``.
"""
from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import geopandas as gpd
import pandas as pd

from layers.errors import LayerError
from layers.model import RasterLayer, VectorLayer
from layers.roles import Role

from .collector import fewer_collections
from .overlap import overlap_tables
from .parallel import Beside, chunk_bounds, start_beside
from .pieces import PreparedInputs
from .proximity import proximity_table, ring_counts, ring_zones
from .frames import feature_frame, sensitive_frames, subject_frame, vector_layers
from .repairs import repairs_table
from .results import AnalysisResult, InputRecord
from .settings import (
    AnalysisSettings,
    CancelledCallback,
    ProgressCallback,
    checkpoint,
    forward_progress,
    scaled_progress,
)

__all__ = ["run_analysis", "resolve_layers"]


def resolve_layers(source: Any) -> list[VectorLayer | RasterLayer]:
    """The layers of ``source``: a ``layers.project.Project`` or a sequence of layers."""
    if isinstance(source, (VectorLayer, RasterLayer)):
        return [source]
    if isinstance(source, Sequence) and not isinstance(source, (str, bytes)):
        return [layer for layer in source if isinstance(layer, (VectorLayer, RasterLayer))]
    from layers.project import open_project_layers  # the project model, imported late

    return list(open_project_layers(source))


def run_analysis(
    source: Any,
    settings: AnalysisSettings | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
) -> AnalysisResult:
    """Run every metric on ``source`` (a Project or a sequence of Vector/RasterLayers).

    ``progress(fraction, message)`` is called with fractions rising from 0 to 1;
    ``cancelled()`` is polled between chunks and :class:`AnalysisCancelled` raised when it
    returns True.  Steps whose inputs are missing give empty tables and a note.
    """
    with fewer_collections():
        return _run(source, settings, progress, cancelled)


def _run(source, settings, progress, cancelled) -> AnalysisResult:
    settings = settings or _project_settings(source) or AnalysisSettings()
    timer = _Timer()
    progress = forward_progress(progress)
    checkpoint(progress, cancelled, 0.0, "Preparing layers")
    layers = resolve_layers(source)
    with timer("prepare"):
        subjects = subject_frame(layers)
        sensitive = sensitive_frames(layers, settings.roles)
    notes: list[str] = []
    if not len(subjects):
        notes.append("No concession or project features: nothing to measure.")
    with timer("prepare"):
        prepared = PreparedInputs(subjects, sensitive, settings.densify_m, settings.edges,
                                  settings.workers)
    steps = _Steps(layers, subjects, sensitive, settings, prepared)
    aside = _steps_aside(subjects, settings)
    if {"overlap", "proximity"} & set(aside):
        with timer("prepare"):
            for role in sensitive:
                prepared.index(role)  # built once, before the fork, for both processes
    done = _run_steps(steps, aside, timer, progress, cancelled)
    tables = {name: table for step in STEPS for name, table in done[step]["tables"].items()}
    notes.extend(note for name in STEPS for note in done[name]["notes"])
    geometries = tables.pop("_overlap_geometries", None)
    checkpoint(progress, cancelled, 0.96, "Partnerships")
    with timer("partnerships"):
        tables["partnerships"] = _partnerships(source, layers, tables, notes)
    tables["repairs"] = repairs_table(layers)
    checkpoint(progress, cancelled, 1.0, "Done")
    return AnalysisResult(
        settings=settings,
        inputs=tuple(_input_record(layer) for layer in layers),
        timings=tuple(timer.steps),
        notes=tuple(notes),
        _tables={k: v for k, v in tables.items() if v is not None},
        _geometries=geometries,
    )


#: The steps after the preparation, in the order they run in one process.
STEPS = ("overlap", "proximity", "downstream", "rasters")


def _run_steps(steps: "_Steps", aside: tuple[str, ...], timer: "_Timer", progress,
               cancelled) -> dict:
    """Every step of :data:`STEPS`: those of ``aside`` in a forked process (when one may be
    started and they have work) while this one runs the others, and all here otherwise or
    if the forked process fails.  Step name -> ``{"tables": ..., "notes": [...]}``."""
    beside = _start_beside(steps, aside)
    here = tuple(name for name in STEPS if beside is None or name not in aside)
    try:
        done = steps.run(here, timer, progress, cancelled)
        side = beside.result(cancelled) if beside is not None else None
    finally:
        if beside is not None:
            beside.stop()
    if beside is not None and side is None:  # the child failed: its steps run here
        side = steps.run_aside(aside, progress, cancelled)
    if side is not None:
        done.update(side["steps"])
        timer.add(side["timings"])
    return done


def _steps_aside(subjects, settings) -> tuple[str, ...]:
    """The steps for a forked process beside this one.  When the subjects fit in one chunk
    (the overlap and proximity steps would each run in this process alone), the proximity
    and raster steps go aside and the overlap and downstream steps stay: the two halves take
    about as long.  Otherwise the overlap and proximity steps fork their own workers, and
    the downstream and raster steps go aside."""
    if settings.workers > 1 and len(chunk_bounds(len(subjects), settings.workers)) <= 1:
        return ("proximity", "rasters")
    return ("downstream", "rasters")


def _start_beside(steps: "_Steps", aside: tuple[str, ...]) -> Beside | None:
    """``steps.run_aside(aside)`` started in a forked process when ``settings.workers`` > 1,
    forking is safe and those steps have work; else None."""
    if not any(steps.has_work(name) for name in aside):
        return None
    return start_beside(partial(steps.run_aside, aside), steps.settings.workers)


class _Steps:
    """The analysis steps after the preparation, on prepared inputs (:data:`STEPS`)."""

    def __init__(self, layers, subjects, sensitive, settings, prepared) -> None:
        self.layers, self.subjects, self.sensitive = layers, subjects, sensitive
        self.settings, self.prepared = settings, prepared

    def has_work(self, name: str) -> bool:
        """False when step ``name`` would give no table at once (no subject, no input)."""
        if not len(self.subjects):
            return False
        if name == "rasters":
            return any(isinstance(layer, RasterLayer) for layer in self.layers)
        if name == "downstream":
            return any(Role(layer.role) == Role.BASIN for layer in vector_layers(self.layers))
        return True

    def run(self, names, timer: "_Timer", progress=None, cancelled=None) -> dict:
        """Run the steps ``names`` here, each timed by ``timer``: step name -> ``{"tables":
        {...}, "notes": [...]}``."""
        done = {}
        for name in names:
            notes: list[str] = []
            with timer(name):
                tables = getattr(self, f"_{name}")(notes, progress, cancelled)
            done[name] = {"tables": tables, "notes": notes}
        return done

    def run_aside(self, names, progress=None, cancelled=None) -> dict:
        """:meth:`run` with its own timer, as a forked process returns it: ``{"steps": ...,
        "timings": ...}``."""
        timer = _Timer()
        return {"steps": self.run(names, timer, progress, cancelled), "timings": timer.steps}

    def _overlap(self, notes, progress, cancelled) -> dict:
        """The overlap tables, with the overlap geometries under ``"_overlap_geometries"``."""
        out = overlap_tables(self.subjects, self.sensitive, self.settings,
                             prepared=self.prepared,
                             progress=scaled_progress(progress, 0.02, 0.45),
                             cancelled=cancelled)
        return {**out.tables, "_overlap_geometries": out.geometries}

    def _proximity(self, notes, progress, cancelled) -> dict:
        table = proximity_table(self.subjects, self.sensitive, self.settings,
                                prepared=self.prepared,
                                progress=scaled_progress(progress, 0.45, 0.8),
                                cancelled=cancelled)
        return {"proximity": table, "rings": ring_counts(table, self.settings.rings_km)}

    def _downstream(self, notes, progress, cancelled) -> dict:
        checkpoint(progress, cancelled, 0.8, "Downstream basins")
        return {"downstream": _downstream(self.layers, self.subjects, self.sensitive,
                                          self.settings, progress, cancelled, notes)}

    def _rasters(self, notes, progress, cancelled) -> dict:
        checkpoint(progress, cancelled, 0.88, "Raster statistics")
        return {"raster_stats": _rasters(self.layers, self.subjects, self.settings, notes)}


def _project_settings(source: Any) -> AnalysisSettings | None:
    data = getattr(source, "settings", None)
    if isinstance(data, AnalysisSettings):
        return data
    if isinstance(data, dict):
        try:
            return AnalysisSettings.from_dict(data.get("analysis", data))
        except (TypeError, ValueError):
            return None
    return None


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(f"explorer.analysis.{module}"), name)
    except (ImportError, AttributeError):
        return None


def _downstream(layers, subjects, sensitive, settings, progress, cancelled, notes):
    func = _optional("downstream", "downstream_table")
    basins = [l for l in vector_layers(layers) if Role(l.role) == Role.BASIN]
    if func is None or not basins or not len(subjects):
        if not basins:
            notes.append("No basin layer: downstream analysis skipped.")
        return None
    rivers_layers = [l for l in vector_layers(layers) if Role(l.role) == Role.RIVER]
    rivers = (pd.concat([feature_frame(l) for l in rivers_layers], ignore_index=True)
              if rivers_layers else None)
    if rivers is not None:
        rivers = gpd.GeoDataFrame(rivers, geometry="geometry", crs="EPSG:4326")
    basin = basins[0]
    try:
        return func(subjects, basin.geographic(), basin.mapping, sensitive, rivers,
                    settings.reach_km, progress=scaled_progress(progress, 0.8, 0.88),
                    cancelled=cancelled)
    except LayerError as exc:  # the step knows the frame, not the file: name the file
        if exc.path == basin.provenance.path:
            raise
        kind = type(exc) if type(exc).__init__ is LayerError.__init__ else LayerError
        raise kind(basin.provenance.path, exc.problem) from exc


def _rasters(layers, subjects, settings, notes):
    func = _optional("rasters", "raster_tables")
    rasters = [l for l in layers if isinstance(l, RasterLayer)]
    if func is None or not rasters or not len(subjects):
        return None
    near = _subjects_near_rasters(subjects, rasters, max(settings.rings_km, default=0.0))
    if not len(near):
        notes.append("No concession or project near the rasters: raster statistics skipped.")
        return None
    return func(rasters, ring_zones(near, settings.rings_km), settings)


def _subjects_near_rasters(subjects, rasters, ring_km: float):
    """The subjects whose largest ring can reach the extent of at least one raster."""
    import numpy as np
    import pyproj
    import shapely

    from .rings import expanded_boxes

    boxes = []
    for raster in rasters:
        to_geo = pyproj.Transformer.from_crs(raster.crs, "EPSG:4326", always_xy=True)
        boxes.append(shapely.box(*to_geo.transform_bounds(*raster.bounds, densify_pts=21)))
    reach = expanded_boxes(np.asarray(subjects.geometry.values), ring_km * 1000.0)
    keep = shapely.STRtree(boxes).query(reach, predicate="intersects")[0]
    return subjects.iloc[np.unique(keep)].reset_index(drop=True)


def _partnerships(source, layers, tables, notes):
    func = _optional("partnerships", "partnership_table")
    if func is None:
        return None
    registry = getattr(source, "registry", None)
    projects = [l for l in vector_layers(layers) if Role(l.role) == Role.PROJECT]
    target = registry if registry is not None else (projects[0] if projects else None)
    if target is None:
        return None
    return func(target, tables.get("overlaps"), tables.get("proximity"))


def _input_record(layer: VectorLayer | RasterLayer) -> InputRecord:
    prov = layer.provenance
    count = len(layer.frame) if isinstance(layer, VectorLayer) else 0
    return InputRecord(name=layer.name, role=Role(layer.role).value, kind=layer.kind,
                       path=prov.path, sha256=prov.sha256, feature_count=count,
                       original_crs=prov.original_crs)


class _Timer:
    #: Steps in the order they are reported, wherever they ran.
    ORDER = ("prepare", "overlap", "proximity", "downstream", "rasters", "partnerships")

    def __init__(self) -> None:
        self.steps: list[tuple[str, float]] = []

    def add(self, steps) -> None:
        """Add steps timed elsewhere (summing repeated names) and keep the report order."""
        total: dict[str, float] = {}
        for name, seconds in [*self.steps, *steps]:
            total[name] = round(total.get(name, 0.0) + seconds, 4)
        rank = {name: k for k, name in enumerate(self.ORDER)}
        self.steps = sorted(total.items(), key=lambda item: rank.get(item[0], len(rank)))

    def __call__(self, name: str) -> "_Timer":
        self._name = name
        return self

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.add([(self._name, round(time.perf_counter() - self._start, 4))])
