"""Cutting big features into small pieces and finding which pieces meet which subjects.

A national protected-area layer has polygons of tens of thousands of vertices.  Intersecting a
small concession with such a polygon costs as much as the whole polygon; intersecting it with
the one or two small *pieces* it touches costs almost nothing.  :func:`subdivide` cuts each
polygon by halving its bounding box until every piece has at most ``max_vertices`` vertices
(the pieces tile the polygon exactly, so their areas add up to the polygon's).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import shapely

from .geodesy import KERNEL_FROM_COORDS, area_m2, polygon_parts
from .geodesy import warm_up as warm_up_kernels
from .rings import COMPILED_AREAS_FROM, load_kernel

__all__ = ["MAX_VERTICES", "subdivide", "clip_to_boxes", "PieceIndex", "PreparedInputs"]

MAX_VERTICES = 256


def subdivide(geoms, max_vertices: int = MAX_VERTICES) -> tuple[np.ndarray, np.ndarray]:
    """Polygon pieces of ``geoms`` with at most ``max_vertices`` vertices, and their owners."""
    pieces, owner = polygon_parts(np.asarray(geoms, dtype=object))
    done_p, done_o = [], []
    for _ in range(40):
        big = shapely.get_num_coordinates(pieces) > max_vertices
        done_p.append(pieces[~big])
        done_o.append(owner[~big])
        if not big.any():
            break
        pieces, owner = _halve(pieces[big], owner[big])
    return np.concatenate(done_p), np.concatenate(done_o)


def _halve(geoms: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each geometry cut in two across the longer side of its bounding box."""
    first, second = _halves(geoms, shapely.bounds(geoms))
    halves = np.concatenate([first, second])
    parts, idx = polygon_parts(halves)
    keep = ~shapely.is_empty(parts)
    return parts[keep], np.concatenate([owner, owner])[idx[keep]]


def _halves(geoms: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The two halves of each geometry (bounds ``b``) on either side of the middle of its
    longer side.  Each half is clipped to a box reaching well beyond the geometry on its
    three other sides: GEOS's rectangle clipping loses most of a polygon whose edges lie on
    the box's sides (:func:`clip_to_boxes`).  Halves whose areas do not add up to the
    geometry's are cut again by overlay."""
    wide = (b[:, 2] - b[:, 0]) >= (b[:, 3] - b[:, 1])
    pad = 1.0 + np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])
    lo_x, lo_y, hi_x, hi_y = b[:, 0] - pad, b[:, 1] - pad, b[:, 2] + pad, b[:, 3] + pad
    mid_x, mid_y = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
    first_box = np.column_stack([lo_x, lo_y, np.where(wide, mid_x, hi_x),
                                 np.where(wide, hi_y, mid_y)])
    second_box = np.column_stack([np.where(wide, mid_x, lo_x), np.where(wide, lo_y, mid_y),
                                  hi_x, hi_y])
    first, second = clip_to_boxes(geoms, first_box), clip_to_boxes(geoms, second_box)
    lost = ~np.isclose(shapely.area(first) + shapely.area(second), shapely.area(geoms),
                       rtol=1e-9, atol=0.0)
    if lost.any():
        first[lost] = shapely.intersection(geoms[lost], shapely.box(*first_box[lost].T))
        second[lost] = shapely.intersection(geoms[lost], shapely.box(*second_box[lost].T))
    return first, second


def clip_to_boxes(geoms: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Each geometry cut to its box (rows xmin, ymin, xmax, ymax) by GEOS's rectangle
    clipping, several times faster than an overlay on polygons of hundreds of vertices; a
    result that is not valid (the clipping does not promise one) is cut again by overlay.

    Beware: GEOS 3.14's rectangle clipping returns a valid but far too small polygon when
    edges of the polygon lie on two opposite sides of the box (a box that is the polygon's
    bounding box; a known flaw with segments along the box's sides, libgeos/geos pull
    request 605); callers keep the box clear of the polygon on the sides they do not cut
    (:func:`_halves`)."""
    out = np.array([shapely.clip_by_rect(g, *box) for g, box in zip(geoms, boxes.tolist())],
                   dtype=object)
    bad = np.flatnonzero(~shapely.is_valid(out))
    if len(bad):
        out[bad] = shapely.intersection(geoms[bad], shapely.box(*boxes[bad].T))
    return out


@dataclass(frozen=True, eq=False)
class PieceIndex:
    """The polygon pieces of one role's features, their owners and areas, and an STRtree."""

    pieces: np.ndarray
    owner: np.ndarray
    area_m2: np.ndarray
    is_polygon: np.ndarray
    tree: shapely.STRtree

    @classmethod
    def build(cls, geoms, max_vertices: int = MAX_VERTICES) -> "PieceIndex":
        """Subdivide the polygons of ``geoms`` (lon/lat, densified), split the other
        geometries into their parts, and index every piece."""
        geoms = np.asarray(geoms, dtype=object)
        polys, owner = subdivide(geoms, max_vertices)
        other = np.flatnonzero(~np.isin(shapely.get_type_id(geoms), (3, 6)))
        parts, idx = shapely.get_parts(geoms[other], return_index=True)
        pieces = np.concatenate([polys, parts])
        owner = np.concatenate([owner, other[idx]]).astype(np.int64)
        is_polygon = np.r_[np.ones(len(polys), bool), np.zeros(len(parts), bool)]
        shapely.prepare(pieces)
        return cls(pieces, owner, area_m2(pieces), is_polygon, shapely.STRtree(pieces))

    def __len__(self) -> int:
        return len(self.pieces)

    def parts(self) -> tuple:
        """What :meth:`from_parts` needs, cheap to send between processes (pieces as WKB)."""
        return shapely.to_wkb(self.pieces), self.owner, self.area_m2, self.is_polygon

    @classmethod
    def from_parts(cls, wkb, owner, area, is_polygon) -> "PieceIndex":
        """The index whose :meth:`parts` these are."""
        pieces = shapely.from_wkb(wkb)
        shapely.prepare(pieces)
        return cls(pieces, owner, area, is_polygon, shapely.STRtree(pieces))

    @classmethod
    def combine(cls, indexes: list["PieceIndex"]) -> tuple["PieceIndex", np.ndarray]:
        """One index over several (owners renumbered one after another) and the offsets:
        owner ``o`` of the result belongs to index ``k`` where ``offsets[k] <= o <
        offsets[k+1]``."""
        sizes = [int(i.owner.max()) + 1 if len(i) else 0 for i in indexes]
        offsets = np.r_[0, np.cumsum(sizes)]
        pieces = np.concatenate([i.pieces for i in indexes])
        owner = np.concatenate([i.owner + off for i, off in zip(indexes, offsets)])
        return cls(pieces, owner, np.concatenate([i.area_m2 for i in indexes]),
                   np.concatenate([i.is_polygon for i in indexes]),
                   shapely.STRtree(pieces)), offsets


class PreparedInputs:
    """Subjects and features densified once and shared by the overlap and proximity steps."""

    def __init__(self, subjects, sensitive, densify_m: float, edges: str = "straight",
                 workers: int = 1):
        self.subjects = subjects
        self.sensitive = dict(sensitive)
        self.densify_m = densify_m
        self.edges = edges
        self._fgeoms: dict = {}
        self._index: dict = {}
        self._measures: dict = {}
        if workers > 1 and _largest_coordinates(subjects, self.sensitive) >= KERNEL_FROM_COORDS:
            warm_up_kernels()  # before the forks: the processes building indexes inherit them
        self._building = self._start_indexes(workers)
        self._compiling = _start_kernel(len(subjects), workers)
        self.sgeoms = _densified(subjects, densify_m, edges)
        self.s_area = area_m2(self.overlay_sgeoms)  # exact on straight edges: fewer vertices

    @property
    def overlay_sgeoms(self) -> np.ndarray:
        """The subjects for the lon/lat overlay: as they are under the straight edge model
        (densifying a straight lon/lat edge changes no shape, only the vertex count, and
        :func:`geodesy.area_m2` is exact on straight edges), densified otherwise."""
        if self.edges == "straight":
            return np.asarray(self.subjects.geometry.values, dtype=object)
        return self.sgeoms

    def fgeoms(self, role) -> np.ndarray:
        """The densified geometries of one role's features (from the forked process that
        builds the indexes, if one was started: it densifies them anyway)."""
        if role not in self._fgeoms:
            self._collect_indexes()
        if role not in self._fgeoms:
            self._fgeoms[role] = _densified(self.sensitive[role], self.densify_m, self.edges)
        return self._fgeoms[role]

    def measures(self, role) -> tuple[np.ndarray, np.ndarray]:
        """Area (m²) and, for lines only, length (m) of each feature of one role."""
        if role not in self._measures:
            from .geodesy import length_m

            geoms = self.fgeoms(role)
            area = area_m2(geoms)
            lines = np.flatnonzero(np.isin(shapely.get_type_id(geoms), (1, 2, 5)))
            length = np.zeros(len(geoms))
            length[lines] = length_m(geoms[lines])
            self._measures[role] = (area, length)
        return self._measures[role]

    def index(self, role) -> PieceIndex:
        """The piece index of one role's features."""
        if role not in self._index:
            self._collect_indexes()
        if role not in self._index:
            self._index[role] = PieceIndex.build(self.fgeoms(role))
        return self._index[role]

    def load_kernel(self) -> None:
        """Load the compiled ring-area kernel into this process if the subjects are many
        enough to use it (:func:`rings.load_kernel`), once the forked process that compiles it
        is done: on a first run it compiles while the layers are prepared and numba caches it."""
        if self._compiling is not None:
            self._compiling.result()  # None if it failed: load_kernel then compiles here
            self._compiling = None
        load_kernel(len(self.subjects))

    def _start_indexes(self, workers: int) -> list:
        """The roles' piece indexes built in up to ``workers`` forked processes (roles shared
        out by vertex count, :func:`parallel.start_beside`) while this one densifies the
        subjects; empty when there is nothing to index or no process may be forked."""
        if not (self.sensitive and len(self.subjects)) or workers <= 1:
            return []
        from .parallel import start_beside

        started = [start_beside(partial(self._index_parts, roles), workers)
                   for roles in _shared_out(self.sensitive, workers)]
        return [process for process in started if process is not None]

    def _index_parts(self, roles) -> dict:
        """Per role of ``roles``, the parts of its piece index and its densified features as
        WKB (run in a forked process)."""
        out = {}
        for role in roles:
            geoms = _densified(self.sensitive[role], self.densify_m, self.edges)
            out[role] = (PieceIndex.build(geoms).parts(), shapely.to_wkb(geoms))
        return out

    def _collect_indexes(self) -> None:
        """Take the indexes built in the forked processes, if any were started (when one
        failed, :meth:`index` builds its roles' indexes here)."""
        if not self._building:
            return
        self.load_kernel()  # while the forked processes still build the indexes
        building, self._building = self._building, []
        for process in building:
            for role, (parts, fgeoms) in (process.result() or {}).items():
                self._index.setdefault(role, PieceIndex.from_parts(*parts))
                self._fgeoms.setdefault(role, shapely.from_wkb(fgeoms))


def _coordinates(frame) -> int:
    """How many coordinates the geometries of a feature frame hold."""
    return int(shapely.get_num_coordinates(np.asarray(frame.geometry.values)).sum())


def _largest_coordinates(subjects, sensitive: dict) -> int:
    """The most coordinates among the subjects and each role's features."""
    return max(_coordinates(frame) for frame in [subjects, *sensitive.values()])


def _shared_out(sensitive: dict, n: int) -> list[list]:
    """The roles of ``sensitive`` in at most ``n`` groups of about equal vertex counts (the
    largest role first, each into the lightest group)."""
    size = {role: _coordinates(frame) for role, frame in sensitive.items()}
    groups: list[list] = [[] for _ in range(min(n, len(size)))]
    load = [0] * len(groups)
    for role in sorted(size, key=size.get, reverse=True):
        lightest = load.index(min(load))
        groups[lightest].append(role)
        load[lightest] += size[role]
    return groups


#: From this many subjects on, the compiled kernels are compiled (or loaded) in a forked
#: process while the layers are prepared; below it, where the preparation is short, in this
#: process when first needed.
COMPILE_BESIDE_FROM = 20_000


def _start_kernel(n_subjects: int, workers: int):
    """The compiled kernels compiled (or loaded from numba's cache) in a forked process, when
    ``n_subjects`` is large enough (:data:`COMPILE_BESIDE_FROM`) and workers are allowed;
    else None."""
    if n_subjects < max(COMPILED_AREAS_FROM, COMPILE_BESIDE_FROM) or workers <= 1:
        return None
    from .parallel import start_beside

    return start_beside(_compile_kernel, workers)


def _compile_kernel() -> bool:
    from .rings import load_kernel

    load_kernel(COMPILED_AREAS_FROM)
    return True


def _densified(frame, densify_m: float, edges: str) -> np.ndarray:
    from .geodesy import densify_edges

    return densify_edges(np.asarray(frame.geometry.values, dtype=object), densify_m, edges)
