"""Along-river distances for the downstream table (definitions in
:mod:`explorer.analysis.downstream`, graph in :mod:`explorer.analysis.rivernet`)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import shapely

from .gaps import GEOD, geodesic_gap_m
from .rivernet import RiverNetwork, along_flow_m, build_river_network

__all__ = ["RiverContext", "Flow", "RIVER_STEP_DEG"]

#: Longest river edge (degrees, about 550 m at the equator) kept as it is when the network is
#: built: flows start at the river vertices inside a title and reach features through vertices.
RIVER_STEP_DEG = 0.005


def _scaled_nearest(geom: shapely.Geometry, points: np.ndarray) -> int:
    """Index of the point nearest to ``geom`` (longitudes scaled by cos(latitude))."""
    miny, maxy = shapely.bounds(geom)[[1, 3]]
    k = max(np.cos(np.radians((miny + maxy) / 2)), 1e-6)
    squeeze = lambda xy: xy * np.array([k, 1.0])  # noqa: E731
    dist = shapely.distance(shapely.transform(geom, squeeze), shapely.transform(points, squeeze))
    return int(np.argmin(dist))


@dataclass(frozen=True)
class Flow:
    """Distances along the river from one subject (metres per node; inf = not reached)."""

    context: "RiverContext"
    dist_m: np.ndarray
    start_offset_km: float

    def basin_km(self, key: str) -> float:
        """Along-river km to the first reached vertex of basin ``key`` (inf if none)."""
        nodes = self.context.basin_nodes.get(key, np.empty(0, int))
        return float(self.dist_m[nodes].min()) / 1000 if len(nodes) else np.inf

    def feature_km(self, uid: str, key: str) -> tuple[float, float]:
        """(along-river km, offset km) to the first reached vertex of basin ``key`` within the
        snap distance of feature ``uid``; (inf, nan) when the flow never comes that close."""
        nodes, offsets = self.context.feature_nodes_in(uid, key)
        if not len(nodes):
            return np.inf, np.nan
        dist = self.dist_m[nodes]
        best = int(np.argmin(dist))
        if not np.isfinite(dist[best]):
            return np.inf, np.nan
        return float(dist[best]) / 1000, float(offsets[best])


@dataclass(frozen=True)
class RiverContext:
    """A river network with its vertices sorted into basins and matched to nearby features."""

    network: RiverNetwork
    points: np.ndarray
    tree: shapely.STRtree
    basin_nodes: dict[str, np.ndarray]
    feature_nodes: dict[str, tuple[np.ndarray, np.ndarray]]
    _pairs: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, rivers: gpd.GeoDataFrame, shapes: gpd.GeoDataFrame, features=None,
              snap_km: float = 2.0) -> "RiverContext":
        """Build the network of ``rivers`` (lon/lat lines, given a vertex at least every
        :data:`RIVER_STEP_DEG` along their straight edges, so that a title or a feature
        crossed by a long straight reach meets a vertex), sort its vertices by basin and
        find, for each feature (frame with ``uid`` and ``geometry``), the vertices within
        ``snap_km`` of it with their geodesic offsets."""
        lines = shapely.segmentize(np.asarray(rivers.geometry.values, dtype=object),
                                   RIVER_STEP_DEG)
        network = build_river_network(lines)
        points = network.points
        tree = shapely.STRtree(points)
        basin_nodes = _group(tree, shapes.index.to_numpy(), shapes.geometry.values)
        near = {}
        if features is not None and len(features):
            near = _near_nodes(tree, points, network.nodes, features, snap_km)
        return cls(network, points, tree, basin_nodes, near)

    def feature_nodes_in(self, uid: str, key: str) -> tuple[np.ndarray, np.ndarray]:
        """The vertices near feature ``uid`` that lie in basin ``key``, with their offsets
        (km); worked out once per pair."""
        pair = (uid, key)
        if pair not in self._pairs:
            nodes, offsets = self.feature_nodes.get(uid, (np.empty(0, int), np.empty(0)))
            mine = np.isin(nodes, self.basin_nodes.get(key, np.empty(0, int)), kind="table")
            self._pairs[pair] = (nodes[mine], offsets[mine])
        return self._pairs[pair]

    def has_nodes(self, key: str) -> bool:
        """True when some river vertex lies in basin ``key``."""
        return len(self.basin_nodes.get(key, ())) > 0

    def inside_nodes(self, subjects) -> list[np.ndarray]:
        """For each of ``subjects`` (geometries), the river vertices it holds (one query)."""
        subjects = np.asarray(subjects, dtype=object)
        owner, node = self.tree.query(subjects, predicate="intersects")
        order = np.argsort(owner, kind="stable")
        owner, node = owner[order], node[order]
        cuts = np.searchsorted(owner, np.arange(len(subjects) + 1))
        return [node[a:b] for a, b in zip(cuts[:-1], cuts[1:])]

    def _start(self, subject: shapely.Geometry, own: list[str],
               inside: np.ndarray | None = None) -> tuple[np.ndarray, float]:
        if inside is None:
            inside = self.tree.query(subject, predicate="intersects")
        if len(inside):
            return inside, 0.0
        candidates = [self.basin_nodes[k] for k in own if k in self.basin_nodes]
        if not candidates:
            return np.empty(0, int), np.nan
        candidates = np.concatenate(candidates)
        nearest = self.tree.query_nearest(subject, all_matches=False)
        if len(nearest) and (candidates == nearest[0]).any():
            near = int(nearest[0])
        else:
            near = int(candidates[_scaled_nearest(subject, self.points[candidates])])
        return np.array([near]), geodesic_gap_m(subject, self.points[[near]])[0] / 1000

    def follow(self, subject: shapely.Geometry, own: list[str], reach_km: float,
               inside: np.ndarray | None = None) -> Flow | None:
        """Distances along the flow from ``subject``, or None if its basins hold no river.
        ``inside`` may give the river vertices in the subject (:meth:`inside_nodes`)."""
        starts, offset = self._start(subject, own, inside)
        if not len(starts):
            return None
        dist = along_flow_m(self.network, starts, limit_m=reach_km * 1000)
        return Flow(self, dist, float(offset))


def _group(tree: shapely.STRtree, keys: np.ndarray, geoms) -> dict:
    """key -> indices of the tree's points intersecting that key's geometry."""
    owner, node = tree.query(np.asarray(geoms, dtype=object), predicate="intersects")
    order = np.argsort(owner, kind="stable")
    owner, node = owner[order], node[order]
    cuts = np.flatnonzero(np.diff(owner)) + 1
    firsts = owner[np.r_[0, cuts]] if len(owner) else []
    return {keys[o]: group for o, group in zip(firsts, np.split(node, cuts))}


def _near_nodes(tree, points, xy: np.ndarray, features, snap_km: float) -> dict:
    """uid -> (vertex indices within ``snap_km`` of the feature, their offsets in km);
    ``xy`` holds the lon/lat of the tree's ``points``."""
    # 1° of latitude is at least 110.5 km, so this degree radius never misses a vertex
    # (it over-selects in longitude); the geodesic gap then keeps the true ones.
    out = {}
    for uid, geom in zip(features["uid"], features.geometry.values):
        lat = abs(shapely.bounds(geom)[[1, 3]]).max() + 1.0
        radius = snap_km / 110.5 / max(np.cos(np.radians(min(lat, 89.0))), 1e-3)
        nodes = tree.query(geom, predicate="dwithin", distance=radius)
        if not len(nodes):
            continue
        offsets = np.zeros(len(nodes))   # vertices in the feature are 0 away: measure the rest
        apart = ~_intersects_xy(geom, xy[nodes])
        offsets[apart] = _gaps_to_outside_points_m(geom, points[nodes[apart]]) / 1000
        keep = offsets <= snap_km
        out[uid] = (nodes[keep], offsets[keep])
    return out


def _intersects_xy(geom: shapely.Geometry, xy: np.ndarray) -> np.ndarray:
    """For each lon/lat row of ``xy``, True if the point meets ``geom`` (tested on a prepared
    copy: the caller's geometry is left as it was)."""
    if not len(xy):
        return np.zeros(0, bool)
    geom = shapely.from_wkb(shapely.to_wkb(geom))
    shapely.prepare(geom)
    return shapely.intersects_xy(geom, xy[:, 0], xy[:, 1])


def _gaps_to_outside_points_m(geom, points: np.ndarray) -> np.ndarray:
    """:func:`~explorer.analysis.gaps.geodesic_gap_m` from a polygon to points outside it,
    with the polygon's edges in a tree so that each point is matched with its nearest edge
    alone (the same nearest point: the distance to a polygon from outside is the distance to
    its nearest edge); other geometries and few points go to ``geodesic_gap_m``."""
    if len(points) < 32 or shapely.get_type_id(geom) not in (3, 6):
        return geodesic_gap_m(geom, points)
    miny, maxy = shapely.bounds(geom)[[1, 3]]
    k = max(math.cos(math.radians((miny + maxy) / 2.0)), 1e-6)   # as geodesic_gap_m
    scale = np.array([k, 1.0])
    rings = shapely.get_rings(shapely.get_parts(geom))
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    coords = coords * scale
    same = np.flatnonzero(ring[1:] == ring[:-1])
    edges = shapely.linestrings(np.stack([coords[same], coords[same + 1]], axis=1))
    where = shapely.points(shapely.get_coordinates(points) * scale)
    point, nearest = shapely.STRtree(edges).query_nearest(where, all_matches=False)
    ends = shapely.get_coordinates(shapely.shortest_line(edges[nearest], where[point]))
    ends = ends.reshape(-1, 2, 2)
    _, _, dist = GEOD.inv(ends[:, 0, 0] / k, ends[:, 0, 1], ends[:, 1, 0] / k, ends[:, 1, 1])
    out = np.empty(len(points))
    out[point] = dist
    return out
