"""Proximity of subjects to the features of each sensitive role.

For each subject and role: every feature within the largest ring, with its geodesic
edge-to-edge distance (0 when they touch or overlap), whether it lies within each ring and
the area (ha) of the feature inside each ring; and the nearest feature, however far.

Roles measured: ``settings.proximity_roles`` (by default not basins: every subject lies in a
basin, and the downstream step says which).

A *ring* of r km is the set of points within r km of the subject, the subject included
(a geodesic buffer, built in a local azimuthal equidistant projection: see :mod:`rings`).
A feature is *within* the ring when its distance is at most r.  Ring areas are given for
polygon features only.  For a role made only of lines (a river network of thousands of
segments) only the nearest line is reported: its distance and the rings it lies within.
:func:`ring_counts` gives, per subject, role and ring, the count and names of the features
within the ring and their total area inside it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import geopandas as gpd
import shapely

from layers.model import ANALYSIS_CRS

from .arrays import distinct, take
from .far import far_distances_m
from .geodesy import GEOD
from .nearest import FlatPaths, nearest_points
from .pieces import PieceIndex, PreparedInputs
from .parallel import run_chunks
from .rings import cells, expanded_boxes, measure_pairs, rings_around
from .results import empty_table
from .settings import MAX_RING_KM, checkpoint

__all__ = ["proximity_table", "ring_label", "ring_zones", "ring_counts"]



def ring_label(km: float) -> str:
    """Column suffix of a ring: ``5km``, ``2.5km``."""
    return f"{km:g}km"


def proximity_table(subjects, sensitive, settings, *, progress=None, cancelled=None,
                    prepared: PreparedInputs | None = None) -> pd.DataFrame:
    """One row per (subject, role, feature) for features within the largest ring, plus the
    nearest feature of each role; see the module docstring for the columns' meaning."""
    if not len(subjects) or not sensitive:
        return empty_table("proximity")
    prepared = prepared or PreparedInputs(subjects, sensitive, settings.densify_m, settings.edges)
    rings_m = np.array(settings.rings_km) * 1000.0
    sensitive = {r: f for r, f in sensitive.items() if r in settings.proximity_roles}
    indexes = {role: prepared.index(role) for role in sensitive}
    indexes = {role: index for role, index in indexes.items() if len(index)}
    area_roles = [r for r, i in indexes.items()
                  if len(rings_m) and np.isin(shapely.get_type_id(i.pieces), (0, 3, 4, 6)).any()]
    near = {}
    if area_roles:  # one pass for every role: each subject's rings are built once
        checkpoint(progress, cancelled, 0.0, "Proximity: rings")
        combined, offsets = PieceIndex.combine([indexes[r] for r in area_roles])
        searches = [_NearestSearch.of(indexes[r], offsets[k], offsets[k + 1])
                    for k, r in enumerate(area_roles)]
        prepared.load_kernel()  # before the workers fork: they inherit it
        pairs = _near_pairs(prepared.sgeoms, combined, rings_m, searches, cancelled,
                            settings.workers)
        for k, role in enumerate(area_roles):
            mine = (pairs["feature"] >= offsets[k]) & (pairs["feature"] < offsets[k + 1])
            near[role] = pairs[mine].assign(feature=pairs["feature"][mine] - offsets[k])
    tables = []
    for k, (role, index) in enumerate(indexes.items()):
        checkpoint(progress, cancelled, 0.5 + k / len(indexes) / 2, f"Proximity to {role.value}")
        pairs = near.get(role, _no_pairs(len(rings_m))).reset_index(drop=True)
        pairs = _with_nearest(prepared.sgeoms, index, pairs, cancelled, settings.workers)
        tables.append(_rows(pairs, subjects, sensitive[role], role.value, settings.rings_km))
    checkpoint(progress, cancelled, 1.0, "Proximity done")
    return pd.concat(tables, ignore_index=True) if tables else empty_table("proximity")


def _query(tree: shapely.STRtree, boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Box query that also looks across the antimeridian."""
    si, pj = tree.query(boxes)
    b = shapely.bounds(boxes)
    out_s, out_p = [si], [pj]
    for shift, cross in ((360.0, b[:, 0] < -180), (-360.0, b[:, 2] > 180)):
        idx = np.flatnonzero(cross)
        if len(idx):
            s2, p2 = tree.query(shapely.transform(boxes[idx], lambda xy, s=shift: xy + [s, 0]))
            out_s.append(idx[s2]), out_p.append(p2)
    si, pj = np.concatenate(out_s), np.concatenate(out_p)
    if len(out_s) > 1:  # a box wider than 360° meets a piece once per shift: count it once
        width = int(pj.max(initial=0)) + 1
        key = distinct(si.astype(np.int64) * width + pj)
        si, pj = key // width, key % width
    return si, pj


def _near_pairs(sgeoms, index: PieceIndex, rings_m, searches, cancelled,
                workers=1) -> pd.DataFrame:
    """(subject, feature) pairs within the largest ring: distance and ring areas (m²); and,
    for each role of ``searches``, the nearest feature of the subjects that have none within
    the rings.  Subjects are taken in the order of their 1° cells, so each chunk projects few
    pieces."""
    order = np.argsort(cells(sgeoms)[0], kind="stable")
    parts = run_chunks(_proximity_chunk, (sgeoms, index, rings_m, order, searches),
                       len(sgeoms), workers, cancelled)
    return pd.concat(parts, ignore_index=True)


def _proximity_chunk(state, start, stop) -> pd.DataFrame:
    sgeoms, index, rings_m, order, searches = state
    radius = float(rings_m.max()) if len(rings_m) else 0.0
    chunk = order[start:stop]
    si, pj = _query(index.tree, expanded_boxes(sgeoms[chunk], radius))
    si = chunk[si]
    dist, areas, hit = measure_pairs(sgeoms, index, si, pj, rings_m)
    out = _per_feature(si[hit], index.owner[pj[hit]], dist[hit], areas[hit])
    out = out[out["distance_m"].to_numpy() <= radius].reset_index(drop=True)
    beyond = [_beyond_rings(sgeoms, chunk, out, search) for search in searches]
    return pd.concat([out, *beyond], ignore_index=True)


def _beyond_rings(sgeoms, chunk: np.ndarray, near: pd.DataFrame,
                  search: "_NearestSearch") -> pd.DataFrame:
    """The nearest feature of ``search``'s role for the subjects of ``chunk`` that have none
    within the rings in ``near`` (features numbered as in the combined index)."""
    feature = near["feature"].to_numpy()
    mine = (feature >= search.first) & (feature < search.stop)
    alone = chunk[~np.isin(chunk, near["subject"].to_numpy()[mine])]
    alone = alone[~shapely.is_empty(sgeoms[alone])]
    found = _nearest_of(sgeoms, search, np.sort(alone))
    return found.assign(feature=found["feature"].to_numpy() + search.first)


def _no_pairs(n_rings: int) -> pd.DataFrame:
    cols = {"subject": np.zeros(0, np.int64), "feature": np.zeros(0, np.int64),
            "distance_m": np.zeros(0)}
    return pd.DataFrame({**cols, **{f"_a{k}": np.zeros(0) for k in range(n_rings)}})


def _per_feature(si, fi, dist, areas) -> pd.DataFrame:
    """One row per (subject, feature): the smallest piece distance and the summed ring areas
    (NaN where every piece's area is NaN: lines, points)."""
    if not len(si):
        return _no_pairs(areas.shape[1])
    key = si.astype(np.int64) * (int(fi.max()) + 1) + fi
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.r_[0, np.flatnonzero(np.diff(key)) + 1]
    with np.errstate(invalid="ignore"):
        best = np.fmin.reduceat(dist[order], starts)
    frame = pd.DataFrame({"subject": si[order][starts], "feature": fi[order][starts],
                          "distance_m": best})
    for k in range(areas.shape[1]):
        col = areas[order, k]
        known = np.add.reduceat((~np.isnan(col)).astype(np.int64), starts)
        total = np.add.reduceat(np.nan_to_num(col), starts)
        frame[f"_a{k}"] = np.where(known > 0, total, np.nan)
    return frame


def _with_nearest(sgeoms, index: PieceIndex, pairs: pd.DataFrame, cancelled,
                  workers: int = 1) -> pd.DataFrame:
    """Mark the nearest feature per subject; find it beyond the rings where needed (in
    chunks of subjects taken in cell order, in ``workers`` processes)."""
    pairs = pairs.assign(nearest=False)
    if len(pairs):
        best = pairs.groupby("subject")["distance_m"].idxmin()
        pairs.loc[best.to_numpy(), "nearest"] = True
    missing = np.setdiff1d(np.arange(len(sgeoms)), pairs["subject"].unique())
    missing = missing[~shapely.is_empty(sgeoms[missing])]
    if not len(missing):
        return pairs
    checkpoint(None, cancelled, 0, "proximity")
    order = missing[np.argsort(cells(sgeoms[missing])[0], kind="stable")]
    state = (sgeoms, _NearestSearch.of(index), order)
    parts = run_chunks(_nearest_chunk, state, len(order), workers, cancelled, min_chunk=1_000)
    far = pd.concat(parts, ignore_index=True).assign(nearest=True)
    return pd.concat([pairs, far], ignore_index=True)


def _nearest_chunk(state, start, stop) -> pd.DataFrame:
    """Nearest feature of the subjects ``order[start:stop]`` (:func:`_nearest_of`)."""
    sgeoms, search, order = state
    return _nearest_of(sgeoms, search, order[start:stop])


def _nearest_of(sgeoms, search: "_NearestSearch", sub: np.ndarray) -> pd.DataFrame:
    """Nearest feature of subjects ``sub``: the piece with the nearest bounding box gives an
    upper bound; the cells of pieces that may hold a nearer one, then their pieces, are kept
    by distance bounds, and those pieces are measured."""
    index, boxes, clusters = search.index, search.boxes, search.clusters
    if not len(sub):
        return pd.DataFrame({"subject": sub, "feature": np.zeros(0, np.int64),
                             "distance_m": np.zeros(0)})
    near = boxes.query_nearest(shapely.envelope(sgeoms[sub]), all_matches=False)
    subjects = sub[near[0]]
    d0 = _upper_bound_m(sgeoms[subjects], index.pieces, near[1])
    remote = d0 > CLUSTER_FROM_M
    si, pj = _query(index.tree, expanded_boxes(sgeoms[subjects[~remote]], d0[~remote]))
    si = subjects[~remote][si]
    if remote.any():  # far away: through the cells of pieces first
        fi, ck = _query(clusters.tree, expanded_boxes(sgeoms[subjects[remote]], d0[remote]))
        fi, pk = clusters.expand(*_prune_far(sgeoms, clusters.reach, subjects[remote][fi], ck))
        si, pj = np.r_[si, fi], np.r_[pj, pk]
    si, pj = _prune_far(sgeoms, search.reach, si, pj)
    dist = np.empty(len(si))
    local = ~np.isin(si, subjects[d0 > LOCAL_MAX_M])  # the others are far: see module far
    dist[local] = measure_pairs(sgeoms, index, si[local], pj[local])[0]
    dist[~local] = far_distances_m(sgeoms, index.pieces, si[~local], pj[~local])
    found = pd.DataFrame({"subject": si, "feature": index.owner[pj], "distance_m": dist})
    found = found.sort_values(["subject", "distance_m", "feature"], kind="stable")
    return found.drop_duplicates("subject")  # ties (0 m: two rivers cross it): lowest feature


@dataclass(frozen=True, eq=False)
class _NearestSearch:
    """What the nearest-feature search of one role needs, built once before any fork: its
    piece index, an STRtree of the pieces' boxes, their cells, the centre and radius of each
    piece's box (:func:`_centre_radius`), and the range of feature numbers ``first:stop``
    the role takes in a combined index (:meth:`PieceIndex.combine`)."""

    index: PieceIndex
    boxes: shapely.STRtree
    clusters: "_Clusters"
    reach: tuple[np.ndarray, np.ndarray]
    first: int = 0
    stop: int = 0

    @classmethod
    def of(cls, index: PieceIndex, first: int = 0, stop: int | None = None) -> "_NearestSearch":
        """The search over ``index`` (feature numbers ``first:stop`` in a combined index)."""
        if stop is None:  # an index of its own, not part of a combined one
            stop = first + (int(index.owner.max()) + 1 if len(index) else 0)
        return cls(index, _box_tree(index), _Clusters.of(index), _centre_radius(index.pieces),
                   int(first), int(stop))


#: Subjects whose first upper bound on the nearest distance exceeds this (m) look for their
#: candidates among cells of pieces before the pieces themselves.
CLUSTER_FROM_M = 200_000.0
#: Beyond this first upper bound (m, the largest ring allowed) a subject's distances are
#: measured by :func:`far.far_distances_m`, not in the 1° cells' local frames.
LOCAL_MAX_M = MAX_RING_KM * 1000.0


@dataclass(frozen=True, eq=False)
class _Clusters:
    """The pieces of an index grouped by the 1° cell of their box centre: the bounding box of
    each cell's pieces (indexed, with its centre and radius), and the pieces of each cell.
    A subject thousands of km away (a partnership project on another continent) is then
    compared with a few dozen cells, not with every piece."""

    boxes: np.ndarray
    tree: shapely.STRtree
    reach: tuple[np.ndarray, np.ndarray]
    members: np.ndarray
    starts: np.ndarray
    sizes: np.ndarray

    @classmethod
    def of(cls, index: PieceIndex) -> "_Clusters":
        """The cells of ``index``'s pieces."""
        cell = cells(index.pieces)[0]
        members = np.argsort(cell, kind="stable")
        sizes = np.bincount(cell)
        starts = np.r_[0, np.cumsum(sizes)[:-1]]
        b = shapely.bounds(index.pieces)[members]
        lo = [np.minimum.reduceat(b[:, k], starts) for k in (0, 1)]
        hi = [np.maximum.reduceat(b[:, k], starts) for k in (2, 3)]
        boxes = shapely.box(lo[0], lo[1], hi[0], hi[1])
        return cls(boxes, shapely.STRtree(boxes), _centre_radius(boxes), members, starts, sizes)

    def expand(self, si: np.ndarray, ck: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The (subject, piece) pairs of the (subject, cell) pairs ``si``, ``ck``."""
        reps = self.sizes[ck]
        offsets = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
        return np.repeat(si, reps), self.members[np.repeat(self.starts[ck], reps) + offsets]


def _upper_bound_m(a: np.ndarray, b: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """A distance (m) no shorter than the geodesic distance between each ``a[k]`` and
    ``b[ib[k]]``: the geodesic length between the nearest points of their boundaries in
    lon/lat (:func:`nearest.nearest_points`; both ends are points of the pair), or 1 mm for
    pairs that meet."""
    used, pos = np.unique(ib, return_inverse=True)
    _, ends = nearest_points(FlatPaths(a), np.arange(len(a)), FlatPaths(b[used]), pos)
    bound = GEOD.inv(ends[:, 0], ends[:, 1], ends[:, 2], ends[:, 3])[2] * (1 + 1e-9) + 1e-3
    bound[shapely.intersects(b[ib], a)] = 1e-3
    return bound


def _box_tree(index: PieceIndex) -> shapely.STRtree:
    """An STRtree of the pieces' bounding boxes (nearest candidates at box-to-box cost)."""
    return shapely.STRtree(shapely.envelope(index.pieces))


def _prune_far(sgeoms, reach, si, pj):
    """Drop candidate pairs that cannot be nearest: a lower bound on their geodesic distance
    (distance between the centres of their boxes minus both boxes' radii: the triangle
    inequality) exceeds the smallest upper bound (centre distance plus both radii).
    ``reach`` holds the centre and radius of every candidate's box (:func:`_centre_radius`)."""
    if len(si) < 2:
        return si, pj
    used = distinct(si)
    sc, sr = _centre_radius(sgeoms[used])
    pos = np.searchsorted(used, si)
    pc, pr = reach[0][pj], reach[1][pj]
    centre = _geodesic_m(sc[pos], pc)
    lower = centre - sr[pos] - pr
    upper = pd.Series(centre + sr[pos] + pr).groupby(si).transform("min").to_numpy()
    keep = lower <= upper
    return si[keep], pj[keep]


def _centre_radius(geoms):
    """Centre of each bounding box and a radius (m) that holds the box: the geodesic distance
    to the farther of its upper and lower corners (the box is symmetric east-west), plus 1 %."""
    b = shapely.bounds(geoms)
    centre = np.column_stack([(b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2])
    radius = np.maximum(_geodesic_m(centre, b[:, 2:4]), _geodesic_m(centre, b[:, [2, 1]]))
    return centre, radius * 1.01 + 1.0


def _geodesic_m(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Geodesic distance (m) between lon/lat rows of ``a`` and ``b``."""
    return GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])[2]


def _rows(pairs, subjects, feats, role: str, rings_km) -> pd.DataFrame:
    s, f = pairs["subject"].to_numpy(), pairs["feature"].to_numpy()
    out = pd.DataFrame({
        "concession_uid": take(subjects["uid"], s),
        "concession_id": take(subjects["id"], s),
        "concession_name": take(subjects["name"], s),
        "role": role,
        "feature_uid": take(feats["uid"], f),
        "feature_id": take(feats["id"], f),
        "feature_name": take(feats["name"], f),
        "distance_m": pairs["distance_m"].to_numpy(),
        "nearest": pairs["nearest"].to_numpy(bool),
    })
    dist = out["distance_m"].to_numpy()
    polygon = np.isin(shapely.get_type_id(np.asarray(feats.geometry.values)[f]), (3, 6))
    for k, km in enumerate(rings_km):
        out[f"within_{ring_label(km)}"] = dist <= km * 1000.0
    for k, km in enumerate(rings_km):
        col = pairs.get(f"_a{k}")
        area = col.to_numpy(float) if col is not None else np.full(len(out), np.nan)
        area = np.where(dist <= km * 1000.0, area / 1e4, 0.0)
        out[f"area_{ring_label(km)}_ha"] = np.where(polygon, area, np.nan)
    return out.sort_values(["concession_uid", "distance_m"], kind="stable", ignore_index=True)


def ring_zones(subjects: gpd.GeoDataFrame, rings_km) -> gpd.GeoDataFrame:
    """The subjects and their rings as zones (feature frame + ``zone`` and ``subject_uid``)
    for raster statistics: ``zone`` is ``"subject"`` or ``"ring_<r>km"``."""
    base = subjects.assign(zone="subject", subject_uid=subjects["uid"])
    frames = [base]
    geoms = np.asarray(subjects.geometry.values, dtype=object)
    for km, ring in zip(rings_km, rings_around(geoms, np.asarray(rings_km) * 1000.0)):
        frames.append(base.assign(zone=f"ring_{ring_label(km)}",
                                  geometry=gpd.GeoSeries(ring, crs=ANALYSIS_CRS).values))
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry",
                            crs=ANALYSIS_CRS)


def ring_counts(proximity: pd.DataFrame, rings_km) -> pd.DataFrame:
    """Per (subject, role, ring): how many features lie within the ring, their names
    (nearest first, ``"; "``-separated) and their total area inside it (ha, NaN when no
    feature has an area).  Groups come in the order of their first row."""
    cols = ["concession_uid", "concession_id", "role", "ring_km", "n_features", "names",
            "area_ha"]
    frames, codes = [], None
    for km in rings_km:
        column = f"within_{ring_label(km)}"
        if column not in proximity.columns:
            continue
        rows = np.flatnonzero(proximity[column].to_numpy(bool))
        if len(rows):
            if codes is None:
                codes = _GroupCodes.of(proximity)
            frames.append(_ring_rows(proximity, codes, rows, km))
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    return pd.concat(frames, ignore_index=True)[cols]


@dataclass(frozen=True)
class _GroupCodes:
    """Integer codes of a proximity table's (subject, role) groups, features and labels."""

    group: np.ndarray
    feature: np.ndarray
    label: np.ndarray
    labels: np.ndarray

    @classmethod
    def of(cls, proximity: pd.DataFrame) -> "_GroupCodes":
        """The codes of ``proximity``'s rows."""
        codes = lambda column: pd.factorize(column, use_na_sentinel=False)  # noqa: E731
        subject = codes(proximity["concession_uid"])[0].astype(np.int64)
        role, roles = codes(proximity["role"])
        name = proximity["feature_name"]
        label, labels = codes(name.where(name != "", proximity["feature_id"]))
        return cls(subject * max(len(roles), 1) + role,
                   codes(proximity["feature_uid"])[0].astype(np.int64),
                   label.astype(np.int64), np.asarray(labels, dtype=object))


def _ring_rows(proximity: pd.DataFrame, codes: _GroupCodes, rows: np.ndarray, km: float):
    """The ring-count rows of ring ``km`` from the proximity rows ``rows`` within it."""
    group = pd.factorize(codes.group[rows])[0]
    n = int(group.max()) + 1
    firsts = rows[np.unique(group, return_index=True)[1]]
    area = proximity[f"area_{ring_label(km)}_ha"].to_numpy(float)[rows]
    known = np.bincount(group, weights=~np.isnan(area), minlength=n)
    total = np.bincount(group, weights=np.nan_to_num(area), minlength=n)
    out = {c: proximity[c].take(firsts).reset_index(drop=True)
           for c in ("concession_uid", "concession_id", "role")}
    return pd.DataFrame({
        **out,
        "n_features": _distinct_per_group(group, codes.feature[rows], n),
        "names": _joined_labels(group, codes.label[rows], codes.labels, n),
        "area_ha": np.where(known > 0, total, np.nan),
    }).assign(ring_km=km)


def _distinct_per_group(group: np.ndarray, value: np.ndarray, n: int) -> np.ndarray:
    """How many distinct ``value`` codes each of the ``n`` groups holds."""
    width = int(value.max()) + 1
    pairs = distinct(group.astype(np.int64) * width + value)
    return np.bincount(pairs // width, minlength=n)


def _joined_labels(group, label, labels, n) -> list[str]:
    """``"; "``-joined distinct labels of each group, in the order of their first row."""
    width = int(label.max()) + 1
    first = np.sort(np.unique(group.astype(np.int64) * width + label, return_index=True)[1])
    first = first[np.argsort(group[first], kind="stable")]
    bounds = np.r_[0, np.cumsum(np.bincount(group[first], minlength=n))].tolist()
    text = labels[label[first]].tolist()
    return ["; ".join(text[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]
