"""A river network as a graph, for along-flow distances.

Nodes are the distinct vertices of the river lines (coordinates rounded to 1e-7°, about 1 cm,
so reaches that share an end point join there); edges are the segments between consecutive
vertices, weighted by their geodesic length on WGS 84.  The along-flow distance between two
nodes is the length of the shortest path between them (Dijkstra), i.e. the geodesic length of
the river line followed vertex by vertex.

Direction: HydroRIVERS and Free-Flowing Rivers digitise each reach from upstream to
downstream, so a confluence is a node where several reaches *end* and no node has two
reaches *starting* from it.  ``orientation="auto"`` counts those nodes: when nodes with two or
more incoming segments outnumber nodes with two or more outgoing segments by 3 to 1 the lines
are taken as digitised with the flow, in the opposite case against it (they are reversed),
and otherwise the graph is undirected (a path may then run upstream, which on a tree-shaped
network only happens for targets that are not downstream).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from .gaps import geodesic_lengths_m

__all__ = ["RiverNetwork", "build_river_network", "along_flow_m"]


@dataclass(frozen=True)
class RiverNetwork:
    """Nodes (lon/lat), the weighted graph, and how its direction was decided."""

    nodes: np.ndarray  # (n, 2) lon/lat
    graph: csr_matrix
    directed: bool
    orientation: str  # "with_flow", "reversed" or "undirected"

    @property
    def points(self) -> np.ndarray:
        """The nodes as shapely Points (built on first use)."""
        return shapely.points(self.nodes)


def _segments(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    parts = shapely.get_parts(lines)
    parts = parts[shapely.get_type_id(parts) == 1]  # LineStrings only
    coords, index = shapely.get_coordinates(parts, return_index=True)
    same = index[:-1] == index[1:]
    start = np.flatnonzero(same)
    return coords, start


def _unique_rows(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(keys, axis=0, return_inverse=True)`` for (n, 2) floats: the distinct rows
    sorted by x then y, and the row of each key among them (one lexsort, a few times faster)."""
    order = np.lexsort((keys[:, 1], keys[:, 0]))
    ordered = keys[order]
    new = np.ones(len(ordered), bool)
    new[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    inverse = np.empty(len(ordered), np.intp)
    inverse[order] = np.cumsum(new) - 1
    return ordered[new], inverse


def _orientation(src: np.ndarray, dst: np.ndarray, n: int, wanted: str) -> str:
    if wanted != "auto":
        return wanted
    many_out = int((np.bincount(src, minlength=n) >= 2).sum())
    many_in = int((np.bincount(dst, minlength=n) >= 2).sum())
    if many_in > 3 * many_out:
        return "with_flow"
    if many_out > 3 * many_in:
        return "reversed"
    return "undirected"


def build_river_network(lines, orientation: str = "auto") -> RiverNetwork:
    """The graph of the river lines ``lines`` (lon/lat LineStrings or MultiLineStrings).

    ``orientation`` is ``"auto"`` (see the module notes), ``"with_flow"``, ``"reversed"`` or
    ``"undirected"``.
    """
    coords, start = _segments(np.asarray(lines, dtype=object))
    nodes, inverse = _unique_rows(np.round(coords, 7))
    src, dst = inverse[start], inverse[start + 1]
    keep = src != dst
    src, dst, first = src[keep], dst[keep], start[keep]
    weight = geodesic_lengths_m(coords[first, 0], coords[first, 1],
                                coords[first + 1, 0], coords[first + 1, 1])
    weight = np.maximum(weight, 1e-6)  # csgraph treats explicit zeros as missing edges
    n = len(nodes)
    mode = _orientation(src, dst, n, orientation)
    if mode == "reversed":
        src, dst = dst, src
    graph = csr_matrix((weight, (src, dst)), shape=(n, n))
    return RiverNetwork(nodes=nodes, graph=graph, directed=mode != "undirected", orientation=mode)


def along_flow_m(network: RiverNetwork, start_nodes, limit_m: float = np.inf) -> np.ndarray:
    """Along-flow distance in metres from the nearest of ``start_nodes`` to every node.

    Nodes farther than ``limit_m`` or not reachable are ``inf``.
    """
    start_nodes = np.unique(np.asarray(start_nodes, dtype=int))
    if not len(start_nodes):
        return np.full(len(network.nodes), np.inf)
    return dijkstra(network.graph, directed=network.directed, indices=start_nodes,
                    min_only=True, limit=limit_m)
