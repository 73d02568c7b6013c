"""Totals that dissolve before they add: per feature (subjects dissolved) and per subject
(each role's features dissolved).  Nothing is counted twice.

Lines (rivers): the covered length of a reach met by two or more subjects is the length of
the reach inside the *union* of those subjects (clipping the reach by each subject and
unioning the clipped lines does not dissolve them: the cut points differ in the last bits, so
a reach inside two nested titles was counted twice, up to ~140 %).

Rivers are context for the downstream and proximity steps, and a river network has tens of
thousands of reaches: the summary keeps only the river reaches that at least one subject
touches (``n_concessions`` > 0).  Polygon and point features are all listed, touched or not.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from layers.roles import Role

from .arrays import distinct, take
from .geodesy import area_m2, length_m
from .parallel import run_chunks

__all__ = ["overlapping_flags", "PolygonTree", "Dissolve", "run_dissolves",
           "feature_summary", "summary_dissolve", "summary_table", "totals_dissolve",
           "totals_table"]


def overlapping_flags(geoms: np.ndarray, among: np.ndarray | None = None,
                      workers: int = 1, tree: "PolygonTree | None" = None) -> np.ndarray:
    """True for each geometry whose interior meets the interior of another one in ``geoms``.
    With ``among`` (indices), only those geometries are tested; the others are False.
    ``tree`` is :meth:`PolygonTree.of` ``geoms``, if already built."""
    flags = np.zeros(len(geoms), bool)
    tree = tree or PolygonTree.of(geoms)
    tested = tree.polys if among is None else np.asarray(among)
    if len(tree.polys) < 2 or not len(tested):
        return flags
    hits = run_chunks(_flags_chunk, (geoms, tree, tested), len(tested), workers,
                      min_chunk=20_000)
    flags[np.concatenate(hits)] = True
    return flags


@dataclass(frozen=True, eq=False)
class PolygonTree:
    """The positions of the polygons among some geometries and an STRtree of them."""

    polys: np.ndarray
    tree: shapely.STRtree

    @classmethod
    def of(cls, geoms: np.ndarray) -> "PolygonTree":
        """The tree of the polygons and multipolygons of ``geoms``."""
        polys = np.flatnonzero(np.isin(shapely.get_type_id(geoms), (3, 6)))
        return cls(polys, shapely.STRtree(geoms[polys]))

    def overlapping(self, geoms: np.ndarray, tested: np.ndarray) -> np.ndarray:
        """The polygons among ``tested`` (positions in ``geoms``, the geometries of this
        tree) whose interior meets another's."""
        tested = np.intersect1d(self.polys, tested)
        if len(self.polys) < 2 or not len(tested):
            return np.zeros(0, np.int64)
        i, j = self.tree.query(geoms[tested], predicate="intersects")
        i, j = tested[i], self.polys[j]
        mask = i != j
        i, j = i[mask], j[mask]
        return distinct(i[~shapely.touches(geoms[i], geoms[j])])  # they meet: inside or on edges


def _flags_chunk(state, start, stop) -> np.ndarray:
    """The geometries among ``tested[start:stop]`` whose interior meets another's."""
    geoms, tree, tested = state
    return tree.overlapping(geoms, tested[start:stop])


@dataclass(eq=False)
class Dissolve:
    """Area and length per group of some pairs: plain sums, except the groups whose flagged
    members must be unioned first (``groups``: each such group's pair positions).
    :func:`run_dissolves` unions them; :meth:`measures` gives the totals then."""

    pairs: dict
    group_key: np.ndarray
    area: np.ndarray
    length: np.ndarray
    groups: list
    merged: tuple | None = None

    @classmethod
    def plan(cls, pairs, group_key: np.ndarray, n_groups: int,
             union_needed: np.ndarray) -> "Dissolve":
        """The sums of ``pairs`` per ``group_key`` and the groups (marked in
        ``union_needed``) with two or more flagged members to union."""
        area = np.bincount(group_key, weights=pairs["area_m2"], minlength=n_groups)
        length = np.bincount(group_key, weights=pairs["length_m"], minlength=n_groups)
        cand = np.flatnonzero(pairs["flagged"] & union_needed[group_key])
        cand = cand[np.argsort(group_key[cand], kind="stable")]
        groups = [m for m in np.split(cand, np.flatnonzero(np.diff(group_key[cand])) + 1)
                  if len(m) >= 2]
        return cls(pairs, group_key, area, length, groups)

    def measures(self) -> tuple[np.ndarray, np.ndarray]:
        """Area and length per group, the unioned groups measured on their unions."""
        if not self.groups:
            return self.area, self.length
        merged_area, merged_length = self.merged
        area, length = self.area.copy(), self.length.copy()
        g = self.group_key[[m[0] for m in self.groups]]  # distinct groups
        area[g] += merged_area - [self.pairs["area_m2"][m].sum() for m in self.groups]
        length[g] += merged_length - [self.pairs["length_m"][m].sum() for m in self.groups]
        return area, length


def run_dissolves(dissolves: list[Dissolve], workers: int = 1) -> None:
    """Union the groups of every one of ``dissolves``, all in one run of chunks (in
    ``workers`` processes)."""
    jobs = np.array([(k, i) for k, d in enumerate(dissolves) for i in range(len(d.groups))],
                    dtype=np.int64).reshape(-1, 2)
    if not len(jobs):
        return
    state = ([(d.pairs["geometry"], d.pairs["length_m"], d.groups) for d in dissolves], jobs)
    parts = run_chunks(_union_chunk, state, len(jobs), workers, min_chunk=2_000)
    area, length = (np.concatenate([p[k] for p in parts]) for k in range(2))
    for k, d in enumerate(dissolves):
        mine = jobs[:, 0] == k
        d.merged = (area[mine], length[mine])


def _union_chunk(state, start, stop) -> tuple[np.ndarray, np.ndarray]:
    """Area and length of the union of each group of ``jobs[start:stop]`` ((dissolve, group)
    rows; length only for groups of lines: a polygon's outline is no covered length)."""
    sources, jobs = state
    area, length = np.zeros(stop - start), np.zeros(stop - start)
    rows = jobs[start:stop]
    for k in distinct(rows[:, 0]):
        at = np.flatnonzero(rows[:, 0] == k)
        geoms, lengths, groups = sources[k]
        mine = [groups[i] for i in rows[at, 1]]
        merged = _unions(geoms, mine)
        lines = np.array([lengths[m].sum() > 0 for m in mine], bool)
        area[at] = area_m2(merged)
        length[at[lines]] = length_m(merged[lines])
    return area, length


def _unions(geoms: np.ndarray, groups: list[np.ndarray]) -> np.ndarray:
    """The union of ``geoms[members]`` for each group (pairs in one vectorised call)."""
    merged = np.empty(len(groups), dtype=object)
    two = np.flatnonzero([len(m) == 2 for m in groups])
    if len(two):
        first = np.array([groups[i][0] for i in two])
        second = np.array([groups[i][1] for i in two])
        merged[two] = shapely.union(geoms[first], geoms[second])
    for i in np.flatnonzero([len(m) > 2 for m in groups]):  # members apart are not overlaid
        merged[i] = shapely.disjoint_subset_union_all(geoms[groups[i]])
    return merged


def _line_cover(sub, length, n_sub, f_len, sgeoms, fgeoms) -> np.ndarray:
    """``length`` with each line feature met by 2+ subjects re-measured inside their union
    (one intersection and one length call for all of them)."""
    if sgeoms is None or fgeoms is None:
        return length
    length = length.copy()
    many = np.flatnonzero((n_sub >= 2) & (f_len > 0))
    if not len(many):
        return length
    covers = _covers(sgeoms, _members(sub, many, len(sgeoms)))
    length[many] = length_m(shapely.intersection(fgeoms[many], covers))
    return length


def _members(sub, features: np.ndarray, n_subjects: int) -> list[np.ndarray]:
    """For each of ``features`` (ascending, each met by a subject), the distinct subjects
    meeting it, ascending."""
    pick = np.isin(sub["feature"], features)
    key = distinct(sub["feature"][pick].astype(np.int64) * n_subjects + sub["subject"][pick])
    feature, subject = np.divmod(key, n_subjects)
    return np.split(subject, np.flatnonzero(np.diff(feature)) + 1)


def _covers(sgeoms: np.ndarray, members: list[np.ndarray]) -> np.ndarray:
    """``union_all(sgeoms[m])`` for each of ``members``: each distinct set of subjects is
    unioned once, all sets in one call (rows padded with None, which union_all ignores)."""
    rows: dict[tuple, int] = {}
    for m in members:
        rows.setdefault(tuple(m), len(rows))
    table = np.full((len(rows), max(map(len, rows))), None, dtype=object)
    for row, key in enumerate(rows):
        table[row, :len(key)] = sgeoms[list(key)]
    unions = shapely.union_all(table, axis=1)
    return unions[[rows[tuple(m)] for m in members]]


def feature_summary(pairs, feats, f_area, f_len, subject_flags: np.ndarray, *,
                    subject_geoms=None, feature_geoms=None, workers: int = 1) -> pd.DataFrame:
    """Per feature: its size, the part covered by any subject (subjects dissolved first),
    the percentage covered and the number of subjects overlapping it.  ``f_area`` (m²) and
    ``f_len`` (m, lines only) measure the features; ``subject_geoms`` and ``feature_geoms``
    (the geometries the pairs were cut from) let line coverage be measured inside the union
    of the subjects.  River reaches no subject touches are left out (module docstring)."""
    dissolve = summary_dissolve(pairs, len(feats), subject_flags)
    run_dissolves([dissolve], workers)
    return summary_table(dissolve, pairs, feats, f_area, f_len, subject_geoms=subject_geoms,
                         feature_geoms=feature_geoms)


def summary_dissolve(pairs, n_features: int, subject_flags: np.ndarray) -> Dissolve:
    """The :class:`Dissolve` of :func:`feature_summary`: the measured pairs per feature,
    subjects that overlap one another unioned."""
    measured = (pairs["area_m2"] > 0) | (pairs["length_m"] > 0)
    sub = {k: v[measured] for k, v in pairs.items() if isinstance(v, np.ndarray)}
    sub["flagged"] = subject_flags[sub["subject"]] if len(subject_flags) else np.zeros(0, bool)
    counts = np.bincount(sub["feature"][sub["flagged"]], minlength=n_features)
    return Dissolve.plan(sub, sub["feature"], n_features, counts >= 2)


def summary_table(dissolve: Dissolve, pairs, feats, f_area, f_len, *, subject_geoms=None,
                  feature_geoms=None) -> pd.DataFrame:
    """:func:`feature_summary` once the unions of its ``dissolve`` are run."""
    n, sub = len(feats), dissolve.pairs
    area, length = dissolve.measures()
    n_sub = np.bincount(sub["feature"], minlength=n)
    length = _line_cover(sub, length, n_sub, f_len, subject_geoms, feature_geoms)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(f_area > 0, 100 * area / f_area,
                       np.where(f_len > 0, 100 * length / f_len, np.nan))
    points = (f_area == 0) & (f_len == 0)
    contained = np.bincount(pairs["feature"][pairs["contained"]], minlength=n)
    table = pd.DataFrame({
        "role": pairs["role"] if isinstance(pairs["role"], str) else feats["role"].to_numpy(),
        "feature_uid": feats["uid"].to_numpy(), "feature_id": feats["id"].to_numpy(),
        "feature_name": feats["name"].to_numpy(),
        "feature_ha": np.where(f_area > 0, f_area / 1e4, np.nan), "covered_ha": area / 1e4, "pct_covered": pct,
        "n_concessions": np.where(points, contained, n_sub),
        "feature_km": np.where(f_len > 0, f_len / 1e3, np.nan),
        "covered_km": np.where(f_len > 0, length / 1e3, np.nan),
    })
    untouched_river = (table["role"] == Role.RIVER.value) & (table["n_concessions"] == 0)
    return table[~untouched_river.to_numpy()].reset_index(drop=True)


def totals_dissolve(pairs, n_subjects: int) -> Dissolve:
    """The :class:`Dissolve` of the per-subject totals (:func:`totals_table`): the polygon
    pairs per subject, the features of a subject that meets two or more unioned."""
    polys = pairs["area_m2"] > 0
    sub = {k: v[polys] for k, v in pairs.items() if isinstance(v, np.ndarray)}
    sub["flagged"] = np.ones(int(polys.sum()), bool)
    n_feat = np.bincount(sub["subject"], minlength=n_subjects)
    return Dissolve.plan(sub, sub["subject"], n_subjects, n_feat >= 2)


def totals_table(dissolve: Dissolve, subjects, s_area, role: str) -> pd.DataFrame:
    """Per subject and role: area covered by the role's features (features dissolved first),
    once the unions of its ``dissolve`` are run."""
    area, _ = dissolve.measures()
    n_feat = np.bincount(dissolve.pairs["subject"], minlength=len(subjects))
    has = n_feat > 0
    rows = np.flatnonzero(has)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(s_area > 0, 100 * area / s_area, np.nan)
    return pd.DataFrame({
        "concession_uid": take(subjects["uid"], rows),
        "concession_id": take(subjects["id"], rows),
        "concession_name": take(subjects["name"], rows),
        "role": role, "concession_ha": s_area[has] / 1e4, "overlap_ha": area[has] / 1e4,
        "pct_of_concession": pct[has], "n_features": n_feat[has],
    })
